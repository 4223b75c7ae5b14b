import { type KeyboardEvent, type ReactNode, Suspense, useId, useRef } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  /** a short count shown beside the label (queue length, help requests…) */
  badge?: number;
}

interface TabsProps<T extends string> {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
}

/**
 * WAI-ARIA tabs: one tab stop for the strip, arrow keys (and Home/End) move between tabs, and only
 * the selected panel is rendered.
 */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: TabsProps<T>) {
  const base = useId();
  const strip = useRef<HTMLDivElement>(null);
  const current = tabs.some((tab) => tab.id === selected) ? selected : tabs[0]?.id;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current);
    const next = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.id);
    strip.current?.querySelector<HTMLButtonElement>(`[data-tab="${target.id}"]`)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-strip" ref={strip} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-${tab.id}`}
            data-tab={tab.id}
            aria-selected={tab.id === current}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge ? <span className="tab-badge">{tab.badge}</span> : null}
          </button>
        ))}
      </div>
      {/* Keyed by tab: each tab opens at its top rather than where the previous one was scrolled to. */}
      <div
        key={current}
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-${current}`}
        className="tab-panel"
      >
        {/* A tab opened for the first time may wait for its words; only the panel waits. */}
        <Suspense fallback={<p className="muted">…</p>}>{children}</Suspense>
      </div>
    </div>
  );
}
