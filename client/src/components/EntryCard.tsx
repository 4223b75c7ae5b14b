import type { ReactNode } from 'react';

/** The centred card of the pages outside a workshop (start, join, resume, lobby). */
export function EntryCard({ title, label, children }: { title: string; label?: string; children: ReactNode }) {
  return (
    <main className="entry" aria-label={label ?? title}>
      <div className="entry-card">
        <p className="brand" aria-hidden="true">
          Plenary
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
