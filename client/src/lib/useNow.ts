import { useEffect, useState } from 'react';

/**
 * The current time, re-rendering every `intervalMs` while `active`; countdowns read it. Ticks fall
 * on whole multiples of the interval, so two clocks on one screen (the header's and a panel's)
 * change at the same moment instead of showing different seconds.
 */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(
        () => {
          setNow(Date.now());
          schedule();
        },
        intervalMs - (Date.now() % intervalMs),
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [intervalMs, active]);
  return now;
}
