import type { ParticipantId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import type { QueueEntry, QueueEntryKind, QueueState, Speaker, Speech, Turn, WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, assertNever, type Context, type Creation, type Result, reject } from './result.ts';
import { CHAIRS, isChairRole, SPEAKERS, SYSTEM } from './roles.ts';
import { mintId, normalise } from './state.ts';

type QueueCommandType =
  | 'queue.raiseHand'
  | 'queue.lowerHand'
  | 'queue.addInRoomPerson'
  | 'queue.giveFloor'
  | 'queue.move'
  | 'queue.remove'
  | 'queue.clear'
  | 'queue.endTurn'
  | 'queue.turnTick';

export const queueCommands: Registrations<QueueCommandType> = {
  'queue.raiseHand': {
    roles: SPEAKERS,
    decide: (state, command, ctx) =>
      enqueue(state, { participantId: ctx.actor, inRoomName: null }, command.kind, ctx.now),
  },
  'queue.lowerHand': { roles: SPEAKERS, decide: lowerHand },
  'queue.addInRoomPerson': { roles: [...CHAIRS, 'room-device'], decide: addInRoomPerson },
  'queue.giveFloor': { roles: CHAIRS, decide: (state, command, ctx) => giveFloor(state, command, ctx.now) },
  'queue.move': { roles: CHAIRS, decide: moveEntry },
  'queue.remove': { roles: CHAIRS, decide: removeEntry },
  'queue.clear': { roles: CHAIRS, decide: (state, _command, ctx) => clear(state, ctx.now) },
  // The speaker may yield early; the scheduler ends a turn that ran out.
  'queue.endTurn': { roles: [...SPEAKERS, 'system'], decide: (state, _command, ctx) => endTurnCommand(state, ctx) },
  'queue.turnTick': { roles: SYSTEM, decide: (state, _command, ctx) => turnTick(state, ctx.now) },
};

const sameSpeaker = (a: Speaker, b: Speaker): boolean =>
  a.participantId === b.participantId && a.inRoomName === b.inRoomName;

/** Has this speaker had the floor during the current agenda item (including right now)? */
export function hasSpoken(state: WorkshopState, speaker: Speaker): boolean {
  const itemId = state.currentItem?.itemId ?? null;
  const { turn, speeches } = state.queue;
  if (turn && turn.agendaItemId === itemId && sameSpeaker(turn, speaker)) return true;
  return speeches.some((s) => s.agendaItemId === itemId && sameSpeaker(s, speaker));
}

/** Lower ranks go first: points of order, then direct replies, then new points. */
function rank(state: WorkshopState, speaker: Speaker, kind: QueueEntryKind): number {
  switch (kind) {
    case 'point-of-order':
      return 0;
    case 'direct-reply':
      return 1;
    case 'new-point':
      return state.settings.prioritiseNewSpeakers && !hasSpoken(state, speaker) ? 2 : 3;
    default:
      return assertNever(kind);
  }
}

/**
 * A new entry goes right after the last entry that ranks the same or better. The order is stored,
 * not recomputed, so a chair's manual moves stay where the chair put them.
 */
export function insertionIndex(state: WorkshopState, speaker: Speaker, kind: QueueEntryKind): number {
  const r = rank(state, speaker, kind);
  const entries = state.queue.entries;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as QueueEntry;
    if (rank(state, entry, entry.kind) <= r) return i + 1;
  }
  return 0;
}

function enqueue(state: WorkshopState, speaker: Speaker, kind: QueueEntryKind, now: number): Creation {
  if (state.queue.entries.some((e) => sameSpeaker(e, speaker))) {
    return reject('conflict', 'this person is already in the queue');
  }
  const index = insertionIndex(state, speaker, kind);
  const minted = mintId(state, 'q');
  const entry: QueueEntry = { id: minted.id, ...speaker, kind, raisedAt: now };
  const entries = [...state.queue.entries];
  entries.splice(index, 0, entry);
  return acceptCreated(withEntries(minted.state, entries), entry.id);
}

const withEntries = (state: WorkshopState, entries: QueueEntry[]): WorkshopState => ({
  ...state,
  queue: { ...state.queue, entries },
});

function removeEntry(state: WorkshopState, command: CommandOf<'queue.remove'>): Result {
  if (!state.queue.entries.some((e) => e.id === command.entryId)) return reject('not_found', 'no such entry');
  return accept(
    withEntries(
      state,
      state.queue.entries.filter((e) => e.id !== command.entryId),
    ),
  );
}

function lowerHand(state: WorkshopState, command: CommandOf<'queue.lowerHand'>, ctx: Context): Result {
  const entries = state.queue.entries;
  const entry =
    command.entryId === undefined
      ? entries.find((e) => e.participantId === ctx.actor && e.inRoomName === null)
      : entries.find((e) => e.id === command.entryId);
  if (!entry) return reject('not_found', 'no such hand raised');
  // A room device owns the entries of the people listed under it.
  if (entry.participantId !== ctx.actor) return reject('forbidden', 'you can only lower your own hand');
  return accept(
    withEntries(
      state,
      entries.filter((e) => e.id !== entry.id),
    ),
  );
}

function addInRoomPerson(state: WorkshopState, command: CommandOf<'queue.addInRoomPerson'>, ctx: Context): Creation {
  const device = state.participants[command.deviceId];
  if (device?.role !== 'room-device') return reject('not_found', 'no such room device');
  if (!isChairRole(ctx.role) && ctx.actor !== device.id) {
    return reject('forbidden', 'a room device can only queue its own people');
  }
  const name = device.inRoomPeople.find((n) => normalise(n) === normalise(command.name));
  if (name === undefined) return reject('not_found', `"${command.name}" is not listed under this room device`);
  return enqueue(state, { participantId: device.id, inRoomName: name }, command.kind, ctx.now);
}

