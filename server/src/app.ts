import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Fact } from '@plenary/shared';
import express from 'express';
import { TokenService } from './auth/tokens.ts';
import type { Config } from './config.ts';
import { mountExportRoutes } from './http/exports.ts';
import { mountLibraryRoutes } from './http/library.ts';
import { mountRoutes } from './http/routes.ts';
import { mountSeriesRoutes } from './http/series.ts';
import { mountWorkshopRoutes } from './http/workshops.ts';
import { FileStore } from './library/fileStore.ts';
import { createLogger, type Logger } from './logger.ts';
import { MediaRoom } from './media/mediaRoom.ts';
import { WorkerPool } from './media/workerPool.ts';
import { NotesHub } from './notes/notesHub.ts';
import { createIo, registerHandlers } from './realtime/io.ts';
import { Presence } from './realtime/presence.ts';
import { publishChange } from './realtime/publish.ts';
import { RoomDoors } from './realtime/roomDoors.ts';
import type { PlenaryServer, RealtimeContext } from './realtime/types.ts';
import { RoomRegistry } from './sessions/roomRegistry.ts';
import { KeyedSerialQueue } from './sessions/serialQueue.ts';
import { WorkshopRegistry } from './sessions/workshopRegistry.ts';
import { SqliteStore } from './store/sqlite/sqliteStore.ts';
import type { Store } from './store/store.ts';

export interface App {
  httpServer: HttpServer;
  io: PlenaryServer;
  pool: WorkerPool;
  rooms: RoomRegistry;
  workshops: WorkshopRegistry;
  tokens: TokenService;
  notes: NotesHub;
  logger: Logger;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  now?: () => number;
  store?: Store;
}

/** Builds the whole server from its config, with no globals, so tests can start several. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  const store = options.store ?? new SqliteStore(join(config.dataDir, 'plenary.db'));
  const tokens = TokenService.fromDataDir(config.dataDir);
  const pool = await WorkerPool.start({ size: config.media.workerCount, logger });
  const expressApp = express();
  const httpServer = createServer(expressApp);
  const io = createIo(httpServer, config.allowedOrigins);

  // A media room's key is its channel's name, so its own events go straight to the people in it.
  const rooms = new RoomRegistry((key) =>
    MediaRoom.create(
      pool,
      config.media,
      {
        consumerClosed: (participantId, consumerId) =>
          io
            .in(key)
            .fetchSockets()
            .then((sockets) => {
              for (const socket of sockets) {
                if (socket.data.participantId === participantId) socket.emit(Fact.consumerClosed, { consumerId });
              }
            }),
        routerReplaced: (reason, routerRtpCapabilities) =>
          io.to(key).emit(Fact.mediaReconnectRequired, { reason, routerRtpCapabilities }),
        activeSpeakerChanged: (participantId) => io.to(key).emit(Fact.activeSpeakerChanged, { participantId }),
        guestProducerClosed: (producerId) => io.to(key).emit(Fact.producerClosed, { producerId }),
      },
      logger.child({ room: key }),
    ),
  );

  const ctx: RealtimeContext = {
    io,
    rooms,
    doors: new RoomDoors(io, rooms),
    tokens,
    logger,
    now,
    presence: new Presence(config.reconnectGraceMs),
    notes: new NotesHub(store, logger),
    moves: new KeyedSerialQueue<string>(),
    workshops: new WorkshopRegistry({
      store,
      logger,
      now,
      onChange: (workshop, change) => publishChange(ctx, workshop, change),
    }),
  };

  registerHandlers(ctx);
  expressApp.disable('x-powered-by');
  expressApp.use(express.json({ limit: '100kb' }));
  mountWorkshopRoutes(expressApp, ctx);
  mountExportRoutes(expressApp, ctx);
  mountSeriesRoutes(expressApp, ctx);
  mountLibraryRoutes(expressApp, { ...ctx, files: new FileStore(config.dataDir, config.maxUploadBytes) });
  mountRoutes(expressApp, { pool, rooms, io, clientDir: config.clientDir, logger });

  return {
    httpServer,
    io,
    pool,
    rooms,
    workshops: ctx.workshops,
    tokens,
    notes: ctx.notes,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve(httpServer.address() as AddressInfo));
      }),
    close: async () => {
      await io.close();
      ctx.presence.clear();
      await ctx.workshops.closeAll();
      await ctx.notes.closeAll();
      rooms.closeAll();
      pool.close();
      await store.close();
    },
  };
}
