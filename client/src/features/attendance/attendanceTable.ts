import type { AttendanceDay, AttendanceResponse, OrganisationDay } from '@plenary/shared';

/** `2:05` for 125 minutes: hours and minutes, as attendance sheets count time. */
export function hoursAndMinutes(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The day to show: the one picked while it is still there, else the latest (today, during a workshop). */
export function dayToShow(summary: AttendanceResponse | null, picked: string | null): AttendanceDay | undefined {
  const days = summary?.days ?? [];
  return days.find((day) => day.date === picked) ?? days.at(-1);
}

/** Present out of registered, e.g. `3 / 4`, and the share as a whole percent. */
export function presence(present: number, registered: number): { text: string; percent: number } {
  return { text: `${present} / ${registered}`, percent: registered > 0 ? Math.round((present / registered) * 100) : 0 };
}

/**
 * An organisation's day, from its first arrival to its last departure: `[firstIn, lastOut]`, with
 * lastOut null while anyone is still there, and both null when nobody came.
 */
export function organisationSpan(row: OrganisationDay): [number | null, number | null] {
  if (row.attendees.length === 0) return [null, null];
  const firstIn = Math.min(...row.attendees.map((person) => person.firstIn));
  const lastOut = row.attendees.some((person) => person.lastOut === null)
    ? null
    : Math.max(...row.attendees.map((person) => person.lastOut ?? 0));
  return [firstIn, lastOut];
}

/**
 * `09:05` in `timeZone`, and `Tue 11 Mar` for a `YYYY-MM-DD` day. (Not lib/time.ts, for the same
 * reason as the speaking-time chart: importing it from a lazy chunk grows every page's initial JS.)
 */
export const clockTime = (epoch: number, timeZone: string, locale?: string): string =>
  // `2:17 PM` stays on one line in a narrow column.
  new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(epoch).replace(/\s/gu, '\u00a0');

export function dayName(date: string, locale?: string): string {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}
