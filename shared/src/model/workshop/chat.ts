import type { ParticipantId, RoomId } from '../../ids.ts';

export const MAX_CHAT_MESSAGE_LENGTH = 2000;
/** The oldest messages of a channel are dropped beyond this, so the stored state stays bounded. */
export const MAX_MESSAGES_PER_CHANNEL = 2000;

/**
 * A room's chat (plenary or breakout), or a private thread between one participant and the
 * facilitators (`participantId` is the participant, whichever side writes).
 */
export type ChatChannel = { kind: 'room'; roomId: RoomId } | { kind: 'facilitators'; participantId: ParticipantId };

export interface ChatMessage {
  id: string;
  channel: ChatChannel;
  authorId: ParticipantId;
  text: string;
  /** `broadcast`: a facilitator's message to all breakout rooms, kept in each room's log. */
  kind: 'message' | 'broadcast';
  /** epoch ms */
  sentAt: number;
}

export const channelKey = (channel: ChatChannel): string =>
  channel.kind === 'room' ? `room:${channel.roomId}` : `facilitators:${channel.participantId}`;
