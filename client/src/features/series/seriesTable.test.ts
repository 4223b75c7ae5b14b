import type { SeriesEdition, WorkshopId } from '@plenary/shared';
import { describe, expect, it } from 'vitest';
import { seriesTable } from './seriesTable.ts';

const edition = (id: string, number: number, attendance: SeriesEdition['attendance']): SeriesEdition => ({
  workshopId: id as WorkshopId,
  title: `Workshop ${number}`,
  edition: number,
  firstDay: attendance.map((day) => day.date).sort()[0] ?? null,
  lastDay:
    attendance
      .map((day) => day.date)
      .sort()
      .at(-1) ?? null,
  participants: 10 * number,
  organisations: number,
  attendance,
  reports: {
    'report.md': `/api/workshops/${id}/export/report.md`,
    'report.docx': `/api/workshops/${id}/export/report.docx`,
    'attendance.csv': `/api/workshops/${id}/export/attendance.csv`,
  },
});

describe('the series table', () => {
  const series = {
    seriesId: 'w1',
    editions: [
      edition('w2', 2, [{ date: '2026-03-10', present: 5, registered: 8 }]),
      edition('w1', 1, [
        { date: '2025-03-11', present: 7, registered: 9 },
        { date: '2025-03-10', present: 9, registered: 9 },
      ]),
      edition('w3', 3, []),
    ],
  };

  it('orders editions and lines attendance up by day number', () => {
    const table = seriesTable(series, 'w2', () => false);
    expect(table.days).toBe(2);
    expect(table.rows.map((row) => [row.edition, row.dates, row.attendance])).toEqual([
      [1, { first: '2025-03-10', last: '2025-03-11' }, ['9/9', '7/9']],
      [2, { first: '2026-03-10', last: '2026-03-10' }, ['5/8', '']],
      [3, null, ['', '']],
    ]);
  });

  it('offers downloads for the current edition and those this browser has a token for', () => {
    const table = seriesTable(series, 'w2', (id) => id === 'w1');
    expect(table.rows.map((row) => [row.workshopId, row.current, row.canDownload])).toEqual([
      ['w1', false, true],
      ['w2', true, true],
      ['w3', false, false],
    ]);
  });
});
