import type { WorkshopState } from '@plenary/shared';

/** A cell quoted when needed; one that a spreadsheet would run as a formula is defused. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const iso = (epochMs: number | null) => (epochMs === null ? '' : new Date(epochMs).toISOString());

/** Every attendance interval, one row each, for a spreadsheet. */
export function attendanceCsv(state: WorkshopState, now: number): string {
  const agendaTitle = new Map(state.agenda.map((item) => [item.id, item.title]));
  const header = ['date', 'organisation', 'name', 'role', 'country', 'agenda item', 'joined', 'left', 'minutes'];
  const rows = [...state.attendance]
    .sort(
      (a, b) => a.date.localeCompare(b.date) || a.organisation.localeCompare(b.organisation) || a.joinedAt - b.joinedAt,
    )
    .map((record) => {
      const person = state.participants[record.participantId];
      return [
        record.date,
        record.organisation,
        person?.name ?? '',
        person?.role ?? '',
        person?.country ?? '',
        record.agendaItemId ? (agendaTitle.get(record.agendaItemId) ?? '') : '',
        iso(record.joinedAt),
        iso(record.leftAt),
        Math.round(((record.leftAt ?? now) - record.joinedAt) / 60_000),
      ];
    });
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
