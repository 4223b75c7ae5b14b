import type { ParticipantId, RoomId } from '@plenary/shared';
import type { CommandOf } from './commands.ts';
import { roomOf } from './location.ts';
import {
  type ChatChannel,
  type ChatMessage,
  channelKey,
  isChair,
  MAX_MESSAGES_PER_CHANNEL,
  type WorkshopState,
} from './model.ts';
import type { Registrations } from './registration.ts';
import { acceptCreated, type Context, type Creation, reject } from './result.ts';
import { isChairRole, SPEAKERS } from './roles.ts';
import { mintId } from './state.ts';

export const chatCommands: Registrations<'chat.send'> = {
  'chat.send': { roles: SPEAKERS, inLobby: true, decide: send },
};

function send(state: WorkshopState, command: CommandOf<'chat.send'>, ctx: Context): Creation {
  const { channel } = command;
  if (channel.kind === 'room') {
    if (!roomExists(state, channel.roomId)) return reject('not_found', 'no such room');
    if (!isChairRole(ctx.role) && !isIn(state, ctx.actor, channel.roomId)) {
      return reject('forbidden', 'you can only write in the room you are in');
    }
  } else {
    if (!state.participants[channel.participantId]) return reject('not_found', 'no such participant');
    if (!isChairRole(ctx.role) && channel.participantId !== ctx.actor) {
      return reject('forbidden', 'you can only write in your own thread with the facilitators');
    }
  }
  const sent = appendMessage(state, channel, ctx.actor, command.text, 'message', ctx.now);
  return acceptCreated(sent.state, sent.message.id);
}

const roomExists = (state: WorkshopState, roomId: RoomId): boolean =>
  roomId === state.plenaryRoomId || state.breakouts.sets.some((set) => set.rooms.some((r) => r.id === roomId));

/** In the room, or looking into it. */
function isIn(state: WorkshopState, participantId: ParticipantId, roomId: RoomId): boolean {
  const where = roomOf(state, participantId);
  if (!where) return false;
  const { location } = where;
  return (
    ((location.kind === 'plenary' || location.kind === 'breakout') && location.roomId === roomId) ||
    where.visiting === roomId
  );
}

/** Appends to a channel, dropping the oldest messages beyond the per-channel cap. */
export function appendMessage(
  state: WorkshopState,
  channel: ChatChannel,
  authorId: ParticipantId,
  text: string,
  kind: ChatMessage['kind'],
  now: number,
): { state: WorkshopState; message: ChatMessage } {
  const minted = mintId(state, 'msg');
  const message: ChatMessage = { id: minted.id, channel, authorId, text, kind, sentAt: now };
  const key = channelKey(channel);
  const log = [...(minted.state.chat[key] ?? []), message].slice(-MAX_MESSAGES_PER_CHANNEL);
  return { state: { ...minted.state, chat: { ...minted.state.chat, [key]: log } }, message };
}

/**
 * Who reads what: chairs read everything; a private thread is read by its participant and the
 * chairs; the plenary chat by everyone admitted; a breakout room's chat by those assigned to it
 * (in any set), those looking into it, and observers, who may read every room.
 */
export function canReadChannel(state: WorkshopState, participantId: ParticipantId, channel: ChatChannel): boolean {
  const reader = state.participants[participantId];
  if (!reader) return false;
  if (isChair(reader.role)) return true;
  if (channel.kind === 'facilitators') return channel.participantId === participantId;
  if (!reader.admitted) return false;
  if (channel.roomId === state.plenaryRoomId || reader.role === 'observer') return true;
  if (state.breakouts.open?.visitors[participantId] === channel.roomId) return true;
  return state.breakouts.sets.some((set) => set.assignments[participantId] === channel.roomId);
}
