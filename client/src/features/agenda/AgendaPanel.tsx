import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useLocale } from '../../i18n/useLocale.ts';
import { EMPTY } from '../../lib/empty.ts';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { act } from '../../session/actions.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { selectIsChair, selectViewerTimeZone } from '../../stores/selectors.ts';
import { AgendaEditor } from '../console/chairOnly.tsx';
import { type AgendaRow, agendaDays, runningTime } from './agendaView.ts';

export function AgendaPanel() {
  const { t } = useTranslation('agenda');
  const locale = useLocale();
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
  const days = useMemo(() => agendaDays(source, viewerZone, locale), [source, viewerZone, locale]);
  return (
    <div className="agenda">
      <CurrentItem chair={chair} />
      {days.length === 0 && <p className="muted">{chair ? t('emptyChair') : t('empty')}</p>}
      {days.map(({ day, label, rows }) => (
        <section key={day.id} className="panel-section" aria-label={label}>
          <h2>{label}</h2>
          {rows.length === 0 ? (
            <p className="muted">{t('nothingPlanned')}</p>
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
        <p className="muted small-print">{t('otherZone', { viewerZone, zone: source.timeZone })}</p>
      )}
      {chair && <AgendaEditor />}
    </div>
  );
}

function AgendaRowView({ row, chair }: { row: AgendaRow; chair: boolean }) {
  const { t } = useTranslation('agenda');
  const { item } = row;
  return (
    <li className="agenda-item" aria-current={row.current ? 'step' : undefined}>
      <p className="agenda-when">
        <span className="mono">{row.start}</span>
        {row.workshopStart && <span className="muted"> {t('workshopTime', { time: row.workshopStart })}</span>}
        <span className="muted"> · {t('minutes', { count: item.durationMinutes })}</span>
      </p>
      <p className="agenda-title">
        {item.title}
        {item.presenter && <span className="muted"> · {item.presenter}</span>}
      </p>
      <span className="agenda-side">
        <span className={`badge kind-${item.kind}`}>{t(`kind.${item.kind}`)}</span>
        {chair && !row.current && (
          <button
            type="button"
            className="small"
            aria-label={t('startItem', { title: item.title })}
            onClick={() => void act({ type: 'agenda.startItem', itemId: item.id })}
          >
            {t('start')}
          </button>
        )}
      </span>
    </li>
  );
}

function CurrentItem({ chair }: { chair: boolean }) {
  const { t } = useTranslation('agenda');
  const current = useAppStore((state) => state.workshop?.currentItem ?? null);
  const item = useAppStore((state) => state.workshop?.agenda.find((entry) => entry.id === current?.itemId));
  const now = useNow(1000, current !== null);
  if (!current || !item) return null;
  const { elapsedMs, overrunMs } = runningTime(current, item, now);
  return (
    <section className="current-item" aria-label={t('current.label')} data-over={overrunMs > 0 ? '' : undefined}>
      <p className="muted">{t('current.now')}</p>
      <p className="current-title">{item.title}</p>
      <p className="mono">
        {t('current.elapsed', { elapsed: formatDuration(elapsedMs), count: item.durationMinutes })}
        {overrunMs > 0 && <strong> · {t('current.over', { over: formatDuration(overrunMs) })}</strong>}
      </p>
      {chair && (
        <button type="button" className="small" onClick={() => void act({ type: 'agenda.stopItem' })}>
          {t('current.stop')}
        </button>
      )}
    </section>
  );
}
