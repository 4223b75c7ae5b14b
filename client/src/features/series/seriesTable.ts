import type { ExportFile, SeriesResponse, WorkshopId } from '@plenary/shared';

export interface EditionRow {
  workshopId: WorkshopId;
  /** 1 for the first edition */
  edition: number;
  title: string;
  /** `YYYY-MM-DD`, the first and last day; null before the agenda has any */
  dates: { first: string; last: string | null } | null;
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
  /** how many attendance columns: the editions' days, numbered per edition (Day 1, Day 2…) */
  days: number;
  rows: EditionRow[];
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
    days,
    rows: editions.map((edition) => {
      const attendance = [...edition.attendance].sort((a, b) => a.date.localeCompare(b.date));
      return {
        workshopId: edition.workshopId,
        edition: edition.edition,
        title: edition.title,
        dates: edition.firstDay ? { first: edition.firstDay, last: edition.lastDay } : null,
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
