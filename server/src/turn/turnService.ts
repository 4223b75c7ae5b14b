// TURN for whoever needs it: the ICE servers each participant is handed, and (PLENARY_TURN=auto)
// the coturn that Plenary runs for them. See README, "TURN".
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Server as TlsServer } from 'node:tls';
import type { IceServers } from '@plenary/shared';
import { assertNever } from '../domain/result.ts';
import type { Logger } from '../logger.ts';
import { coturnConfig } from './coturnConfig.ts';
import { iceServersFor, turnSecretFromDataDir } from './credentials.ts';
import { attachTurnDemux } from './demux.ts';
import { ProcessSupervisor, type SupervisedState } from './supervisor.ts';
import type { CoturnSettings, TurnSettings } from './turnConfig.ts';

export interface TurnHealth {
  mode: TurnSettings['mode'];
  /** false only while the coturn Plenary runs is not answering */
  ok: boolean;
  /** the coturn Plenary runs: starting, up, down (restarting) or stopped */
  state?: SupervisedState;
  restarts?: number;
}

export interface TurnService {
  readonly mode: TurnSettings['mode'];
  /** A participant's ICE servers with fresh credentials (none when TURN is off). */
  iceServersFor(participantId: string, nowMs: number): IceServers;
  health(): TurnHealth;
  /** Prometheus lines */
  metrics(): string[];
  /** the running coturn's process id, if Plenary runs one */
  pid(): number | null;
  /**
   * Hands TURN arriving on a TLS listener (the page's own 443) to coturn, and the rest to
   * `httpServer` (or, for an https server, to itself); participants are then also given `url`
   * (`turns:host:443?transport=tcp`).
   */
  attachTls(tlsServer: TlsServer, options: { httpServer?: HttpServer; url: string }): void;
  close(): Promise<void>;
}

/** Waits at most this long at start for coturn to answer; after that it keeps trying in the background. */
const START_WAIT_MS = 5_000;

export async function startTurn(settings: TurnSettings, dataDir: string, logger: Logger): Promise<TurnService> {
  switch (settings.mode) {
    case 'off':
      return fixedTurn('off', { urls: [], secret: '', ttlSeconds: 0 });
    case 'external':
      logger.info({ urls: settings.urls }, 'TURN: handing participants the configured TURN server');
      return fixedTurn('external', settings);
    case 'coturn':
      return startCoturn(settings, dataDir, logger);
    default:
      return assertNever(settings);
  }
}

function fixedTurn(
  mode: 'off' | 'external',
  credentials: { urls: string[]; secret: string; ttlSeconds: number },
): TurnService {
  return {
    mode,
    iceServersFor: (participantId, nowMs) => iceServersFor(credentials, participantId, nowMs),
    health: () => ({ mode, ok: true }),
    metrics: () => [],
    pid: () => null,
    attachTls: () => {
      throw new Error('TURN over TLS needs the coturn Plenary runs (PLENARY_TURN=auto)');
    },
    close: async () => undefined,
  };
}

const hostOf = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);

async function startCoturn(settings: CoturnSettings, dataDir: string, logger: Logger): Promise<TurnService> {
  const secret = settings.secret ?? turnSecretFromDataDir(dataDir);
  // Nodes may share a data directory (the library's files): each keeps its own coturn's files.
  const dir = join(dataDir, 'turn', `${hostname()}-${settings.port}`);
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'turnserver.conf');
  writeFileSync(configFile, coturnConfig(settings, secret, dir), { mode: 0o600 });
  const host = hostOf(settings.publicIp);
  const urls = [`turn:${host}:${settings.port}?transport=udp`, `turn:${host}:${settings.port}?transport=tcp`];
  const supervisor = new ProcessSupervisor({
    name: 'coturn',
    command: settings.binary,
    args: ['-c', configFile],
    probe: { host: '127.0.0.1', port: settings.port },
    logger,
  });
  if (!(await supervisor.start(START_WAIT_MS))) {
    logger.error({ port: settings.port }, 'TURN: coturn did not start; trying again in the background');
  }
  return {
    mode: 'coturn',
    iceServersFor: (participantId, nowMs) =>
      iceServersFor({ urls, secret, ttlSeconds: settings.ttlSeconds }, participantId, nowMs),
    health: () => {
      const { state, restarts } = supervisor.health();
      return { mode: 'coturn', ok: state === 'up', state, restarts };
    },
    metrics: () => {
      const { state, restarts } = supervisor.health();
      return [`plenary_turn_up ${state === 'up' ? 1 : 0}`, `plenary_turn_restarts_total ${restarts}`];
    },
    pid: () => supervisor.health().pid,
    attachTls: (tlsServer, options) => {
      attachTurnDemux(tlsServer, { httpServer: options.httpServer, turnTcpPort: settings.port, logger });
      urls.push(options.url);
    },
    close: () => supervisor.stop(),
  };
}
