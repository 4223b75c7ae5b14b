import type { AgendaItem, CurrentItem, Day, WorkshopView } from '@plenary/shared';
import { formatClock, formatDate, zonedTimeToEpoch } from '../../lib/time.ts';

export interface AgendaRow {
  item: AgendaItem;
  /** epoch ms of the planned start */
  startsAt: number;
  /** the planned start on the viewer's clock */
  start: string;
  /** the planned start as the agenda writes it, when the viewer is in another zone */
  workshopStart: string | null;
  current: boolean;
}

export interface AgendaDay {
  day: Day;
  label: string;
  rows: AgendaRow[];
}

interface AgendaSource extends Pick<WorkshopView, 'timeZone' | 'currentItem'> {
  days: readonly Day[];
  agenda: readonly AgendaItem[];
}

/** The agenda by day (in date order), each item's start on the viewer's clock. */
export function agendaDays(workshop: AgendaSource, viewerTimeZone: string, locale?: string): AgendaDay[] {
  const otherZone = viewerTimeZone !== workshop.timeZone;
  return [...workshop.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({
      day,
      label: `${formatDate(day.date, locale)}${day.title ? ` · ${day.title}` : ''}`,
      rows: workshop.agenda
        .filter((item) => item.dayId === day.id)
        .map((item) => {
          const startsAt = zonedTimeToEpoch(day.date, item.start, workshop.timeZone);
          return {
            item,
            startsAt,
            start: formatClock(startsAt, viewerTimeZone, locale),
            workshopStart: otherZone ? item.start : null,
            current: workshop.currentItem?.itemId === item.id,
          };
        }),
    }));
}

export interface RunningTime {
  elapsedMs: number;
  /** how far past its planned duration the item has run; 0 while within it */
  overrunMs: number;
}

export function runningTime(current: CurrentItem, item: Pick<AgendaItem, 'durationMinutes'>, now: number): RunningTime {
  const elapsedMs = Math.max(0, now - current.startedAt);
  return { elapsedMs, overrunMs: Math.max(0, elapsedMs - item.durationMinutes * 60_000) };
}
