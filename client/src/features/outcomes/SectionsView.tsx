import { OUTCOME_SECTIONS, type OutcomeSections } from '@plenary/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  sections: OutcomeSections;
  /** Something to offer beside each proposal (chairs: "Put to plenary"). */
  proposalAction?: (text: string) => ReactNode;
}

/** A group's four lists, read only. */
export function SectionsView({ sections, proposalAction }: Props) {
  const { t } = useTranslation('outcomes');
  return (
    <div className="outcome-sections">
      {OUTCOME_SECTIONS.map((section) => (
        <section key={section} className="outcome-section" aria-label={t(`section.${section}`)}>
          <h3>{t(`section.${section}`)}</h3>
          {sections[section].length === 0 ? (
            <p className="muted small-print">{t('none')}</p>
          ) : (
            <ul className="outcome-items">
              {sections[section].map((item, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items are plain texts, possibly repeated
                <li key={index} className="row">
                  <span className="grow">{item}</span>
                  {section === 'proposals' && proposalAction?.(item)}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
