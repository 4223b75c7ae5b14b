import { MEDIA_SOURCES, RtpParametersSchema } from '@plenary/shared';
import { z } from 'zod';

// What media nodes say to each other. Every message is checked on arrival like a client's payload:
// another node is trusted to be honest, not to be the same version or free of bugs.

const NodeIdSchema = z.string().min(1).max(64);
const RoomKeySchema = z.string().min(1).max(300);
const MediasoupIdSchema = z.string().min(1).max(64);

/** Where a node's end of a link listens, and the key it encrypts with (SRTP between hosts). */
export const EndpointSchema = z.strictObject({
  ip: z.string().min(1).max(64),
  port: z.number().int().min(1).max(65_535),
  srtp: z.strictObject({
    cryptoSuite: z.enum(['AEAD_AES_256_GCM', 'AEAD_AES_128_GCM', 'AES_CM_128_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_32']),
    keyBase64: z.string().min(1).max(128),
  }),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

const direct = { from: NodeIdSchema, to: NodeIdSchema };

export const MeshMessageSchema = z.discriminatedUnion('type', [
  /** every heartbeat, and whenever it changes: the rooms this node has people in */
  z.strictObject({ type: z.literal('presence'), from: NodeIdSchema, rooms: z.array(RoomKeySchema).max(20_000) }),
  /** the node is shutting down: close every link with it now rather than at its heartbeat's timeout */
  z.strictObject({ type: z.literal('bye'), from: NodeIdSchema }),
  /** from the node whose id sorts first, for a room both have people in */
  z.strictObject({
    type: z.literal('linkOffer'),
    ...direct,
    room: RoomKeySchema,
    linkId: MediasoupIdSchema,
    endpoint: EndpointSchema,
  }),
  z.strictObject({ type: z.literal('linkAnswer'), ...direct, linkId: MediasoupIdSchema, endpoint: EndpointSchema }),
  z.strictObject({ type: z.literal('linkClosed'), ...direct, linkId: MediasoupIdSchema }),
  /** a producer of the sender's, sent over the link: the receiver makes a producer of the same id */
  z.strictObject({
    type: z.literal('producerOffered'),
    ...direct,
    linkId: MediasoupIdSchema,
    producer: z.strictObject({
      id: MediasoupIdSchema,
      kind: z.enum(['audio', 'video']),
      rtpParameters: RtpParametersSchema,
      paused: z.boolean(),
      participantId: z.string().min(1).max(64),
      source: z.enum(MEDIA_SOURCES),
    }),
  }),
  z.strictObject({
    type: z.literal('producerPaused'),
    ...direct,
    linkId: MediasoupIdSchema,
    producerId: MediasoupIdSchema,
    paused: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('producerClosed'),
    ...direct,
    linkId: MediasoupIdSchema,
    producerId: MediasoupIdSchema,
  }),
]);

export type MeshMessage = z.infer<typeof MeshMessageSchema>;
export type DirectMessage = Extract<MeshMessage, { to: string }>;
export type OfferedProducer = Extract<MeshMessage, { type: 'producerOffered' }>['producer'];

/** A message from the wire, or the reason it is refused. */
export function parseMeshMessage(raw: string): { ok: true; message: MeshMessage } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = MeshMessageSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, message: parsed.data };
}
