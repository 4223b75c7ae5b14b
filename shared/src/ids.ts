import { z } from 'zod';

// Branded ids: a RoomId can't be passed where a ParticipantId is expected, though both are strings.
const idString = z.string().min(1).max(64);

export const WorkshopIdSchema = idString.brand<'WorkshopId'>();
export type WorkshopId = z.infer<typeof WorkshopIdSchema>;

export const RoomIdSchema = idString.brand<'RoomId'>();
export type RoomId = z.infer<typeof RoomIdSchema>;

export const ParticipantIdSchema = idString.brand<'ParticipantId'>();
export type ParticipantId = z.infer<typeof ParticipantIdSchema>;

/** ids of mediasoup objects (transports, producers, consumers), minted by the server. */
export const MediaIdSchema = idString.brand<'MediaId'>();
export type MediaId = z.infer<typeof MediaIdSchema>;
