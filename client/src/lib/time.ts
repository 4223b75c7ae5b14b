// Clock arithmetic and formatting for agenda times, turns and breakout timers. Pure: "now" and the
// locale are arguments, so tests don't depend on the machine they run on.

const MINUTE_MS = 60_000;

/** `m:ss` under an hour, `h:mm:ss` beyond; negative durations count as zero. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

export const minutesToMs = (minutes: number): number => Math.round(minutes * MINUTE_MS);

export { zonedTimeToEpoch } from '@plenary/shared';

/** `16:30`, in the viewer's zone and locale. */
export function formatClock(epoch: number, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(epoch);
}

const utcDay = (date: string): number => {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
};

/** `Tue 14 May` for a `YYYY-MM-DD` date, whatever zone the viewer is in. */
export function formatDate(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    utcDay(date),
  );
}

/** `10 Mar 2025` (`2025年3月10日`) for a `YYYY-MM-DD` date, whatever zone the viewer is in. */
export function formatDay(date: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    utcDay(date),
  );
}

/** The browser's IANA zone, or UTC when it won't say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the browser knows, for a datalist; empty where the browser can't list them. */
export function knownTimeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}
