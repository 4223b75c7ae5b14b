import type { ParticipantId, RoomId } from '@plenary/shared';
import { isAutoAssignable, placeLateJoiner } from './assignment.ts';
import { assignTo } from './breakouts.ts';
import { appendMessage } from './chat.ts';
import type { CommandOf } from './commands.ts';
import type { DomainEvent } from './events.ts';
import type { BreakoutSet, HelpRequest, OpenBreakout, WorkshopState } from './model.ts';
import { accept, assertNever, type Context, type Result, reject } from './result.ts';
import { findSet, mintId, openSetOf, participantList, without, withSet } from './state.ts';

/** Running a set: open, timer, recall, close, and what happens in the rooms meanwhile. */
export type BreakoutSessionCommand = CommandOf<
  | 'breakouts.open'
  | 'breakouts.extend'
  | 'breakouts.broadcast'
  | 'breakouts.requestHelp'
  | 'breakouts.acknowledgeHelp'
  | 'breakouts.resolveHelp'
  | 'breakouts.visit'
  | 'breakouts.move'
  | 'breakouts.recall'
  | 'breakouts.close'
>;

export function decideBreakoutSession(state: WorkshopState, command: BreakoutSessionCommand, ctx: Context): Result {
  if (command.type === 'breakouts.open') return openBreakouts(state, command.setId, command.durationMs, ctx.now);
  const open = state.breakouts.open;
  const set = openSetOf(state);
  if (!open || !set) return reject('conflict', 'no breakout set is open');
  switch (command.type) {
    case 'breakouts.extend': {
      // Extending also calls off a recall in progress.
      const endsAt = Math.max(open.endsAt, ctx.now) + command.byMs;
      return accept(withOpen(state, { ...open, endsAt, recallAt: null }), [
        { type: 'breakouts.extended', setId: set.id, endsAt, previousEndsAt: open.endsAt },
      ]);
    }
    case 'breakouts.broadcast':
      return broadcast(state, set, command.text, ctx);
    case 'breakouts.requestHelp':
      return requestHelp(state, open, set, command.message ?? null, ctx);
    case 'breakouts.acknowledgeHelp': {
      const request = open.help.find((r) => r.id === command.requestId);
      if (!request) return reject('not_found', 'no such help request');
      if (request.acknowledgedBy !== null) return reject('conflict', 'already acknowledged');
      const help = open.help.map((r) => (r.id === request.id ? { ...r, acknowledgedBy: ctx.actor } : r));
      return withHelp(state, open, help);
    }
    case 'breakouts.resolveHelp': {
      if (!open.help.some((r) => r.id === command.requestId)) return reject('not_found', 'no such help request');
      return withHelp(
        state,
        open,
        open.help.filter((r) => r.id !== command.requestId),
      );
    }
    case 'breakouts.visit':
      return visit(state, open, set, command.roomId, ctx.actor);
    case 'breakouts.move': {
      if (!state.participants[command.participantId]) return reject('not_found', 'no such participant');
      if (!set.rooms.some((r) => r.id === command.roomId)) return reject('not_found', 'no such room in the open set');
      if (set.assignments[command.participantId] === command.roomId) return reject('conflict', 'already in this room');
      const moved = assignTo(set, command.participantId, command.roomId);
      const next = withOpen(withSet(state, moved), {
        ...open,
        visitors: without(open.visitors, command.participantId),
      });
      return accept(next, [{ type: 'breakouts.setChanged', set: moved }]);
    }
    case 'breakouts.recall':
      return recall(state, open, command.graceMs ?? state.settings.recallGraceMs, ctx);
    case 'breakouts.close':
      if (ctx.role === 'system' && (open.recallAt === null || ctx.now < open.recallAt)) {
        return reject('conflict', 'the recall countdown has not ended');
      }
      return close(state, open);
    default:
      return assertNever(command);
  }
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
  return accept(withOpen(state, open), [{ type: 'breakouts.opened', setId, endsAt: open.endsAt }]);
}

/**
 * While a set is open, every connected, admitted participant who should be in a group but has no
 * room gets one by the set's rule, and keeps it. Run after every accepted command, so people who
 * connect, are admitted, or become delegates while the rooms are open all land somewhere.
 */
export function placeLateJoiners(state: WorkshopState): { state: WorkshopState; events: DomainEvent[] } {
  let set = openSetOf(state);
  if (!set) return { state, events: [] };
  let placed = false;
  for (const participant of participantList(state)) {
    if (!participant.connected || !participant.admitted || !isAutoAssignable(participant)) continue;
    if (set.assignments[participant.id]) continue;
    const roomId = placeLateJoiner(state, set, participant);
    if (!roomId) continue;
    set = assignTo(set, participant.id, roomId);
    placed = true;
  }
  if (!placed) return { state, events: [] };
  return { state: withSet(state, set), events: [{ type: 'breakouts.setChanged', set }] };
}

function broadcast(state: WorkshopState, set: BreakoutSet, text: string, ctx: Context): Result {
  let next = state;
  const events: DomainEvent[] = [];
  for (const room of set.rooms) {
    const sent = appendMessage(next, { kind: 'room', roomId: room.id }, ctx.actor, text, 'broadcast', ctx.now);
    next = sent.state;
    events.push({ type: 'chat.messageSent', message: sent.message });
  }
  return accept(next, events);
}

function withHelp(state: WorkshopState, open: OpenBreakout, help: HelpRequest[]): Result {
  return accept(withOpen(state, { ...open, help }), [
    { type: 'breakouts.helpChanged', setId: open.setId, requests: help },
  ]);
}

function requestHelp(
  state: WorkshopState,
  open: OpenBreakout,
  set: BreakoutSet,
  message: string | null,
  ctx: Context,
): Result {
  const roomId = set.assignments[ctx.actor];
  if (!roomId) return reject('conflict', 'you are not in a breakout room');
  if (open.help.some((r) => r.participantId === ctx.actor)) return reject('conflict', 'you already asked for help');
  const minted = mintId(state, 'help');
  const request: HelpRequest = {
    id: minted.id,
    participantId: ctx.actor,
    roomId,
    message,
    requestedAt: ctx.now,
    acknowledgedBy: null,
  };
  return withHelp(minted.state, open, [...open.help, request]);
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
  if (graceMs === 0) return close(state, open);
  const recallAt = ctx.now + graceMs;
  return accept(withOpen(state, { ...open, recallAt }), [
    { type: 'breakouts.recallStarted', setId: open.setId, recallAt },
  ]);
}

/** Everyone back to the plenary. The set keeps its rooms, chat, assignments and rapporteurs. */
function close(state: WorkshopState, open: OpenBreakout): Result {
  return accept(withOpen(state, null), [{ type: 'breakouts.closed', setId: open.setId }]);
}
