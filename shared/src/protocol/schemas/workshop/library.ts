import { z } from 'zod';
import { ParticipantIdSchema, RoomIdSchema } from '../../../ids.ts';
import { LIBRARY_FILE_TYPES } from '../../../model/workshop/library.ts';
import { EntityIdSchema, lineText } from './common.ts';

export const LibraryScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('workshop') }),
  z.strictObject({ kind: z.literal('agendaItem'), itemId: EntityIdSchema }),
  z.strictObject({ kind: z.literal('room'), roomId: RoomIdSchema }),
]);

/** Issued by the server once an upload is stored and checked. */
export const AddLibraryItemCommandSchema = z.strictObject({
  type: z.literal('library.add'),
  name: lineText(160),
  fileType: z.enum(LIBRARY_FILE_TYPES),
  mime: z.string().max(120),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  scope: LibraryScopeSchema,
  uploadedBy: ParticipantIdSchema,
});

export const RemoveLibraryItemCommandSchema = z.strictObject({
  type: z.literal('library.remove'),
  libraryItemId: EntityIdSchema,
});

/** A chair starts presenting a PDF of the library, or hands a presenter the deck. */
export const StartPresentationCommandSchema = z.strictObject({
  type: z.literal('presentation.start'),
  libraryItemId: EntityIdSchema,
  presenterId: ParticipantIdSchema.optional(),
});

export const HandOverPresentationCommandSchema = z.strictObject({
  type: z.literal('presentation.handOver'),
  presenterId: ParticipantIdSchema,
});

export const TurnPageCommandSchema = z.strictObject({
  type: z.literal('presentation.turnPage'),
  page: z.number().int().min(1).max(10_000),
});

export const StopPresentationCommandSchema = z.strictObject({ type: z.literal('presentation.stop') });
