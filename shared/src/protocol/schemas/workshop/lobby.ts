import { z } from 'zod';
import { ParticipantIdSchema } from '../../../ids.ts';

export const AdmitCommandSchema = z.strictObject({
  type: z.literal('lobby.admit'),
  participantId: ParticipantIdSchema,
});

export const AdmitAllCommandSchema = z.strictObject({ type: z.literal('lobby.admitAll') });
