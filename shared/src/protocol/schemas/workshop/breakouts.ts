import { z } from 'zod';
import { ParticipantIdSchema, RoomIdSchema } from '../../../ids.ts';
import { DurationMsSchema, EntityIdSchema, lineText, multilineText, SeedSchema } from './common.ts';

export const MAX_BREAKOUT_ROOMS = 50;
export const MAX_CSV_LENGTH = 200_000;

export const CreateSetCommandSchema = z.strictObject({
  type: z.literal('breakouts.createSet'),
  name: lineText(120),
  roomNames: z.array(lineText(80)).min(1).max(MAX_BREAKOUT_ROOMS),
});

export const DeleteSetCommandSchema = z.strictObject({
  type: z.literal('breakouts.deleteSet'),
  setId: EntityIdSchema,
});

export const RenameRoomCommandSchema = z.strictObject({
  type: z.literal('breakouts.renameRoom'),
  setId: EntityIdSchema,
  roomId: RoomIdSchema,
  name: lineText(80),
});

/** `roomId: null` removes the participant's assignment. */
export const AssignCommandSchema = z.strictObject({
  type: z.literal('breakouts.assign'),
  setId: EntityIdSchema,
  participantId: ParticipantIdSchema,
  roomId: RoomIdSchema.nullable(),
});

export const AutoAssignCommandSchema = z.strictObject({
  type: z.literal('breakouts.autoAssign'),
  setId: EntityIdSchema,
  strategy: z.enum(['random', 'balanced']),
  seed: SeedSchema,
});

/** The same file as `breakouts.importCsv`, to preview before importing. */
export const PreviewCsvRequestSchema = z.strictObject({ setId: EntityIdSchema, csv: z.string().max(MAX_CSV_LENGTH) });

/** A CSV with a header row: a `name` or `email` column, and a `room` column. */
export const ImportCsvCommandSchema = z.strictObject({
  type: z.literal('breakouts.importCsv'),
  setId: EntityIdSchema,
  csv: z.string().max(MAX_CSV_LENGTH),
});

export const ConfigureSelfSelectCommandSchema = z.strictObject({
  type: z.literal('breakouts.configureSelfSelect'),
  setId: EntityIdSchema,
  allowed: z.boolean(),
  maxPerRoom: z.number().int().min(1).max(1000).nullable(),
});

/** A participant picks a room while the set allows self-selection. */
export const ChooseRoomCommandSchema = z.strictObject({
  type: z.literal('breakouts.choose'),
  setId: EntityIdSchema,
  roomId: RoomIdSchema,
});

export const SetRapporteurCommandSchema = z.strictObject({
  type: z.literal('breakouts.setRapporteur'),
  setId: EntityIdSchema,
  roomId: RoomIdSchema,
  participantId: ParticipantIdSchema.nullable(),
});

export const OpenBreakoutsCommandSchema = z.strictObject({
  type: z.literal('breakouts.open'),
  setId: EntityIdSchema,
  durationMs: DurationMsSchema,
});

export const ExtendBreakoutsCommandSchema = z.strictObject({
  type: z.literal('breakouts.extend'),
  byMs: DurationMsSchema,
});

export const BroadcastCommandSchema = z.strictObject({
  type: z.literal('breakouts.broadcast'),
  text: multilineText(1000),
});

export const RequestHelpCommandSchema = z.strictObject({
  type: z.literal('breakouts.requestHelp'),
  message: lineText(280).nullable().optional(),
});

export const AcknowledgeHelpCommandSchema = z.strictObject({
  type: z.literal('breakouts.acknowledgeHelp'),
  requestId: EntityIdSchema,
});

export const ResolveHelpCommandSchema = z.strictObject({
  type: z.literal('breakouts.resolveHelp'),
  requestId: EntityIdSchema,
});

/** A chair or observer looks into a room; `roomId: null` returns to the plenary. */
export const VisitCommandSchema = z.strictObject({
  type: z.literal('breakouts.visit'),
  roomId: RoomIdSchema.nullable(),
});

export const MoveParticipantCommandSchema = z.strictObject({
  type: z.literal('breakouts.move'),
  participantId: ParticipantIdSchema,
  roomId: RoomIdSchema,
});

/** Starts the countdown before the rooms close; `graceMs` defaults to the workshop setting. */
export const RecallCommandSchema = z.strictObject({
  type: z.literal('breakouts.recall'),
  graceMs: z.number().int().min(0).max(600_000).optional(),
});

export const CloseBreakoutsCommandSchema = z.strictObject({ type: z.literal('breakouts.close') });
