import type { ParticipantId, RoomId } from '@plenary/shared';
import { type Assignments, assignBalanced, assigneesOf, assignRandom } from './assignment.ts';
import type { CommandOf } from './commands.ts';
import { previewCsvAssignment, summariseCsvErrors } from './csvAssignment.ts';
import type { AssignmentMode, BreakoutRoom, BreakoutSet, WorkshopState } from './model.ts';
import { seededRandom } from './random.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, type Context, type Creation, type Result, reject } from './result.ts';
import { CHAIRS, DISCUSSANTS } from './roles.ts';
import { asRoomId, findSet, mintId, normalise, without, withSet } from './state.ts';

/** Forming the groups of a set; running the set lives in `breakoutSession.ts`. */
type BreakoutSetCommandType =
  | 'breakouts.createSet'
  | 'breakouts.deleteSet'
  | 'breakouts.renameRoom'
  | 'breakouts.assign'
  | 'breakouts.autoAssign'
  | 'breakouts.importCsv'
  | 'breakouts.configureSelfSelect'
  | 'breakouts.choose'
  | 'breakouts.setRapporteur';

export const MAX_BREAKOUT_SETS = 50;

export const breakoutSetCommands: Registrations<BreakoutSetCommandType> = {
  'breakouts.createSet': { roles: CHAIRS, decide: createSet },
  'breakouts.deleteSet': { roles: CHAIRS, decide: onSet((state, set) => deleteSet(state, set)) },
  'breakouts.renameRoom': { roles: CHAIRS, decide: onSet(renameRoom) },
  'breakouts.assign': { roles: CHAIRS, decide: onSet(assign) },
  'breakouts.autoAssign': { roles: CHAIRS, decide: onSet(autoAssign) },
  'breakouts.importCsv': { roles: CHAIRS, decide: onSet(importCsv) },
  'breakouts.configureSelfSelect': {
    roles: CHAIRS,
    decide: onSet((state, set, command) =>
      changed(state, { ...set, selfSelect: { allowed: command.allowed, maxPerRoom: command.maxPerRoom } }),
    ),
  },
  'breakouts.choose': {
    roles: DISCUSSANTS,
    decide: onSet((state, set, command, ctx) => choose(state, set, command.roomId, ctx.actor)),
  },
  'breakouts.setRapporteur': { roles: CHAIRS, decide: onSet(setRapporteur) },
};

type SetCommand = CommandOf<Exclude<BreakoutSetCommandType, 'breakouts.createSet'>>;

/** A command about one set: refused when the set does not exist. */
function onSet<C extends SetCommand>(
  handle: (state: WorkshopState, set: BreakoutSet, command: C, ctx: Context) => Result,
): (state: WorkshopState, command: C, ctx: Context) => Result {
  return (state, command, ctx) => {
    const set = findSet(state, command.setId);
    if (!set) return reject('not_found', 'no such breakout set');
    return handle(state, set, command, ctx);
  };
}

function renameRoom(state: WorkshopState, set: BreakoutSet, command: CommandOf<'breakouts.renameRoom'>): Result {
  const room = set.rooms.find((r) => r.id === command.roomId);
  if (!room) return reject('not_found', 'no such room in this set');
  if (set.rooms.some((r) => r.id !== room.id && normalise(r.name) === normalise(command.name))) {
    return reject('conflict', `another room is called "${command.name}"`);
  }
  return changed(state, {
    ...set,
    rooms: set.rooms.map((r) => (r.id === room.id ? { ...r, name: command.name } : r)),
  });
}

function autoAssign(state: WorkshopState, set: BreakoutSet, command: CommandOf<'breakouts.autoAssign'>): Result {
  const random = seededRandom(command.seed);
  const roomIds = set.rooms.map((r) => r.id);
  const people = assigneesOf(state);
  const assignments =
    command.strategy === 'balanced' ? assignBalanced(people, roomIds, random) : assignRandom(people, roomIds, random);
  return changed(state, withAssignments(set, assignments, command.strategy));
}

function importCsv(state: WorkshopState, set: BreakoutSet, command: CommandOf<'breakouts.importCsv'>): Result {
  const preview = previewCsvAssignment(state, set, command.csv);
  if (preview.errors.length > 0) return reject('invalid_payload', summariseCsvErrors(preview.errors));
  return changed(state, withAssignments(set, preview.assignments, 'csv'));
}

const changed = (state: WorkshopState, set: BreakoutSet): Result => accept(withSet(state, set));

