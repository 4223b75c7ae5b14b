import type { CsvErrorCode, CsvPreview, CsvRowError, ParticipantId } from '@plenary/shared';
import { isAutoAssignable } from './assignment.ts';
import { parseCsv } from './csv.ts';
import type { BreakoutSet, Participant, WorkshopState } from './model.ts';
import { normalise } from './state.ts';

const NAME_COLUMNS = ['name', 'participant', 'full name'];
const EMAIL_COLUMNS = ['email', 'e-mail', 'mail'];
const ROOM_COLUMNS = ['room', 'group', 'breakout room'];

/**
 * What importing `csv` into `set` would do, and every problem found, so a UI can show a preview.
 * The file has a header row with a `name` or `email` column and a `room` column (matched without
 * regard to case or spacing; rooms by name or id). An email cell, when present, wins over the name.
 */
export function previewCsvAssignment(state: WorkshopState, set: BreakoutSet, csv: string): CsvPreview {
  const preview: CsvPreview = { rows: [], assignments: {}, errors: [], unassigned: [] };
  const fail = (line: number, code: CsvErrorCode, message: string): CsvPreview => ({
    ...preview,
    errors: [{ line, code, message }],
  });

  const parsed = parseCsv(csv);
  if (!parsed.ok) return fail(parsed.line, 'malformed', parsed.message);
  const [header, ...body] = parsed.records;
  if (!header) return fail(1, 'empty', 'the file is empty');

  const columns = header.fields.map(normalise);
  const column = (names: string[]) => columns.findIndex((c) => names.includes(c));
  const nameAt = column(NAME_COLUMNS);
  const emailAt = column(EMAIL_COLUMNS);
  const roomAt = column(ROOM_COLUMNS);
  if (roomAt < 0 || (nameAt < 0 && emailAt < 0)) {
    return fail(header.line, 'missing_column', 'the header needs a "name" or "email" column and a "room" column');
  }
  if (body.length === 0) return fail(header.line, 'empty', 'the file has a header but no rows');

  const participants = Object.values(state.participants);
  const byName = groupBy(participants, (p) => normalise(p.name));
  const byEmail = groupBy(
    participants.filter((p) => p.email !== null),
    (p) => normalise(p.email ?? ''),
  );
  const seenOn = new Map<ParticipantId, number>();

  for (const record of body) {
    const cell = (at: number) => (at < 0 ? '' : (record.fields[at] ?? '').trim());
    const email = cell(emailAt);
    const name = cell(nameAt);
    const roomText = cell(roomAt);
    const rowErrors: CsvRowError[] = [];
    const error = (code: CsvErrorCode, message: string) => rowErrors.push({ line: record.line, code, message });

    let participant: Participant | undefined;
    if (email === '' && name === '') {
      error('missing_value', 'no name or email');
    } else {
      const [key, index, label] =
        email !== '' ? ([email, byEmail, 'email'] as const) : ([name, byName, 'name'] as const);
      const matches = index.get(normalise(key)) ?? [];
      if (matches.length === 0) error('unknown_participant', `no participant with ${label} "${key}"`);
      else if (matches.length > 1)
        error('ambiguous_participant', `${matches.length} participants are named "${key}"; use their email`);
      else participant = matches[0];
    }

    const room =
      roomText === ''
        ? undefined
        : set.rooms.find((r) => normalise(r.name) === normalise(roomText) || r.id === roomText);
    if (roomText === '') error('missing_value', 'no room');
    else if (!room) error('unknown_room', `no room "${roomText}" in set "${set.name}"`);

    if (participant) {
      const earlier = seenOn.get(participant.id);
      if (earlier !== undefined) {
        error('duplicate', `${participant.name} is already assigned on line ${earlier}`);
      } else {
        seenOn.set(participant.id, record.line);
      }
    }

    if (rowErrors.length > 0) {
      preview.errors.push(...rowErrors);
    } else if (participant && room) {
      preview.rows.push({ line: record.line, participantId: participant.id, roomId: room.id });
      preview.assignments[participant.id] = room.id;
    }
  }

  preview.unassigned = participants.filter((p) => isAutoAssignable(p) && !seenOn.has(p.id)).map((p) => p.id);
  return preview;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** One line for an error message: the first few problems, and how many more there are. */
export function summariseCsvErrors(errors: readonly CsvRowError[]): string {
  const shown = errors.slice(0, 3).map((e) => `line ${e.line}: ${e.message}`);
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  return `the CSV was not imported (${errors.length} error${errors.length === 1 ? '' : 's'}): ${shown.join('; ')}${more}`;
}
