import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Command, fail } from '@plenary/shared';
import { Server, type ServerOptions } from 'socket.io';
import { SYSTEM_ACTOR } from '../domain/commands.ts';
import { assignAudience } from '../rooms/index.ts';
import { registerIceHandlers } from './handlers/ice.ts';
import { registerMediaHandlers } from './handlers/media.ts';
import { registerModerationHandlers } from './handlers/moderation.ts';
import { registerNotesHandlers } from './handlers/notes.ts';
import { registerSessionHandlers } from './handlers/session.ts';
import { registerWorkshopHandlers } from './handlers/workshop.ts';
import type { PlenaryServer, PlenarySocket, RealtimeContext } from './types.ts';

const KNOWN_COMMANDS = new Set<string>(Object.values(Command));

/**
 * A browser page may open a socket only from an allowed origin (its own host, or one configured),
 * so another site can't act with a visitor's connection. Clients that send no Origin (not browsers)
 * are let through: they could forge one anyway.
 */
export function originAllowed(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/**
 * Socket.IO, bounded: an oversized frame closes the connection rather than reaching a handler.
 * With an adapter (Redis), broadcasts reach every server node's connections and a dropped
 * connection can resume on any node.
 */
export function createIo(
  httpServer: HttpServer,
  allowedOrigins: readonly string[],
  adapter?: ServerOptions['adapter'],
): PlenaryServer {
  return new Server(httpServer, {
    ...(adapter ? { adapter } : {}),
    serveClient: false,
    maxHttpBufferSize: 100_000,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    allowRequest: (request, callback) => callback(null, originAllowed(request, allowedOrigins)),
    // A brief network drop resumes the same connection, with the facts it missed.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
  });
}

export function registerHandlers(ctx: RealtimeContext): void {
  ctx.io.on('connection', (socket) => {
    socket.onAny((event: string, ...args: unknown[]) => refuseUnknown(ctx, socket, event, args));
    registerSessionHandlers(ctx, socket);
    registerWorkshopHandlers(ctx, socket);
    registerMediaHandlers(ctx, socket);
    registerIceHandlers(ctx, socket);
    registerModerationHandlers(ctx, socket);
    registerNotesHandlers(ctx, socket);
    if (socket.recovered) resume(ctx, socket);
  });
}

function refuseUnknown(ctx: RealtimeContext, socket: PlenarySocket, event: string, args: unknown[]): void {
  if (KNOWN_COMMANDS.has(event)) return;
  ctx.logger.warn({ socketId: socket.id, event: event.slice(0, 64) }, 'unknown event refused');
  const ack = args.at(-1);
  if (typeof ack === 'function') ack(fail('invalid_payload', 'unknown command'));
}

/**
 * Socket.IO recovered a dropped connection (same id, data and channels, missed facts replayed).
 * Its media went with the drop: put it back in its room, and the client rebuilds media on `roomChanged`.
 */
function resume(ctx: RealtimeContext, socket: PlenarySocket): void {
  const { workshopId, participantId } = socket.data;
  if (!workshopId || !participantId) return;
  const replaced = ctx.presence.attach(socket);
  replaced?.disconnect(true);
  socket.data.roomId = undefined;
  socket.data.joined = true;
  void ctx.workshops
    .getLatest(workshopId)
    .then(async (workshop) => {
      if (!workshop) return;
      assignAudience(socket, workshop.state);
      // Gone longer than the grace period: present again (which moves them back into their room).
      if (!workshop.state.participants[participantId]?.connected) {
        await workshop.execute({ type: 'participant.connected', actor: SYSTEM_ACTOR, participantId });
      }
      ctx.moves.follow(socket, workshopId);
    })
    .catch((error: unknown) => ctx.logger.error({ err: error, participantId }, 'could not resume a connection'));
}
