import type { AgendaItem } from '@plenary/shared';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EMPTY } from '../../lib/empty.ts';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectViewerTimeZone } from '../../stores/selectors.ts';
import { AgendaEditor } from '../console/chairOnly.tsx';
import { type AgendaRow, agendaDays, runningTime } from './agendaView.ts';

const KIND_LABELS: Record<AgendaItem['kind'], string> = {
  plenary: 'Plenary',
  breakout: 'Breakout',
  'report-back': 'Report-back',
  break: 'Break',
};

export function AgendaPanel() {
  const source = useAppStore(
    useShallow((state) => ({
      days: state.workshop?.days ?? EMPTY,
      agenda: state.workshop?.agenda ?? EMPTY,
      timeZone: state.workshop?.timeZone ?? 'UTC',
      currentItem: state.workshop?.currentItem ?? null,
    })),
  );
  const viewerZone = useAppStore(selectViewerTimeZone);
  const chair = useAppStore(selectIsChair);
  const days = useMemo(() => agendaDays(source, viewerZone), [source, viewerZone]);
  return (
    <div className="agenda">
      <CurrentItem chair={chair} />
      {days.length === 0 && <p className="muted">The agenda is empty{chair ? ': add a day below.' : '.'}</p>}
      {days.map(({ day, label, rows }) => (
        <section key={day.id} className="panel-section" aria-label={label}>
          <h2>{label}</h2>
          {rows.length === 0 ? (
            <p className="muted">Nothing planned yet.</p>
          ) : (
            <ol className="agenda-items">
              {rows.map((row) => (
                <AgendaRowView key={row.item.id} row={row} chair={chair} />
              ))}
            </ol>
          )}
        </section>
      ))}
      {source.timeZone !== viewerZone && (
        <p className="muted small-print">
          Times are on your clock ({viewerZone}); the workshop runs on {source.timeZone} time.
        </p>
      )}
      {chair && <AgendaEditor />}
    </div>
  );
}

function AgendaRowView({ row, chair }: { row: AgendaRow; chair: boolean }) {
  const { item } = row;
  return (
    <li className="agenda-item" aria-current={row.current ? 'step' : undefined}>
      <p className="agenda-when">
        <span className="mono">{row.start}</span>
        {row.workshopStart && <span className="muted"> ({row.workshopStart} workshop time)</span>}
        <span className="muted"> · {item.durationMinutes} min</span>
      </p>
      <p className="agenda-title">
        {item.title}
        {item.presenter && <span className="muted"> · {item.presenter}</span>}
      </p>
      <span className="agenda-side">
        <span className={`badge kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
        {chair && !row.current && (
          <button
            type="button"
            className="small"
            aria-label={`Start ${item.title}`}
            onClick={() => void act({ type: 'agenda.startItem', itemId: item.id })}
          >
            Start
          </button>
        )}
      </span>
    </li>
  );
}

function CurrentItem({ chair }: { chair: boolean }) {
  const current = useAppStore((state) => state.workshop?.currentItem ?? null);
  const item = useAppStore((state) => state.workshop?.agenda.find((entry) => entry.id === current?.itemId));
  const now = useNow(1000, current !== null);
  if (!current || !item) return null;
  const { elapsedMs, overrunMs } = runningTime(current, item, now);
  return (
    <section className="current-item" aria-label="Current agenda item" data-over={overrunMs > 0 ? '' : undefined}>
      <p className="muted">Now</p>
      <p className="current-title">{item.title}</p>
      <p className="mono">
        {formatDuration(elapsedMs)} of {item.durationMinutes} min
        {overrunMs > 0 && <strong> · {formatDuration(overrunMs)} over</strong>}
      </p>
      {chair && (
        <button type="button" className="small" onClick={() => void act({ type: 'agenda.stopItem' })}>
          Stop item
        </button>
      )}
    </section>
  );
}
