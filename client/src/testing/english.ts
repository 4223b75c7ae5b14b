// The English catalogs, loaded at once, for tests that check what a person would read. Tests only.
import i18next, { type TFunction } from 'i18next';
import { type Message, type MessageT, wordsOf } from '../i18n/message.ts';
import type { Resources } from '../i18n/resources.ts';
import type { Notice } from '../stores/slices/notices.ts';

const files = import.meta.glob<Record<string, unknown>>('../i18n/locales/en/*.json', {
  import: 'default',
  eager: true,
});

const resources = {
  en: Object.fromEntries(
    Object.entries(files).map(([path, catalog]) => [path.replace(/^.*\/(.+)\.json$/, '$1'), catalog]),
  ),
};

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources,
  initAsync: false,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

/** `t` over every English namespace (`ns:key`), as the app words it. */
export const en = english.t as TFunction<readonly (keyof Resources)[]>;

/** A message as an English reader sees it: the sentence, then the server's detail if any. */
export function englishOf(message: Message): string {
  const t = english.t as unknown as MessageT;
  const { text, serverDetail } = wordsOf(t, message);
  if (serverDetail === null) return text;
  return `${text} ${t('errors:serverSaid')} ${serverDetail}`;
}

/** Notices as an English reader sees them: `{ topic, tone, text }`. */
export const englishNotices = (notices: readonly Notice[]) =>
  notices.map(({ topic, tone, message }) => ({ topic, tone, text: englishOf(message) }));
