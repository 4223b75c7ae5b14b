import type { ParticipantId, RoomId } from '@plenary/shared';
import { isAutoAssignable, placeLateJoiner } from './assignment.ts';
import { assignTo } from './breakouts.ts';
import { appendMessage } from './chat.ts';
import type { CommandOf } from './commands.ts';
import type { BreakoutSet, HelpRequest, OpenBreakout, WorkshopState } from './model.ts';
import type { Registrations } from './registration.ts';
import { accept, acceptCreated, type Context, type Creation, type Result, reject } from './result.ts';
import { CHAIRS, DISCUSSANTS } from './roles.ts';
import { findSet, mintId, openSetOf, participantList, without, withSet } from './state.ts';

/** Running a set: open, timer, recall, close, and what happens in the rooms meanwhile. */
type BreakoutSessionCommandType =
  | 'breakouts.open'
  | 'breakouts.extend'
  | 'breakouts.broadcast'
  | 'breakouts.requestHelp'
  | 'breakouts.acknowledgeHelp'
  | 'breakouts.resolveHelp'
  | 'breakouts.visit'
  | 'breakouts.move'
  | 'breakouts.recall'
  | 'breakouts.close';

export const breakoutSessionCommands: Registrations<BreakoutSessionCommandType> = {
  'breakouts.open': {
    roles: CHAIRS,
    decide: (state, command, ctx) => openBreakouts(state, command.setId, command.durationMs, ctx.now),
  },
  'breakouts.extend': { roles: CHAIRS, decide: whileOpen(extend) },
  'breakouts.broadcast': {
    roles: CHAIRS,
    decide: whileOpen((state, _open, set, command, ctx) => broadcast(state, set, command.text, ctx)),
  },
  'breakouts.requestHelp': { roles: DISCUSSANTS, decide: requestHelp },
  'breakouts.acknowledgeHelp': { roles: CHAIRS, decide: whileOpen(acknowledgeHelp) },
  'breakouts.resolveHelp': { roles: CHAIRS, decide: whileOpen(resolveHelp) },
  'breakouts.visit': {
    roles: [...CHAIRS, 'observer'],
    decide: whileOpen((state, open, set, command, ctx) => visit(state, open, set, command.roomId, ctx.actor)),
  },
  'breakouts.move': { roles: CHAIRS, decide: whileOpen(move) },
  // The scheduler recalls when the timer runs out and closes when the grace countdown ends.
  'breakouts.recall': {
    roles: [...CHAIRS, 'system'],
    decide: whileOpen((state, open, _set, command, ctx) =>
      recall(state, open, command.graceMs ?? state.settings.recallGraceMs, ctx),
    ),
  },
  'breakouts.close': { roles: [...CHAIRS, 'system'], decide: whileOpen(closeCommand) },
};

type OpenSetHandler<C> = (
  state: WorkshopState,
  open: OpenBreakout,
  set: BreakoutSet,
  command: C,
  ctx: Context,
) => Result;

/** A command about the running set: refused when none is open. */
function whileOpen<C>(handle: OpenSetHandler<C>): (state: WorkshopState, command: C, ctx: Context) => Result {
  return (state, command, ctx) => {
    const open = state.breakouts.open;
    const set = openSetOf(state);
    if (!open || !set) return noneOpen;
    return handle(state, open, set, command, ctx);
  };
}

const noneOpen = reject('conflict', 'no breakout set is open');

function extend(
  state: WorkshopState,
  open: OpenBreakout,
  _set: BreakoutSet,
  command: CommandOf<'breakouts.extend'>,
  ctx: Context,
): Result {
  // Extending also calls off a recall in progress.
  const endsAt = Math.max(open.endsAt, ctx.now) + command.byMs;
  return accept(withOpen(state, { ...open, endsAt, recallAt: null }));
}

function acknowledgeHelp(
  state: WorkshopState,
  open: OpenBreakout,
  _set: BreakoutSet,
  command: CommandOf<'breakouts.acknowledgeHelp'>,
  ctx: Context,
): Result {
  const request = open.help.find((r) => r.id === command.requestId);
  if (!request) return reject('not_found', 'no such help request');
  if (request.acknowledgedBy !== null) return reject('conflict', 'already acknowledged');
  const help = open.help.map((r) => (r.id === request.id ? { ...r, acknowledgedBy: ctx.actor } : r));
  return accept(withHelp(state, open, help));
}

function resolveHelp(
  state: WorkshopState,
  open: OpenBreakout,
  _set: BreakoutSet,
  command: CommandOf<'breakouts.resolveHelp'>,
): Result {
  if (!open.help.some((r) => r.id === command.requestId)) return reject('not_found', 'no such help request');
  return accept(
    withHelp(
      state,
      open,
      open.help.filter((r) => r.id !== command.requestId),
    ),
  );
}

