import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { runningTime } from './agendaView.ts';

/** The agenda item running now and for how long, in the room's header. */
export function CurrentItemChip() {
  const { t } = useTranslation('agenda');
  const current = useAppStore((state) => state.workshop?.currentItem ?? null);
  const item = useAppStore((state) => state.workshop?.agenda.find((entry) => entry.id === current?.itemId));
  const now = useNow(1000, current !== null);
  if (!current || !item) return null;
  const { elapsedMs, overrunMs } = runningTime(current, item, now);
  return (
    <p className="chip" data-over={overrunMs > 0 ? '' : undefined}>
      <span className="muted">{t('chip.now')}</span> {item.title}{' '}
      <span className="mono">
        {t('chip.elapsed', { elapsed: formatDuration(elapsedMs), count: item.durationMinutes })}
      </span>
    </p>
  );
}
