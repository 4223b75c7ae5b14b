import { z } from 'zod';
import { RoomIdSchema } from '../../../ids.ts';
import { PROPOSAL_RESPONSES } from '../../../model/workshop/proposals.ts';
import { EntityIdSchema, multilineText } from './common.ts';

export const PutProposalCommandSchema = z.strictObject({
  type: z.literal('proposal.put'),
  text: multilineText(2000),
  /** the breakout room whose outcomes proposed it, if any */
  fromRoomId: RoomIdSchema.optional(),
});

export const RespondProposalCommandSchema = z.strictObject({
  type: z.literal('proposal.respond'),
  proposalId: EntityIdSchema,
  response: z.enum(PROPOSAL_RESPONSES),
});

export const CloseProposalCommandSchema = z.strictObject({
  type: z.literal('proposal.close'),
  proposalId: EntityIdSchema,
});
