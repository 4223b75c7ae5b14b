// A minimal TURN client for the tests (RFC 5389 / RFC 5766): an Allocate request with long-term
// credentials over any byte stream (TCP, TLS) or UDP, enough to see a TURN server accept or refuse.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import type { Duplex } from 'node:stream';

const MAGIC_COOKIE = 0x2112a442;
const ALLOCATE_REQUEST = 0x0003;
export const ALLOCATE_SUCCESS = 0x0103;
export const ALLOCATE_ERROR = 0x0113;

const Attr = {
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  lifetime: 0x000d,
  xorRelayedAddress: 0x0016,
  realm: 0x0014,
  nonce: 0x0015,
  requestedTransport: 0x0019,
} as const;

export interface StunMessage {
  type: number;
  transactionId: Buffer;
  attributes: Map<number, Buffer>;
}

export interface AllocateOutcome {
  /** 'allocated', or the error code of the final answer (401: credentials refused) */
  result: 'allocated' | number;
  /** the relayed transport address, when allocated */
  relayed?: { address: string; port: number };
}

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  const padding = Buffer.alloc((4 - (value.length % 4)) % 4);
  return Buffer.concat([header, value, padding]);
}

function header(type: number, length: number, transactionId: Buffer): Buffer {
  const head = Buffer.alloc(20);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(length, 2);
  head.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(head, 8);
  return head;
}

interface Auth {
  username: string;
  password: string;
  realm: Buffer;
  nonce: Buffer;
}

/** An Allocate request for a UDP relay; signed (MESSAGE-INTEGRITY) when `auth` is given. */
export function allocateRequest(auth?: Auth): Buffer {
  const transactionId = randomBytes(12);
  const attrs = [attribute(Attr.requestedTransport, Buffer.from([17, 0, 0, 0]))];
  if (!auth) {
    const body = Buffer.concat(attrs);
    return Buffer.concat([header(ALLOCATE_REQUEST, body.length, transactionId), body]);
  }
  attrs.push(
    attribute(Attr.username, Buffer.from(auth.username)),
    attribute(Attr.realm, auth.realm),
    attribute(Attr.nonce, auth.nonce),
  );
  const body = Buffer.concat(attrs);
  // The integrity covers the message with its length already counting the integrity attribute.
  const signed = Buffer.concat([header(ALLOCATE_REQUEST, body.length + 24, transactionId), body]);
  const key = createHash('md5').update(`${auth.username}:${auth.realm.toString()}:${auth.password}`).digest();
  const integrity = attribute(Attr.messageIntegrity, createHmac('sha1', key).update(signed).digest());
  return Buffer.concat([signed, integrity]);
}

export function parseMessage(bytes: Buffer): StunMessage {
  const length = bytes.readUInt16BE(2);
  const attributes = new Map<number, Buffer>();
  let offset = 20;
  while (offset + 4 <= 20 + length) {
    const type = bytes.readUInt16BE(offset);
    const size = bytes.readUInt16BE(offset + 2);
    attributes.set(type, bytes.subarray(offset + 4, offset + 4 + size));
    offset += 4 + size + ((4 - (size % 4)) % 4);
  }
  return { type: bytes.readUInt16BE(0), transactionId: bytes.subarray(8, 20), attributes };
}

const errorCodeOf = (message: StunMessage): number => {
  const value = message.attributes.get(Attr.errorCode);
  return value ? (value[2] ?? 0) * 100 + (value[3] ?? 0) : 0;
};

function relayedOf(message: StunMessage): { address: string; port: number } | undefined {
  const value = message.attributes.get(Attr.xorRelayedAddress);
  // IPv4 (family 0x01) is all these tests use.
  if (value?.[1] !== 0x01) return undefined;
  const port = value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const address = (value.readUInt32BE(4) ^ MAGIC_COOKIE) >>> 0;
  return { address: [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join('.'), port };
}

/** Sends one request and waits for its answer. */
export type Exchange = (request: Buffer) => Promise<StunMessage>;

/**
 * The two-step long-term-credential Allocate: unsigned first (the server answers 401 with a realm
 * and nonce), then signed with the credentials.
 */
export async function allocate(exchange: Exchange, username: string, password: string): Promise<AllocateOutcome> {
  const challenge = await exchange(allocateRequest());
  const realm = challenge.attributes.get(Attr.realm);
  const nonce = challenge.attributes.get(Attr.nonce);
  if (challenge.type !== ALLOCATE_ERROR || errorCodeOf(challenge) !== 401 || !realm || !nonce) {
    throw new Error(`expected a 401 challenge, got type ${challenge.type.toString(16)} ${errorCodeOf(challenge)}`);
  }
  const answer = await exchange(allocateRequest({ username, password, realm, nonce }));
  if (answer.type === ALLOCATE_SUCCESS) return { result: 'allocated', relayed: relayedOf(answer) };
  return { result: errorCodeOf(answer) };
}

/** Request/answer over a stream (TCP or TLS): STUN messages frame themselves with their length. */
export function streamExchange(stream: Duplex, timeoutMs = 5_000): Exchange {
  let buffered = Buffer.alloc(0);
  const waiting: Array<(message: StunMessage) => void> = [];
  stream.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 20 && buffered.length >= 20 + buffered.readUInt16BE(2)) {
      const size = 20 + buffered.readUInt16BE(2);
      const message = parseMessage(buffered.subarray(0, size));
      buffered = buffered.subarray(size);
      waiting.shift()?.(message);
    }
  });
  return (request) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no TURN answer')), timeoutMs);
      waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
      stream.write(request);
    });
}

/** Allocate over UDP to `host:port`. */
export async function allocateOverUdp(
  host: string,
  port: number,
  username: string,
  password: string,
): Promise<AllocateOutcome> {
  const socket = createSocket('udp4');
  const exchange: Exchange = (request) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no TURN answer over UDP')), 5_000);
      socket.once('message', (bytes) => {
        clearTimeout(timer);
        resolve(parseMessage(bytes));
      });
      socket.send(request, port, host);
    });
  try {
    return await allocate(exchange, username, password);
  } finally {
    socket.close();
  }
}
