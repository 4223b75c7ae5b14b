// The CSV import's logic apart from React: the template a facilitator downloads, and the groups a
// server preview (`breakouts:previewCsv`) says an import would make.
import type { BreakoutSet, CsvPreview, Participant, RoomId } from '@plenary/shared';
import { boardColumns } from '../board/boardModel.ts';

/** The columns the server reads (`name` or `email`, and `room`); `organisation` helps the reader. */
export const TEMPLATE_HEADER = ['name', 'email', 'organisation', 'room'] as const;

/** RFC 4180: a field with a delimiter, a quote, a line break or edge spaces goes in quotes. */
export function csvField(value: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A file to fill in: everyone the board shows, in their current room (by the room's name), the
 * rest with an empty room. Imported unchanged it reproduces the set, once every room is filled in.
 */
export function templateCsv(set: BreakoutSet, participants: Readonly<Record<string, Participant>>): string {
  const rows = boardColumns(set, participants).flatMap((column) =>
    column.chips.map(({ participant }) => [
      participant.name,
      participant.email ?? '',
      participant.organisation,
      column.name ?? '',
    ]),
  );
  return `${[[...TEMPLATE_HEADER], ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A CSV download that spreadsheets open as UTF-8 (the byte order mark), so 中文 names survive. */
export const csvBlob = (text: string): Blob => new Blob([`\uFEFF${text}`], { type: 'text/csv;charset=utf-8' });

/** A file name from the set's name, safe on every system. */
export function templateFileName(set: BreakoutSet): string {
  const base = set.name
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, '-');
  return `${base || 'breakout-groups'}.csv`;
}

export interface PreviewGroup {
  roomId: RoomId;
  name: string;
  members: Participant[];
}

/** The rooms as the import would leave them, and who the file leaves out (they would have no room). */
export function previewGroups(
  set: BreakoutSet,
  preview: CsvPreview,
  participants: Readonly<Record<string, Participant>>,
): { groups: PreviewGroup[]; leftOut: Participant[] } {
  const byName = (a: Participant, b: Participant) => a.name.localeCompare(b.name);
  const groups = set.rooms.map((room) => ({
    roomId: room.id,
    name: room.name,
    members: preview.rows
      .filter((row) => row.roomId === room.id)
      .flatMap((row) => participants[row.participantId] ?? [])
      .sort(byName),
  }));
  const leftOut = preview.unassigned.flatMap((id) => participants[id] ?? []).sort(byName);
  return { groups, leftOut };
}

/** An import applies all rows or none (the server's rule): only a checked file without errors may go. */
export const canImport = (preview: CsvPreview | null): boolean =>
  preview !== null && preview.errors.length === 0 && preview.rows.length > 0;
