import { Trans, useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { breakoutClock } from './breakoutClock.ts';

/** In the header while a set is open: the time left, or the countdown back to the plenary. */
export function BreakoutBanner() {
  const { t } = useTranslation('breakouts');
  const open = useAppStore((state) => state.workshop?.breakouts.open ?? null);
  const now = useNow(1000, open !== null);
  if (!open) return null;
  const clock = breakoutClock(open, now);
  return (
    <p className="chip" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
      <Trans
        t={t}
        i18nKey={clock.phase === 'recalling' ? 'banner.recalling' : 'banner.running'}
        values={{ time: formatDuration(clock.remainingMs) }}
        components={[<span key="time" className="mono" />]}
      />
    </p>
  );
}
