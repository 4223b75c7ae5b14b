import { z } from 'zod';
import { ParticipantIdSchema, RoomIdSchema } from '../../../ids.ts';
import { MAX_CHAT_MESSAGE_LENGTH } from '../../../model/workshop/chat.ts';
import { multilineText } from './common.ts';

export const ChatChannelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('room'), roomId: RoomIdSchema }),
  z.strictObject({ kind: z.literal('facilitators'), participantId: ParticipantIdSchema }),
]);

export const SendChatCommandSchema = z.strictObject({
  type: z.literal('chat.send'),
  channel: ChatChannelSchema,
  text: multilineText(MAX_CHAT_MESSAGE_LENGTH),
});
