// The shape of every namespace, from the English catalogs: `t('queue:giveFloor')` with a key that
// is not there fails to compile. Types only; the catalogs themselves load lazily (see i18n.ts).
import type agenda from './locales/en/agenda.json';
import type attendance from './locales/en/attendance.json';
import type board from './locales/en/board.json';
import type breakouts from './locales/en/breakouts.json';
import type chat from './locales/en/chat.json';
import type common from './locales/en/common.json';
import type connection from './locales/en/connection.json';
import type csvImport from './locales/en/csvImport.json';
import type devices from './locales/en/devices.json';
import type errors from './locales/en/errors.json';
import type invites from './locales/en/invites.json';
import type library from './locales/en/library.json';
import type lobby from './locales/en/lobby.json';
import type notes from './locales/en/notes.json';
import type notices from './locales/en/notices.json';
import type outcomes from './locales/en/outcomes.json';
import type polls from './locales/en/polls.json';
import type presentation from './locales/en/presentation.json';
import type proposals from './locales/en/proposals.json';
import type queue from './locales/en/queue.json';
import type recall from './locales/en/recall.json';
import type report from './locales/en/report.json';
import type series from './locales/en/series.json';
import type stage from './locales/en/stage.json';
import type start from './locales/en/start.json';
import type stats from './locales/en/stats.json';

export interface Resources {
  agenda: typeof agenda;
  attendance: typeof attendance;
  board: typeof board;
  breakouts: typeof breakouts;
  chat: typeof chat;
  common: typeof common;
  connection: typeof connection;
  csvImport: typeof csvImport;
  devices: typeof devices;
  errors: typeof errors;
  invites: typeof invites;
  library: typeof library;
  lobby: typeof lobby;
  notes: typeof notes;
  notices: typeof notices;
  outcomes: typeof outcomes;
  polls: typeof polls;
  presentation: typeof presentation;
  proposals: typeof proposals;
  queue: typeof queue;
  recall: typeof recall;
  report: typeof report;
  series: typeof series;
  stage: typeof stage;
  start: typeof start;
  stats: typeof stats;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
