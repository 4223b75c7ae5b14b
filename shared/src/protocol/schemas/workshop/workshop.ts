import { z } from 'zod';
import { DurationMsSchema, lineText } from './common.ts';

export const UpdateSettingsCommandSchema = z.strictObject({
  type: z.literal('workshop.updateSettings'),
  title: lineText(120).optional(),
  lobbyEnabled: z.boolean().optional(),
  prioritiseNewSpeakers: z.boolean().optional(),
  turnDurationMs: DurationMsSchema.nullable().optional(),
  turnWarningMs: z.number().int().min(0).max(600_000).optional(),
  recallGraceMs: z.number().int().min(0).max(600_000).optional(),
});
