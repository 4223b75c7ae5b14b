// The assignment board's logic, apart from React and dnd-kit: who sits in which column, and what a
// drop asks the server to do. The board renders only the server's state; a drop sends one command.
import { type BreakoutSet, isDiscussant, type Participant, type ParticipantId, type RoomId } from '@plenary/shared';
import type { WorkshopCommand } from '../../../session/workshopSession.ts';

/** The column of people in no room of the set. */
export const UNASSIGNED = 'unassigned';
export type ColumnId = RoomId | typeof UNASSIGNED;

export interface BoardChip {
  participant: Participant;
  /** the room's rapporteur (who keeps its outcomes) */
  rapporteur: boolean;
}

export interface BoardColumn {
  id: ColumnId;
  /** null for the "Not assigned" column, named by the UI in its language */
  name: string | null;
  chips: BoardChip[];
}

const byName = (a: BoardChip, b: BoardChip) =>
  a.participant.name.localeCompare(b.participant.name) || a.participant.id.localeCompare(b.participant.id);

/**
 * The set's rooms in its order, then "Not assigned". A room lists everyone assigned to it, whatever
 * their role (a CSV may place anyone); "Not assigned" lists those who belong in a group (as the
 * server's auto-assignment sees it: the discussants) and have no room.
 */
export function boardColumns(set: BreakoutSet, participants: Readonly<Record<string, Participant>>): BoardColumn[] {
  const rooms: BoardColumn[] = set.rooms.map((room) => ({ id: room.id, name: room.name, chips: [] }));
  const unassigned: BoardColumn = { id: UNASSIGNED, name: null, chips: [] };
  const index = new Map<string, BoardColumn>(rooms.map((column) => [column.id, column]));
  const rapporteurs = new Set(set.rooms.map((room) => room.rapporteurId));
  for (const participant of Object.values(participants)) {
    const roomId = set.assignments[participant.id];
    const column = roomId ? index.get(roomId) : undefined;
    if (column) column.chips.push({ participant, rapporteur: rapporteurs.has(participant.id) });
    else if (isDiscussant(participant.role)) unassigned.chips.push({ participant, rapporteur: false });
  }
  const columns = [...rooms, unassigned];
  for (const column of columns) column.chips.sort(byName);
  return columns;
}

/** Where someone sits on the board of `set`. */
export function columnOf(set: BreakoutSet, participantId: ParticipantId): ColumnId {
  const roomId = set.assignments[participantId];
  return roomId && set.rooms.some((room) => room.id === roomId) ? roomId : UNASSIGNED;
}

export type DropDecision =
  /** dropped where they already are, or nowhere: nothing to do */
  | { kind: 'stay' }
  | { kind: 'send'; command: WorkshopCommand }
  /** refused here, before asking the server: the UI explains why */
  | { kind: 'refuse'; reason: 'unassign-while-open' | 'unknown-room' };

/**
 * What dropping `participantId` on column `to` means. Before the set opens, a drop edits the set
 * (`breakouts.assign`, `null` to take someone out); while it is open, a drop moves the person live
 * (`breakouts.move`), and nobody can be left without a room (the server refuses it too).
 */
export function dropDecision({
  set,
  openSetId,
  participantId,
  to,
}: {
  set: BreakoutSet;
  openSetId: string | null;
  participantId: ParticipantId;
  to: ColumnId | null;
}): DropDecision {
  if (to === null || to === columnOf(set, participantId)) return { kind: 'stay' };
  if (to !== UNASSIGNED && !set.rooms.some((room) => room.id === to)) return { kind: 'refuse', reason: 'unknown-room' };
  if (set.id === openSetId) {
    if (to === UNASSIGNED) return { kind: 'refuse', reason: 'unassign-while-open' };
    return { kind: 'send', command: { type: 'breakouts.move', participantId, roomId: to } };
  }
  return {
    kind: 'send',
    command: { type: 'breakouts.assign', setId: set.id, participantId, roomId: to === UNASSIGNED ? null : to },
  };
}

/** The column `step` places along from `current` (arrow keys during a keyboard drag); stops at the ends. */
export function adjacentColumn(order: readonly ColumnId[], current: ColumnId | null, step: 1 | -1): ColumnId | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return step === 1 ? (order[0] ?? null) : (order[order.length - 1] ?? null);
  return order[Math.min(order.length - 1, Math.max(0, at + step))] ?? null;
}

// dnd-kit keeps draggables and droppables apart, but ids read better with a kind in them.
const COLUMN_PREFIX = 'column:';

export const dropTargetId = (column: ColumnId): string => `${COLUMN_PREFIX}${column}`;

export function columnFromDropTarget(id: string | number | null | undefined): ColumnId | null {
  if (typeof id !== 'string' || !id.startsWith(COLUMN_PREFIX)) return null;
  return id.slice(COLUMN_PREFIX.length) as ColumnId;
}

/** How many different organisations a column mixes: balanced groups mix as many as they can. */
export const organisationCount = (column: BoardColumn): number =>
  new Set(column.chips.map((chip) => chip.participant.organisation.trim().toLowerCase())).size;
