import { z } from 'zod';
import { EntityIdSchema, lineText } from './common.ts';

export const CreatePollCommandSchema = z.strictObject({
  type: z.literal('poll.create'),
  question: lineText(300),
  options: z.array(lineText(120)).min(2).max(12),
});

export const OpenPollCommandSchema = z.strictObject({ type: z.literal('poll.open'), pollId: EntityIdSchema });

export const VoteCommandSchema = z.strictObject({
  type: z.literal('poll.vote'),
  pollId: EntityIdSchema,
  optionId: EntityIdSchema,
});

export const ClosePollCommandSchema = z.strictObject({ type: z.literal('poll.close'), pollId: EntityIdSchema });
