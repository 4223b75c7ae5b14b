import { createHmac, randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { crc32 } from 'node:zlib';
import type { types } from 'mediasoup';

// Two mediasoup WebRtcTransports cannot reach each other by themselves: both are ICE-lite and wait
// for a browser's STUN checks. An IceLink plays the browser for both: from one UDP socket per side
// it sends each transport a nominating STUN Binding request, then relays datagrams between them, so
// the two run DTLS with each other and then SRTP. What the measured side sends towards the other
// (its consumers' media) is counted and dropped, unless `relayMedia` says to pass it on.

const MAGIC_COOKIE = 0x2112a442;
const FINGERPRINT_XOR = 0x5354554e;
/** Consent checks: mediasoup drops a transport that has not been checked for 30 s. */
const CHECK_EVERY_MS = 5_000;

export interface IceLink {
  /** media bytes the measured side sent and the link dropped */
  droppedBytes(): number;
  close(): void;
}

interface Side {
  transport: types.WebRtcTransport;
  socket: Socket;
}

/**
 * Links `measured` (DTLS server) with `peer` (DTLS client, the stand-in browser) and resolves once
 * both have connected DTLS.
 */
export async function iceLink(
  measured: types.WebRtcTransport,
  peer: types.WebRtcTransport,
  { relayMedia = false } = {},
): Promise<IceLink> {
  const a: Side = { transport: measured, socket: await openSocket() };
  const b: Side = { transport: peer, socket: await openSocket() };
  let dropped = 0;
  a.socket.on('message', (datagram) => {
    const first = datagram[0] ?? 0;
    if (first < 2) return; // STUN answers
    if (relayMedia || (first >= 20 && first <= 63)) send(b, datagram);
    else dropped += datagram.length;
  });
  b.socket.on('message', (datagram) => {
    if ((datagram[0] ?? 0) >= 2) send(a, datagram);
  });
  const check = () => {
    send(a, bindingRequest(measured.iceParameters));
    send(b, bindingRequest(peer.iceParameters));
  };
  const timer = setInterval(check, CHECK_EVERY_MS);
  const connected = Promise.all([dtlsConnected(measured), dtlsConnected(peer)]);
  await measured.connect({ dtlsParameters: { role: 'client', fingerprints: peer.dtlsParameters.fingerprints } });
  await peer.connect({ dtlsParameters: { role: 'server', fingerprints: measured.dtlsParameters.fingerprints } });
  check();
  await connected;
  return {
    droppedBytes: () => dropped,
    close: () => {
      clearInterval(timer);
      a.socket.close();
      b.socket.close();
    },
  };
}

function send(side: Side, datagram: Buffer): void {
  const candidate = side.transport.iceCandidates.find((c) => c.protocol === 'udp');
  if (!candidate || side.transport.closed) return;
  side.socket.send(datagram, candidate.port, candidate.address);
}

async function openSocket(): Promise<Socket> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  try {
    socket.setRecvBufferSize(8 * 1024 * 1024);
  } catch {
    // capped by the kernel's rmem_max: a dropped datagram only lowers the count
  }
  return socket;
}

function dtlsConnected(transport: types.WebRtcTransport): Promise<void> {
  if (transport.dtlsState === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('DTLS did not connect')), 10_000);
    transport.on('dtlsstatechange', (state) => {
      if (state === 'connected') {
        clearTimeout(timer);
        resolve();
      } else if (state === 'failed' || state === 'closed') {
        clearTimeout(timer);
        reject(new Error(`DTLS ${state}`));
      }
    });
  });
}

/** A controlling agent's nominating Binding request (RFC 8445), signed with the transport's password. */
function bindingRequest({ usernameFragment, password }: types.IceParameters): Buffer {
  const attributes = [
    attribute(0x0006, Buffer.from(`${usernameFragment}:bench`)), // USERNAME
    attribute(0x0024, uint32(0x6e7f1eff)), // PRIORITY
    attribute(0x802a, randomBytes(8)), // ICE-CONTROLLING
    attribute(0x0025, Buffer.alloc(0)), // USE-CANDIDATE
  ];
  let message = withHeader(Buffer.concat(attributes), 24);
  const integrity = createHmac('sha1', password).update(message).digest();
  message = withHeader(Buffer.concat([...attributes, attribute(0x0008, integrity)]), 8, message);
  const fingerprint = (crc32(message) ^ FINGERPRINT_XOR) >>> 0;
  return Buffer.concat([message, attribute(0x8028, uint32(fingerprint))]);
}

/** The header for `body`, its length counting `extra` bytes still to come; keeps a previous id. */
function withHeader(body: Buffer, extra: number, previous?: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0001, 0);
  header.writeUInt16BE(body.length + extra, 2);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  (previous ? previous.subarray(8, 20) : randomBytes(12)).copy(header, 8);
  return Buffer.concat([header, body]);
}

function attribute(type: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(value.length, 2);
  const padding = Buffer.alloc((4 - (value.length % 4)) % 4);
  return Buffer.concat([head, value, padding]);
}

function uint32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value, 0);
  return buffer;
}
