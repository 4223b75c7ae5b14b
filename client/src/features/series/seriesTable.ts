import type { ExportFile, SeriesResponse, WorkshopId } from '@plenary/shared';

export interface EditionRow {
  workshopId: WorkshopId;
  edition: string;
  title: string;
  dates: string;
  participants: number;
  organisations: number;
  /** one cell per date of the whole series (empty where this edition had no such day) */
  attendance: string[];
  current: boolean;
  /** whether this browser holds a token of that edition, so its reports can be fetched */
  canDownload: boolean;
  reports: Record<ExportFile, string>;
}

export interface SeriesTable {
  /** the attendance columns: the editions' days, numbered per edition (Day 1, Day 2…) */
  dayColumns: string[];
  rows: EditionRow[];
}

function datesOf(first: string | null, last: string | null): string {
  if (!first) return '—';
  return !last || last === first ? first : `${first} – ${last}`;
}

/**
 * The editions side by side. Editions happen on different dates, so attendance is lined up by day
 * number (the first day of each edition under "Day 1"), which is what a series compares.
 */
export function seriesTable(
  series: SeriesResponse,
  currentId: string,
  hasToken: (workshopId: WorkshopId) => boolean,
): SeriesTable {
  const editions = [...series.editions].sort((a, b) => a.edition - b.edition);
  const days = Math.max(0, ...editions.map((edition) => edition.attendance.length));
  return {
    dayColumns: Array.from({ length: days }, (_, index) => `Day ${index + 1}`),
    rows: editions.map((edition) => {
      const attendance = [...edition.attendance].sort((a, b) => a.date.localeCompare(b.date));
      return {
        workshopId: edition.workshopId,
        edition: `#${edition.edition}`,
        title: edition.title,
        dates: datesOf(edition.firstDay, edition.lastDay),
        participants: edition.participants,
        organisations: edition.organisations,
        attendance: Array.from({ length: days }, (_, index) => {
          const day = attendance[index];
          return day ? `${day.present}/${day.registered}` : '';
        }),
        current: edition.workshopId === currentId,
        canDownload: edition.workshopId === currentId || hasToken(edition.workshopId),
        reports: edition.reports,
      };
    }),
  };
}
