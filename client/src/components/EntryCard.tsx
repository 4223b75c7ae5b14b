import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker.tsx';

/** The top of a card outside the stage: the name of the app, and the language to read it in. */
export function EntryTop() {
  const { t } = useTranslation();
  return (
    <div className="entry-top">
      <p className="brand" aria-hidden="true">
        {t('brand')}
      </p>
      <LanguagePicker />
    </div>
  );
}

/** The centred card of the pages outside a workshop (start, join, resume, not found). */
export function EntryCard({ title, label, children }: { title: string; label?: string; children: ReactNode }) {
  return (
    <main className="entry" aria-label={label ?? title}>
      <div className="entry-card">
        <EntryTop />
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
