import { useTranslation } from 'react-i18next';
import { formattingLocale, isUiLanguage, UI_LANGUAGES } from './languages.ts';

/** The locale to format dates, times and numbers in: follows the interface language as it changes. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  const language = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : UI_LANGUAGES[0];
  return formattingLocale(language, typeof navigator === 'undefined' ? [] : navigator.languages);
}

/** Joins names as the reader's language does: "Ana, Ben, and Cy", "Ana、Ben和Cy". */
export function useListFormat(): (items: readonly string[]) => string {
  const locale = useLocale();
  const format = new Intl.ListFormat(locale, { type: 'conjunction' });
  return (items) => format.format(items);
}
