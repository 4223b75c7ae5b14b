import { createServer, type Server as HttpServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { TokenService } from './auth/tokens.ts';
import { type Cluster, joinCluster } from './cluster/cluster.ts';
import { connectRedis } from './cluster/redisLink.ts';
import type { Config } from './config.ts';
import { mountAttendanceRoutes } from './http/attendance.ts';
import { mountExportRoutes } from './http/exports.ts';
import { mountLibraryRoutes } from './http/library.ts';
import { mountRoutes } from './http/routes.ts';
import { mountSeriesRoutes } from './http/series.ts';
import { mountWorkshopRoutes } from './http/workshops.ts';
import { FileStore } from './library/fileStore.ts';
import { createLogger, type Logger } from './logger.ts';
import { MediaRoom } from './media/mediaRoom.ts';
import type { MediaMesh } from './media/mesh/mediaMesh.ts';
import { startMediaMesh } from './media/mesh/startMesh.ts';
import { WorkerPool } from './media/workerPool.ts';
import { NotesHub } from './notes/notesHub.ts';
import { createIo, registerHandlers } from './realtime/io.ts';
import { mediaRoomListener } from './realtime/mediaRoomListener.ts';
import { Presence } from './realtime/presence.ts';
import { publishChange } from './realtime/publish.ts';
import type { PlenaryServer, RealtimeContext } from './realtime/types.ts';
import { RoomMoves, RoomRegistry } from './rooms/index.ts';
import { WorkshopRegistry } from './sessions/workshopRegistry.ts';
import { PostgresStore } from './store/postgres/postgresStore.ts';
import { SqliteStore } from './store/sqlite/sqliteStore.ts';
import type { Store } from './store/store.ts';
import { startTurn, type TurnService } from './turn/turnService.ts';

export interface App {
  httpServer: HttpServer;
  io: PlenaryServer;
  pool: WorkerPool;
  /** this node's media among other nodes, when PLENARY_REDIS_URL is set */
  mesh: MediaMesh | undefined;
  rooms: RoomRegistry;
  workshops: WorkshopRegistry;
  tokens: TokenService;
  notes: NotesHub;
  /** the TURN server participants are handed (and the coturn Plenary runs, if it does) */
  turn: TurnService;
  logger: Logger;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  now?: () => number;
  store?: Store;
  /** the server the app is served by (https: server/src/edge); plain http when left out */
  createServer?: (handler: RequestListener) => HttpServer;
}

/** Builds the whole server from its config, with no globals, so tests can start several. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  // First: a media port already taken stops the start before anything else is opened.
  const pool = await WorkerPool.start({
    size: config.media.workerCount,
    consumersPerWorker: config.media.consumersPerWorker,
    rtc: { listenIp: config.media.listenIp, announcedIp: config.media.announcedIp, port: config.media.rtcPort },
    logger,
  });
  const store = options.store ?? (await openStore(config, logger));
  const tokens = config.tokenSecret
    ? TokenService.fromSecret(config.tokenSecret)
    : TokenService.fromDataDir(config.dataDir);
  const redis = config.cluster
    ? await connectRedis(config.cluster.redisUrl, config.cluster.redisPrefix, logger)
    : undefined;
  // Several nodes sharing workshops link their rooms' media (PLENARY_REDIS_URL); one node needs nothing.
  const mesh = await startMediaMesh(config, logger);
  const turn = await startTurn(config.turn, config.dataDir, logger);
  const expressApp = express();
  const httpServer = (options.createServer ?? createServer)(expressApp);
  const io = createIo(httpServer, config.allowedOrigins, redis?.adapter);
  const shared = redis !== undefined;
  let cluster: Cluster | null = null;

  // A media room's key is its channel's name, so its own events go straight to the people in it.
  const rooms = new RoomRegistry((key) =>
    MediaRoom.create({
      key,
      pool,
      settings: config.media,
      listener: mediaRoomListener(io, key),
      logger: logger.child({ room: key }),
      links: mesh,
    }),
  );

  const workshops = new WorkshopRegistry({
    store,
    logger,
    now,
    shared,
    onChange: (workshop, change) => {
      publishChange(ctx, workshop, change);
      if (change.origin === 'local' && change.entry) cluster?.committed(workshop.id, change.entry);
    },
  });
  const ctx: RealtimeContext = {
    io,
    rooms,
    moves: new RoomMoves({
      io,
      rooms,
      workshops,
      logger,
      now,
    }),
    tokens,
    turn,
    logger,
    now,
    presence: new Presence(config.reconnectGraceMs),
    notes: new NotesHub(store, logger, {
      shared,
      onStored: (docKey, seq, update) => cluster?.notesStored(docKey, seq, update),
    }),
    workshops,
    cluster: null,
  };
  if (shared) {
    cluster = joinCluster(ctx, { graceMs: config.reconnectGraceMs });
    ctx.cluster = cluster;
  }

  registerHandlers(ctx);
  expressApp.disable('x-powered-by');
  expressApp.use(express.json({ limit: '100kb' }));
  mountWorkshopRoutes(expressApp, ctx);
  mountExportRoutes(expressApp, ctx);
  mountAttendanceRoutes(expressApp, ctx);
  mountSeriesRoutes(expressApp, ctx);
  mountLibraryRoutes(expressApp, { ...ctx, files: new FileStore(config.dataDir, config.maxUploadBytes) });
  mountRoutes(expressApp, { pool, rooms, io, turn, clientDir: config.clientDir, logger });

  return {
    httpServer,
    io,
    pool,
    mesh,
    rooms,
    workshops: ctx.workshops,
    tokens,
    notes: ctx.notes,
    turn,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve(httpServer.address() as AddressInfo));
      }),
    close: async () => {
      cluster?.stop();
      // Closing connections stores their resumable sessions in Redis: Redis closes after.
      await io.close();
      ctx.presence.clear();
      await ctx.workshops.closeAll();
      await ctx.notes.closeAll();
      rooms.closeAll();
      await mesh?.close();
      pool.close();
      await store.close();
      await redis?.close();
      await turn.close();
    },
  };
}

/** PostgreSQL when a database URL is configured, else the embedded SQLite in the data directory. */
async function openStore(config: Config, logger: Logger): Promise<Store> {
  if (config.databaseUrl) return PostgresStore.connect(config.databaseUrl, { logger });
  return SqliteStore.open(join(config.dataDir, 'plenary.db'));
}
