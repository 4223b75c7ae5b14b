import type { KeyValueStore } from '../lib/storage.ts';

/** The languages the interface is translated into; the first is the fallback for missing keys. */
export const UI_LANGUAGES = ['en', 'zh'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's name in itself, for the picker: a reader finds their own language by its look. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', zh: '中文' };

const STORAGE_KEY = 'plenary.uiLanguage';

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

/** The interface language for a tag such as `zh-Hant-TW` or `en-AU`, if we have one. */
export function uiLanguageOf(tag: string): UiLanguage | undefined {
  const primary = tag.toLowerCase().split('-')[0];
  return isUiLanguage(primary) ? primary : undefined;
}

/** A choice made on this device wins; then the browser's preferred languages in order; then English. */
export function pickUiLanguage(storage: KeyValueStore, preferred: readonly string[]): UiLanguage {
  const stored = storage.getItem(STORAGE_KEY);
  if (isUiLanguage(stored)) return stored;
  for (const tag of preferred) {
    const language = uiLanguageOf(tag);
    if (language) return language;
  }
  return UI_LANGUAGES[0];
}

export function rememberUiLanguage(storage: KeyValueStore, language: UiLanguage): void {
  storage.setItem(STORAGE_KEY, language);
}

/** `Latn` for `en-GB`, `Hans` for `zh-CN` and `zh`, `Hant` for `zh-TW`; null for a tag Intl refuses. */
function scriptOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).maximize().script ?? null;
  } catch {
    return null;
  }
}

/**
 * The locale dates, times and numbers are formatted in: the browser's own regional variant of the
 * interface language when it has one (`en-GB` shows 09:30, not 9:30 AM), else the language itself.
 * A variant in another script doesn't count: Simplified Chinese text gets Simplified dates.
 */
export function formattingLocale(language: UiLanguage, preferred: readonly string[]): string {
  const script = scriptOf(language);
  const regional = preferred.find((tag) => uiLanguageOf(tag) === language && scriptOf(tag) === script);
  return regional ?? language;
}
