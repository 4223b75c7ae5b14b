import { useTranslation } from 'react-i18next';
import { changeUiLanguage } from '../i18n/i18n.ts';
import { isUiLanguage, LANGUAGE_NAMES, UI_LANGUAGES } from '../i18n/languages.ts';

/** The interface language, for this device; each option is named in its own language. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={i18n.resolvedLanguage}
        onChange={(event) => {
          const next = event.target.value;
          if (isUiLanguage(next)) void changeUiLanguage(next);
        }}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
