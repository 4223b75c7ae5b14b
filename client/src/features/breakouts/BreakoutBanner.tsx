import { formatDuration } from '../../lib/time.ts';
import { useNow } from '../../lib/useNow.ts';
import { useAppStore } from '../../stores/appStore.ts';
import { breakoutClock } from './breakoutClock.ts';

/** In the header while a set is open: the time left, or the countdown back to the plenary. */
export function BreakoutBanner() {
  const open = useAppStore((state) => state.workshop?.breakouts.open ?? null);
  const now = useNow(1000, open !== null);
  if (!open) return null;
  const clock = breakoutClock(open, now);
  return (
    <p className="chip" data-tone={clock.phase === 'recalling' ? 'warning' : undefined}>
      {clock.phase === 'recalling' ? (
        <>
          Back to plenary in <span className="mono">{formatDuration(clock.remainingMs)}</span>
        </>
      ) : (
        <>
          Breakouts: <span className="mono">{formatDuration(clock.remainingMs)}</span> left
        </>
      )}
    </p>
  );
}