function createSet(state: WorkshopState, command: CommandOf<'breakouts.createSet'>): Creation {
  if (state.breakouts.sets.length >= MAX_BREAKOUT_SETS) return reject('conflict', 'too many breakout sets');
  const names = new Set(command.roomNames.map(normalise));
  if (names.size !== command.roomNames.length) return reject('invalid_payload', 'two rooms have the same name');
  let minted = mintId(state, 'set');
  const setId = minted.id;
  const rooms: BreakoutRoom[] = [];
  for (const name of command.roomNames) {
    minted = mintId(minted.state, 'room');
    rooms.push({ id: asRoomId(minted.id), name, rapporteurId: null });
  }
  const set: BreakoutSet = {
    id: setId,
    name: command.name,
    rooms,
    mode: 'manual',
    assignments: {},
    selfSelect: { allowed: false, maxPerRoom: null },
  };
  const next = minted.state;
  return acceptCreated({ ...next, breakouts: { ...next.breakouts, sets: [...next.breakouts.sets, set] } }, set.id);
}

function deleteSet(state: WorkshopState, set: BreakoutSet): Result {
  if (state.breakouts.open?.setId === set.id) return reject('conflict', 'this set is open; close it first');
  const agenda = state.agenda.map((item) => (item.breakoutSetId === set.id ? { ...item, breakoutSetId: null } : item));
  const next: WorkshopState = {
    ...state,
    agenda,
    breakouts: { ...state.breakouts, sets: state.breakouts.sets.filter((s) => s.id !== set.id) },
  };
  return accept(next);
}

/** New assignments; a rapporteur who no longer belongs to their room stops being its rapporteur. */
export function withAssignments(
  set: BreakoutSet,
  assignments: Assignments,
  mode: AssignmentMode = set.mode,
): BreakoutSet {
  const rooms = set.rooms.map((room) =>
    room.rapporteurId !== null && assignments[room.rapporteurId] !== room.id ? { ...room, rapporteurId: null } : room,
  );
  return { ...set, assignments, mode, rooms };
}

export function assignTo(set: BreakoutSet, participantId: ParticipantId, roomId: RoomId | null): BreakoutSet {
  const assignments =
    roomId === null ? without(set.assignments, participantId) : { ...set.assignments, [participantId]: roomId };
  return withAssignments(set, assignments);
}

function assign(state: WorkshopState, set: BreakoutSet, command: CommandOf<'breakouts.assign'>): Result {
  if (!state.participants[command.participantId]) return reject('not_found', 'no such participant');
  if (command.roomId === null) {
    if (state.breakouts.open?.setId === set.id) {
      return reject('conflict', 'the set is open: move the participant to another room instead');
    }
    if (!set.assignments[command.participantId]) return reject('conflict', 'this participant is not assigned');
  } else if (!set.rooms.some((r) => r.id === command.roomId)) {
    return reject('not_found', 'no such room in this set');
  }
  return changed(state, assignTo(set, command.participantId, command.roomId));
}

export function roomCount(set: BreakoutSet, roomId: RoomId): number {
  return Object.values(set.assignments).filter((id) => id === roomId).length;
}

function choose(state: WorkshopState, set: BreakoutSet, roomId: RoomId, actor: ParticipantId): Result {
  if (!set.selfSelect.allowed) return reject('forbidden', 'this set does not let participants choose a room');
  if (!set.rooms.some((r) => r.id === roomId)) return reject('not_found', 'no such room in this set');
  if (set.assignments[actor] === roomId) return reject('conflict', 'you are already in this room');
  const max = set.selfSelect.maxPerRoom;
  if (max !== null && roomCount(set, roomId) >= max) return reject('conflict', 'this room is full');
  return changed(state, assignTo(set, actor, roomId));
}

function setRapporteur(state: WorkshopState, set: BreakoutSet, command: CommandOf<'breakouts.setRapporteur'>): Result {
  const room = set.rooms.find((r) => r.id === command.roomId);
  if (!room) return reject('not_found', 'no such room in this set');
  const participantId = command.participantId;
  if (participantId !== null) {
    if (!state.participants[participantId]) return reject('not_found', 'no such participant');
    if (set.assignments[participantId] !== room.id) {
      return reject('conflict', 'the rapporteur must be assigned to the room');
    }
  }
  const rooms = set.rooms.map((r) => (r.id === room.id ? { ...r, rapporteurId: participantId } : r));
  return changed(state, { ...set, rooms });
}

/** Whether a participant is the rapporteur of a breakout room (of any set): they record its outcomes. */
export function isRapporteur(state: WorkshopState, participantId: ParticipantId, roomId: RoomId): boolean {
  return state.breakouts.sets.some((set) => set.rooms.some((r) => r.id === roomId && r.rapporteurId === participantId));
}
