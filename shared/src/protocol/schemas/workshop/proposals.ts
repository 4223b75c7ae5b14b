import { z } from 'zod';
import { PROPOSAL_RESPONSES } from '../../../model/workshop/proposals.ts';
import { EntityIdSchema, multilineText } from './common.ts';

export const PutProposalCommandSchema = z.strictObject({
  type: z.literal('proposal.put'),
  text: multilineText(2000),
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
