import { z } from 'zod';
import { RoomIdSchema } from '../../../ids.ts';
import { OUTCOME_SECTIONS } from '../../../model/workshop/outcomes.ts';
import { DurationMsSchema, EntityIdSchema, multilineText } from './common.ts';

export const MAX_OUTCOME_ITEMS = 50;

/** Replaces one section's items in the room's working copy. */
export const EditOutcomesCommandSchema = z.strictObject({
  type: z.literal('outcomes.edit'),
  roomId: RoomIdSchema,
  section: z.enum(OUTCOME_SECTIONS),
  items: z.array(multilineText(1000)).max(MAX_OUTCOME_ITEMS),
});

export const SubmitOutcomesCommandSchema = z.strictObject({ type: z.literal('outcomes.submit'), roomId: RoomIdSchema });

export const AcceptOutcomesCommandSchema = z.strictObject({ type: z.literal('outcomes.accept'), roomId: RoomIdSchema });

export const StartReportBackCommandSchema = z.strictObject({
  type: z.literal('reportBack.start'),
  setId: EntityIdSchema,
  durationMs: DurationMsSchema.nullable().optional(),
});

export const NextReportBackCommandSchema = z.strictObject({ type: z.literal('reportBack.next') });

export const StopReportBackCommandSchema = z.strictObject({ type: z.literal('reportBack.stop') });
