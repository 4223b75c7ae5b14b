// One public port (443) for the page, the socket and relayed media. Behind a firewall that opens
// only 443, a browser reaches TURN as `turns:host:443?transport=tcp`: a TLS connection like the
// page's own. Chromium sends no ALPN for TURN and may send the page's SNI, so neither tells the two
// apart; the first bytes after the handshake do. A TURN client always begins with a STUN request
// (RFC 5389: first two bits 0, magic cookie at bytes 4..7); HTTP begins with a method in ASCII.
import type { Server as HttpServer } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import type { TLSSocket, Server as TlsServer } from 'node:tls';
import type { Logger } from '../logger.ts';

const MAGIC_COOKIE = 0x2112a442;
/** What a STUN header needs to be recognised. */
const HEADER_BYTES = 8;
/** A client that says nothing this long after its handshake is closed. */
const FIRST_BYTES_TIMEOUT_MS = 10_000;

export type FirstBytes = 'stun' | 'other' | 'undecided';

/** Whether a connection's first bytes are a STUN message, something else, or too few to say. */
export function classifyFirstBytes(bytes: Uint8Array): FirstBytes {
  const first = bytes[0];
  if (first === undefined) return 'undecided';
  // Both top bits clear: a STUN message (a ChannelData frame has 01, an HTTP method letter 01 too).
  if (first >= 0x40) return 'other';
  if (bytes.length < HEADER_BYTES) return 'undecided';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(4) === MAGIC_COOKIE ? 'stun' : 'other';
}

export interface TurnDemuxOptions {
  /**
   * the HTTP server (Express, Socket.IO) that gets every connection that is not TURN; without it,
   * `tlsServer` is an https server and keeps serving those connections itself
   */
  httpServer?: HttpServer;
  /** coturn's plain TCP listener */
  turnTcpPort: number;
  turnHost?: string;
  logger?: Logger;
}

type ConnectionListener = (socket: TLSSocket) => void;

/**
 * Routes each decrypted connection of `tlsServer` by its first bytes: TURN to coturn's plain TCP
 * listener on loopback (coturn never sees TLS), anything else to `httpServer` as if it had accepted
 * it, or (an https server) to the listeners `tlsServer` had, which now hear only what is not TURN.
 */
export function attachTurnDemux(tlsServer: TlsServer, options: TurnDemuxOptions): void {
  const { httpServer } = options;
  let toOthers: ConnectionListener;
  if (httpServer) {
    toOthers = (socket) => httpServer.emit('connection', socket);
  } else {
    const own = tlsServer.listeners('secureConnection') as ConnectionListener[];
    tlsServer.removeAllListeners('secureConnection');
    toOthers = (socket) => {
      for (const listener of own) listener.call(tlsServer, socket);
    };
  }
  tlsServer.on('secureConnection', (socket: TLSSocket) => route(socket, options, toOthers));
}

function route(socket: TLSSocket, options: TurnDemuxOptions, toOthers: ConnectionListener): void {
  let seen = Buffer.alloc(0);
  const timer = setTimeout(() => socket.destroy(), FIRST_BYTES_TIMEOUT_MS);
  const onError = () => clearTimeout(timer);
  socket.once('error', onError);
  const onData = (chunk: Buffer) => {
    seen = Buffer.concat([seen, chunk]);
    const kind = classifyFirstBytes(seen);
    if (kind === 'undecided') return;
    clearTimeout(timer);
    socket.off('data', onData);
    socket.off('error', onError);
    socket.pause();
    if (kind === 'stun') toTurn(socket, seen, options);
    else handBack(socket, seen, toOthers);
  };
  socket.on('data', onData);
}

function handBack(socket: TLSSocket, seen: Buffer, toOthers: ConnectionListener): void {
  // Put back what was read, then let the HTTP server take the connection as its own.
  socket.unshift(seen);
  toOthers(socket);
  socket.resume();
}

function toTurn(socket: TLSSocket, seen: Buffer, options: TurnDemuxOptions): void {
  const upstream: Socket = createConnection({ host: options.turnHost ?? '127.0.0.1', port: options.turnTcpPort });
  upstream.setNoDelay(true);
  socket.setNoDelay(true);
  upstream.write(seen);
  socket.pipe(upstream);
  upstream.pipe(socket);
  socket.resume();
  const close = (error?: Error) => {
    if (error) options.logger?.debug({ err: error }, 'TURN over TLS: connection closed');
    socket.destroy();
    upstream.destroy();
  };
  socket.once('error', close);
  upstream.once('error', close);
  socket.once('close', () => upstream.destroy());
  upstream.once('close', () => socket.destroy());
}
