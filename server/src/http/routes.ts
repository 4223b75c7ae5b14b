import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from '../logger.ts';
import { countPaths, pathMetrics } from '../media/connectionState.ts';
import type { WorkerPool } from '../media/workerPool.ts';
import type { PlenaryServer } from '../realtime/types.ts';
import type { RoomRegistry } from '../rooms/index.ts';
import type { TurnService } from '../turn/turnService.ts';

export interface HttpDeps {
  pool: WorkerPool;
  rooms: RoomRegistry;
  io: PlenaryServer;
  turn: Pick<TurnService, 'health' | 'metrics'>;
  clientDir: string;
  logger: Logger;
}

const jsonError = (code: string, message: string) => ({ error: { code, message } });

export function mountRoutes(app: Express, deps: HttpDeps): void {
  const { pool, rooms, io, turn, clientDir, logger } = deps;

  // Healthy only while every mediasoup worker (and the coturn Plenary runs) is alive: else media is degraded.
  app.get('/healthz', (_req, res) => {
    const workers = pool.health();
    const turnHealth = turn.health();
    const healthy = workers.alive === workers.size && turnHealth.ok;
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded',
      workers,
      turn: turnHealth,
      rooms: rooms.size,
      connections: io.engine.clientsCount,
    });
  });

  app.get('/metrics', (_req, res) => {
    const counts = pool.counter.snapshot();
    const lines = [
      ...Object.entries(counts).map(([kind, value]) => `plenary_mediasoup_${kind} ${value}`),
      `plenary_rooms_open ${rooms.size}`,
      `plenary_connections ${io.engine.clientsCount}`,
      ...turn.metrics(),
      ...pathMetrics(countPaths(rooms.paths())),
    ];
    res.type('text/plain; version=0.0.4').send(`${lines.join('\n')}\n`);
  });

  app.use('/api', (_req, res) => {
    res.status(404).json(jsonError('not_found', 'no such API route'));
  });

  const indexHtml = join(clientDir, 'index.html');
  app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
  // Any other GET is a page of the single-page client.
  app.get(/.*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      res.status(503).json(jsonError('client_missing', 'the client is not built: run `npm run setup`'));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });

  app.use((_req, res) => {
    res.status(404).json(jsonError('not_found', 'no such route'));
  });

  const onError: ErrorRequestHandler = (
    error: { status?: number; type?: string; message?: string },
    req,
    res,
    _next,
  ) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error, url: req.url }, 'http request failed');
    const message = status === 500 ? 'internal error' : (error.message ?? 'bad request');
    res.status(status).json(jsonError(status === 500 ? 'internal' : 'invalid_payload', message));
  };
  app.use(onError);
}
