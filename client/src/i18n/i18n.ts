import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserStorage } from '../lib/storage.ts';
import { pickUiLanguage, rememberUiLanguage, UI_LANGUAGES, type UiLanguage } from './languages.ts';

/**
 * Translations live in `locales/<language>/<namespace>.json`, one namespace per feature. Each file
 * is its own chunk, fetched when a component first asks for its namespace in the current language:
 * a delegate never downloads the facilitator console's strings, nor the other language's.
 */
const catalogs = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const lazyCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogs[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no translations for ${language}/${namespace}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n: I18n = i18next.createInstance();

/** Starts translation in the language this device chose before, else the browser's. */
export function startI18n(language?: UiLanguage): Promise<unknown> {
  const storage = browserStorage();
  const lng = language ?? pickUiLanguage(storage, typeof navigator === 'undefined' ? [] : navigator.languages);
  i18n.on('languageChanged', (next) => {
    if (typeof document !== 'undefined') document.documentElement.lang = next;
  });
  return i18n
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng,
      fallbackLng: UI_LANGUAGES[0],
      supportedLngs: [...UI_LANGUAGES],
      ns: ['common'],
      defaultNS: 'common',
      // React escapes what it renders; escaping again would show &amp; in names like "R&D".
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
}

export async function changeUiLanguage(language: UiLanguage): Promise<void> {
  rememberUiLanguage(browserStorage(), language);
  await i18n.changeLanguage(language);
}
