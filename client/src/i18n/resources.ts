// The shape of every namespace, from the English catalogs: `t('queue:giveFloor')` with a key that
// is not there fails to compile. Types only; the catalogs themselves load lazily (see i18n.ts).
import type agenda from './locales/en/agenda.json';
import type common from './locales/en/common.json';
import type errors from './locales/en/errors.json';
import type lobby from './locales/en/lobby.json';
import type notices from './locales/en/notices.json';
import type queue from './locales/en/queue.json';
import type stage from './locales/en/stage.json';
import type start from './locales/en/start.json';

export interface Resources {
  agenda: typeof agenda;
  common: typeof common;
  errors: typeof errors;
  lobby: typeof lobby;
  notices: typeof notices;
  queue: typeof queue;
  stage: typeof stage;
  start: typeof start;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
