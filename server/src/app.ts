import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Fact, type RoomId } from '@plenary/shared';
import express from 'express';
import type { Config } from './config.ts';
import { mountRoutes } from './http/routes.ts';
import { createLogger, type Logger } from './logger.ts';
import { MediaRoom, type MediaRoomListener } from './media/mediaRoom.ts';
import { WorkerPool } from './media/workerPool.ts';
import { createIo, registerHandlers } from './realtime/io.ts';
import { type PlenaryServer, participantChannel, roomChannel } from './realtime/types.ts';
import { RoomRegistry } from './sessions/roomRegistry.ts';

export interface App {
  httpServer: HttpServer;
  io: PlenaryServer;
  pool: WorkerPool;
  rooms: RoomRegistry;
  logger: Logger;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  now?: () => number;
}

/** Builds the whole server from its config, with no globals, so tests can start several. */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  const pool = await WorkerPool.start({ size: config.media.workerCount, logger });
  const expressApp = express();
  const httpServer = createServer(expressApp);
  const io = createIo(httpServer);

  const mediaListener = (roomId: RoomId): MediaRoomListener => ({
    consumerClosed: (participantId, consumerId) =>
      io.to(participantChannel(participantId)).emit(Fact.consumerClosed, { consumerId }),
    routerReplaced: (reason, routerRtpCapabilities) =>
      io.to(roomChannel(roomId)).emit(Fact.mediaReconnectRequired, { reason, routerRtpCapabilities }),
  });
  const rooms = new RoomRegistry((roomId) =>
    MediaRoom.create(pool, config.media, mediaListener(roomId), logger.child({ roomId })),
  );

  registerHandlers({ io, rooms, logger, now });
  mountRoutes(expressApp, { pool, rooms, io, clientDir: config.clientDir, logger });

  return {
    httpServer,
    io,
    pool,
    rooms,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => resolve(httpServer.address() as AddressInfo));
      }),
    close: async () => {
      await io.close();
      rooms.closeAll();
      pool.close();
    },
  };
}
