import { z } from 'zod';
import { MediaIdSchema, ParticipantIdSchema } from '../../ids.ts';
import { LINK_QUALITIES, MEDIA_PATHS } from '../../model/connection.ts';
import { MEDIA_SOURCES } from '../../model/peer.ts';

// mediasoup validates RTP/ICE/DTLS structures in depth and rejects what it can't use; these schemas
// check the outer shape and bound the size so garbage is refused before it reaches the worker.
const boundedArray = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
const looseObject = z.looseObject({});

export const RtpCapabilitiesSchema = z.looseObject({
  codecs: boundedArray(looseObject, 64).optional(),
  headerExtensions: boundedArray(looseObject, 64).optional(),
});

export const RtpParametersSchema = z.looseObject({
  mid: z.string().max(32).optional(),
  codecs: boundedArray(looseObject, 32),
  headerExtensions: boundedArray(looseObject, 32).optional(),
  encodings: boundedArray(looseObject, 8).optional(),
  rtcp: looseObject.optional(),
});

export const DtlsParametersSchema = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: boundedArray(z.object({ algorithm: z.string().max(32), value: z.string().max(256) }), 8).min(1),
});

export const CreateTransportRequestSchema = z.strictObject({ direction: z.enum(['send', 'recv']) });

export const ConnectTransportRequestSchema = z.strictObject({
  transportId: MediaIdSchema,
  dtlsParameters: DtlsParametersSchema,
});

export const RestartIceRequestSchema = z.strictObject({ transportId: MediaIdSchema });

export const ProduceRequestSchema = z.strictObject({
  transportId: MediaIdSchema,
  kind: z.enum(['audio', 'video']),
  source: z.enum(MEDIA_SOURCES),
  rtpParameters: RtpParametersSchema,
});

export const SetProducerPausedRequestSchema = z.strictObject({ producerId: MediaIdSchema, paused: z.boolean() });

export const CloseProducerRequestSchema = z.strictObject({ producerId: MediaIdSchema });

export const ConsumeRequestSchema = z.strictObject({
  producerId: MediaIdSchema,
  rtpCapabilities: RtpCapabilitiesSchema,
});

export const ResumeConsumerRequestSchema = z.strictObject({ consumerId: MediaIdSchema });

export const SetConsumerPausedRequestSchema = z.strictObject({ consumerId: MediaIdSchema, paused: z.boolean() });

/** Simulcast layers: 0 is the smallest encoding; the client asks for what fits the tile. */
export const SetPreferredLayersRequestSchema = z.strictObject({
  consumerId: MediaIdSchema,
  spatialLayer: z.number().int().min(0).max(2),
  temporalLayer: z.number().int().min(0).max(2).optional(),
});

export const ModerationActionSchema = z.enum(['mute', 'stopCamera', 'stopShare']);
/** What a chair may do to someone's media: mute them, or stop their camera or screen share. */
export type ModerationAction = z.infer<typeof ModerationActionSchema>;

export const ModerateRequestSchema = z.strictObject({
  participantId: ParticipantIdSchema,
  action: ModerationActionSchema,
});

export const SpeakToBreakoutsRequestSchema = z.strictObject({ on: z.boolean() });

export const RefreshIceServersRequestSchema = z.strictObject({});

/** The client's account of one of its transports: the path its browser selected, and how good it is. */
export const ReportConnectionRequestSchema = z.strictObject({
  transportId: MediaIdSchema,
  path: z.enum(MEDIA_PATHS),
  quality: z.enum(LINK_QUALITIES),
});