function moveEntry(state: WorkshopState, command: CommandOf<'queue.move'>): Result {
  const entry = state.queue.entries.find((e) => e.id === command.entryId);
  if (!entry) return reject('not_found', 'no such entry');
  const entries = state.queue.entries.filter((e) => e.id !== entry.id);
  entries.splice(Math.min(command.position, entries.length), 0, entry);
  return accept(withEntries(state, entries));
}

/** Ends the current turn, if any, and records its speaking time. */
export function endTurn(state: WorkshopState, now: number): WorkshopState {
  const turn = state.queue.turn;
  if (!turn) return state;
  const speech: Speech = {
    participantId: turn.participantId,
    inRoomName: turn.inRoomName,
    organisation: state.participants[turn.participantId]?.organisation ?? '',
    agendaItemId: turn.agendaItemId,
    startedAt: turn.startedAt,
    endedAt: Math.max(now, turn.startedAt),
  };
  return { ...state, queue: { ...state.queue, turn: null, speeches: [...state.queue.speeches, speech] } };
}

function giveFloor(state: WorkshopState, command: CommandOf<'queue.giveFloor'>, now: number): Result {
  const entries = state.queue.entries;
  const entry = command.entryId === undefined ? entries[0] : entries.find((e) => e.id === command.entryId);
  if (!entry)
    return command.entryId === undefined
      ? reject('conflict', 'the queue is empty')
      : reject('not_found', 'no such entry');
  const durationMs = command.durationMs === undefined ? state.settings.turnDurationMs : command.durationMs;
  const remaining = entries.filter((e) => e.id !== entry.id);
  return accept(startTurn(withEntries(state, remaining), entry, durationMs, now));
}

/**
 * Gives someone the floor (ending the current turn and recording its time), with the workshop's
 * warning before the end: from the queue, or to a rapporteur reporting back.
 */
export function startTurn(
  state: WorkshopState,
  speaker: Speaker & { id: string; kind: Turn['kind'] },
  durationMs: number | null,
  now: number,
): WorkshopState {
  const ended = endTurn(state, now);
  const warningMs = state.settings.turnWarningMs;
  const turn: Turn = {
    id: speaker.id,
    participantId: speaker.participantId,
    inRoomName: speaker.inRoomName,
    kind: speaker.kind,
    agendaItemId: state.currentItem?.itemId ?? null,
    startedAt: now,
    durationMs,
    warnAt: durationMs !== null && warningMs > 0 && warningMs < durationMs ? now + durationMs - warningMs : null,
    warned: false,
  };
  return { ...ended, queue: { ...ended.queue, turn } };
}

function clear(state: WorkshopState, now: number): Result {
  return accept(withEntries(endTurn(state, now), []));
}

/** When the current timed turn runs out, or null. */
export const turnEndsAt = (turn: Turn): number | null =>
  turn.durationMs === null ? null : turn.startedAt + turn.durationMs;

function endTurnCommand(state: WorkshopState, ctx: Context): Result {
  const turn = state.queue.turn;
  if (!turn) return reject('conflict', 'nobody has the floor');
  if (ctx.role === 'system') {
    // A timer armed for an earlier turn must not cut this one short.
    const endsAt = turnEndsAt(turn);
    if (endsAt === null || ctx.now < endsAt) return reject('conflict', 'the turn has time left');
  } else if (!isChairRole(ctx.role) && turn.participantId !== ctx.actor) {
    return reject('forbidden', 'only the speaker or a chair can end the turn');
  }
  return accept(endTurn(state, ctx.now));
}

function turnTick(state: WorkshopState, now: number): Result {
  const turn = state.queue.turn;
  if (!turn || turn.warned || turn.warnAt === null || now < turn.warnAt) {
    return reject('conflict', 'no warning is due');
  }
  const warned: Turn = { ...turn, warned: true };
  return accept({ ...state, queue: { ...state.queue, turn: warned } });
}

/**
 * Removes a participant's entries (or, with `inRoom`, those of the in-room people it selects).
 * Returns the same object when nothing changes.
 */
export function removeSpeakerEntries(
  queue: QueueState,
  participantId: ParticipantId,
  inRoom: ((name: string | null) => boolean) | undefined,
): QueueState {
  const entries = queue.entries.filter(
    (e) => !(e.participantId === participantId && (inRoom === undefined || inRoom(e.inRoomName))),
  );
  return entries.length === queue.entries.length ? queue : { ...queue, entries };
}

export interface SpeakingTotal extends Speaker {
  organisation: string;
  ms: number;
  turns: number;
}

/** Speaking time per speaker (an in-room person counts separately from their room device). */
export function speakingTimeBySpeaker(speeches: readonly Speech[]): SpeakingTotal[] {
  const totals: SpeakingTotal[] = [];
  for (const speech of speeches) {
    const total = totals.find((t) => sameSpeaker(t, speech));
    const ms = speech.endedAt - speech.startedAt;
    if (total) {
      total.ms += ms;
      total.turns += 1;
    } else {
      totals.push({
        participantId: speech.participantId,
        inRoomName: speech.inRoomName,
        organisation: speech.organisation,
        ms,
        turns: 1,
      });
    }
  }
  return totals;
}

/** Speaking time per organisation, as recorded when each turn ended. */
export function speakingTimeByOrganisation(speeches: readonly Speech[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const speech of speeches) {
    totals[speech.organisation] = (totals[speech.organisation] ?? 0) + (speech.endedAt - speech.startedAt);
  }
  return totals;
}