function move(
  state: WorkshopState,
  open: OpenBreakout,
  set: BreakoutSet,
  command: CommandOf<'breakouts.move'>,
): Result {
  if (!state.participants[command.participantId]) return reject('not_found', 'no such participant');
  if (!set.rooms.some((r) => r.id === command.roomId)) return reject('not_found', 'no such room in the open set');
  if (set.assignments[command.participantId] === command.roomId) return reject('conflict', 'already in this room');
  const moved = assignTo(set, command.participantId, command.roomId);
  return accept(withOpen(withSet(state, moved), { ...open, visitors: without(open.visitors, command.participantId) }));
}

function closeCommand(
  state: WorkshopState,
  open: OpenBreakout,
  _set: BreakoutSet,
  _command: CommandOf<'breakouts.close'>,
  ctx: Context,
): Result {
  if (ctx.role === 'system' && (open.recallAt === null || ctx.now < open.recallAt)) {
    return reject('conflict', 'the recall countdown has not ended');
  }
  return close(state);
}

const withOpen = (state: WorkshopState, open: OpenBreakout | null): WorkshopState => ({
  ...state,
  breakouts: { ...state.breakouts, open },
});

/** Opens a set: everyone assigned moves to their room; connected people without a room are placed. */
export function openBreakouts(state: WorkshopState, setId: string, durationMs: number, now: number): Result {
  if (state.breakouts.open) return reject('conflict', 'a breakout set is already open');
  const set = findSet(state, setId);
  if (!set) return reject('not_found', 'no such breakout set');
  const open: OpenBreakout = { setId, openedAt: now, endsAt: now + durationMs, recallAt: null, visitors: {}, help: [] };
  return accept(withOpen(state, open));
}

/**
 * While a set is open, every connected, admitted participant who should be in a group but has no
 * room gets one by the set's rule, and keeps it. Run after every accepted command, so people who
 * connect, are admitted, or become delegates while the rooms are open all land somewhere.
 */
export function placeLateJoiners(state: WorkshopState): WorkshopState {
  let set = openSetOf(state);
  if (!set) return state;
  let placed = false;
  for (const participant of participantList(state)) {
    if (!participant.connected || !participant.admitted || !isAutoAssignable(participant)) continue;
    if (set.assignments[participant.id]) continue;
    const roomId = placeLateJoiner(state, set, participant);
    if (!roomId) continue;
    set = assignTo(set, participant.id, roomId);
    placed = true;
  }
  return placed ? withSet(state, set) : state;
}

function broadcast(state: WorkshopState, set: BreakoutSet, text: string, ctx: Context): Result {
  let next = state;
  for (const room of set.rooms) {
    next = appendMessage(next, { kind: 'room', roomId: room.id }, ctx.actor, text, 'broadcast', ctx.now).state;
  }
  return accept(next);
}

const withHelp = (state: WorkshopState, open: OpenBreakout, help: HelpRequest[]): WorkshopState =>
  withOpen(state, { ...open, help });

function requestHelp(state: WorkshopState, command: CommandOf<'breakouts.requestHelp'>, ctx: Context): Creation {
  const open = state.breakouts.open;
  const set = openSetOf(state);
  if (!open || !set) return noneOpen;
  const roomId = set.assignments[ctx.actor];
  if (!roomId) return reject('conflict', 'you are not in a breakout room');
  if (open.help.some((r) => r.participantId === ctx.actor)) return reject('conflict', 'you already asked for help');
  const minted = mintId(state, 'help');
  const request: HelpRequest = {
    id: minted.id,
    participantId: ctx.actor,
    roomId,
    message: command.message ?? null,
    requestedAt: ctx.now,
    acknowledgedBy: null,
  };
  return acceptCreated(withHelp(minted.state, open, [...open.help, request]), request.id);
}

function visit(
  state: WorkshopState,
  open: OpenBreakout,
  set: BreakoutSet,
  roomId: RoomId | null,
  actor: ParticipantId,
): Result {
  if (roomId === null) {
    if (!open.visitors[actor]) return reject('conflict', 'you are not visiting a room');
    return accept(withOpen(state, { ...open, visitors: without(open.visitors, actor) }));
  }
  if (!set.rooms.some((r) => r.id === roomId)) return reject('not_found', 'no such room in the open set');
  if (set.assignments[actor]) return reject('conflict', 'you are a member of a breakout room');
  if (open.visitors[actor] === roomId) return reject('conflict', 'you are already visiting this room');
  return accept(withOpen(state, { ...open, visitors: { ...open.visitors, [actor]: roomId } }));
}

function recall(state: WorkshopState, open: OpenBreakout, graceMs: number, ctx: Context): Result {
  if (open.recallAt !== null) return reject('conflict', 'the rooms are already being recalled');
  // The scheduler recalls when the timer runs out; a stale timer must not recall an extended set.
  if (ctx.role === 'system' && ctx.now < open.endsAt) return reject('conflict', 'the breakout timer has not run out');
  if (graceMs === 0) return close(state);
  const recallAt = ctx.now + graceMs;
  return accept(withOpen(state, { ...open, recallAt }));
}

/** Everyone back to the plenary. The set keeps its rooms, chat, assignments and rapporteurs. */
function close(state: WorkshopState): Result {
  return accept(withOpen(state, null));
}
