import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { registerMediaHandlers } from './handlers/media.ts';
import { registerSessionHandlers } from './handlers/session.ts';
import type { PlenaryServer, RealtimeContext } from './types.ts';

/** Socket.IO, bounded: an oversized frame closes the connection rather than reaching a handler. */
export function createIo(httpServer: HttpServer): PlenaryServer {
  return new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 100_000,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
}

export function registerHandlers(ctx: RealtimeContext): void {
  ctx.io.on('connection', (socket) => {
    registerSessionHandlers(ctx, socket);
    registerMediaHandlers(ctx, socket);
  });
}
