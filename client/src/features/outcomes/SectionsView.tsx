import { OUTCOME_SECTIONS, type OutcomeSections } from '@plenary/shared';
import type { ReactNode } from 'react';
import { SECTION_TITLES } from './outcomes.ts';

interface Props {
  sections: OutcomeSections;
  /** Something to offer beside each proposal (chairs: "Put to plenary"). */
  proposalAction?: (text: string) => ReactNode;
}

/** A group's four lists, read only. */
export function SectionsView({ sections, proposalAction }: Props) {
  return (
    <div className="outcome-sections">
      {OUTCOME_SECTIONS.map((section) => (
        <section key={section} className="outcome-section" aria-label={SECTION_TITLES[section]}>
          <h3>{SECTION_TITLES[section]}</h3>
          {sections[section].length === 0 ? (
            <p className="muted small-print">None</p>
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
