import { cpus, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { type TlsConfig, tlsFromEnv } from './edge/tlsConfig.ts';
import { DEFAULT_CONSUMERS_PER_WORKER } from './media/placement.ts';
import { loadTurnSettings, type TurnSettings } from './turn/turnConfig.ts';

// Every setting comes from the environment; the defaults run Plenary on one machine with nothing else.
const EnvSchema = z.object({
  // PORT and HOST default by TLS mode (see below); the others default here.
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().optional(),
  PLENARY_RTC_LISTEN_IP: z.string().optional(),
  PLENARY_ANNOUNCED_IP: z.string().optional(),
  PLENARY_RTC_PORT: z.coerce
    .number()
    .int()
    .refine((port) => port === 0 || (port >= 1024 && port <= 65535), '0 (any free port) or 1024–65535')
    .default(40000),
  // Links between nodes (pipe transports) still take one port each, from this range.
  PLENARY_RTC_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(40100),
  PLENARY_RTC_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(49999),
  PLENARY_DATA_DIR: z.string().default('data'),
  PLENARY_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  PLENARY_CONSUMERS_PER_WORKER: z.coerce.number().int().min(1).max(100_000).default(DEFAULT_CONSUMERS_PER_WORKER),
  PLENARY_MEDIA_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  PLENARY_CLIENT_DIR: z.string().default('client/dist'),
  PLENARY_ALLOWED_ORIGINS: z.string().default(''),
  PLENARY_MAX_UPLOAD_MB: z.coerce.number().min(1).max(2_000).default(50),
  PLENARY_RECONNECT_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(120_000),
  PLENARY_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  PLENARY_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
    .optional(),
  PLENARY_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, _ . - (at most 40)')
    .default('plenary'),
  PLENARY_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  PLENARY_TLS_CERT: z.string().min(1).optional(),
  PLENARY_TLS_KEY: z.string().min(1).optional(),
  PLENARY_DOMAIN: z.string().min(1).optional(),
  PLENARY_ACME_DIRECTORY: z.url({ protocol: /^https?$/, error: 'an https:// URL' }).optional(),
  PLENARY_ACME_EMAIL: z.email().optional(),
  PLENARY_ACME_CA: z.string().min(1).optional(),
  PLENARY_HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  PLENARY_TLS_CHECK_MS: z.coerce.number().int().min(100).max(86_400_000).default(60_000),
  PLENARY_LAN: z
    .enum(['', '0', '1', 'false', 'true'], { error: '1 or true to serve https on the LAN' })
    .default('')
    .transform((value) => value === '1' || value === 'true'),
  PLENARY_LAN_ADDRESS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** plain http (the default), or https and how its certificate comes */
  tls: TlsConfig;
  media: {
    workerCount: number;
    /** the address mediasoup binds RTC ports on */
    listenIp: string;
    /** the address given to browsers in ICE candidates (public IP behind NAT); defaults to listenIp */
    announcedIp: string | undefined;
    /** worker i's WebRtcServer listens on rtcPort + i, UDP and TCP (0: any free port) */
    rtcPort: number;
    /** the range links to other nodes take their ports from */
    minPort: number;
    maxPort: number;
    /** the consumers a worker carries before a room spreads to another worker */
    consumersPerWorker: number;
    /** how often this node tells the others which rooms it has people in (with Redis) */
    heartbeatMs: number;
  };
  dataDir: string;
  clientDir: string;
  /** browser origins allowed besides the server's own (e.g. a Vite dev server) */
  allowedOrigins: string[];
  /** the largest document the library accepts, in bytes */
  maxUploadBytes: number;
  /** how long a dropped participant keeps their place before counting as gone */
  reconnectGraceMs: number;
  /** PostgreSQL instead of the embedded SQLite (in `dataDir`) when set */
  databaseUrl: string | undefined;
  /**
   * Several server nodes share workshops through this Redis (Socket.IO's Redis Streams adapter);
   * every node uses the same `redisPrefix` for its keys and channels.
   */
  cluster: { redisUrl: string; redisPrefix: string } | undefined;
  /** the key invite and participant tokens are signed with; else one kept in `dataDir` */
  tokenSecret: string | undefined;
  /** the TURN server participants are handed: none, the coturn Plenary runs, or an external one */
  turn: TurnSettings;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** Reads the config from an environment, with a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.PLENARY_RTC_MIN_PORT > e.PLENARY_RTC_MAX_PORT) {
    throw new Error('invalid configuration: PLENARY_RTC_MIN_PORT is above PLENARY_RTC_MAX_PORT');
  }
  const workerCount = e.PLENARY_WORKERS ?? cpus().length;
  const rtcPortProblem = checkRtcPorts(e.PLENARY_RTC_PORT, workerCount, e.PLENARY_RTC_MIN_PORT, e.PLENARY_RTC_MAX_PORT);
  if (rtcPortProblem) throw new Error(`invalid configuration: ${rtcPortProblem}`);
  if (e.PLENARY_REDIS_URL && !e.PLENARY_DATABASE_URL) {
    throw new Error('invalid configuration: several nodes (PLENARY_REDIS_URL) need a shared PLENARY_DATABASE_URL');
  }
  if (e.PLENARY_REDIS_URL && !e.PLENARY_TOKEN_SECRET) {
    throw new Error(
      'invalid configuration: several nodes (PLENARY_REDIS_URL) must sign tokens alike: set the same PLENARY_TOKEN_SECRET on each',
    );
  }
  const tls = tlsFromEnv(e, networkInterfaces());
  // https is for other machines: listen beyond loopback; a public certificate means the usual port.
  const reachable = tls.kind !== 'none';
  // LAN mode's and PLENARY_DOMAIN's one command must also give media to other machines: RTC on every
  // interface, with the LAN address (or the domain's: edge/domainAddress.ts) in ICE candidates.
  const lanAddress = tls.kind === 'lan' ? tls.address : undefined;
  const rtcEverywhere = tls.kind === 'lan' || tls.kind === 'acme';
  const host = e.HOST ?? (reachable ? '0.0.0.0' : '127.0.0.1');
  const media = {
    workerCount,
    listenIp: e.PLENARY_RTC_LISTEN_IP ?? (rtcEverywhere ? '0.0.0.0' : '127.0.0.1'),
    announcedIp: e.PLENARY_ANNOUNCED_IP ?? lanAddress,
    rtcPort: e.PLENARY_RTC_PORT,
    minPort: e.PLENARY_RTC_MIN_PORT,
    maxPort: e.PLENARY_RTC_MAX_PORT,
    consumersPerWorker: e.PLENARY_CONSUMERS_PER_WORKER,
    heartbeatMs: e.PLENARY_MEDIA_HEARTBEAT_MS,
  };
  return {
    port: e.PORT ?? (tls.kind === 'files' || tls.kind === 'acme' ? 443 : 3000),
    host,
    tls,
    media,
    dataDir: resolve(e.PLENARY_DATA_DIR),
    clientDir: resolve(e.PLENARY_CLIENT_DIR),
    allowedOrigins: e.PLENARY_ALLOWED_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    reconnectGraceMs: e.PLENARY_RECONNECT_GRACE_MS,
    databaseUrl: e.PLENARY_DATABASE_URL,
    cluster: e.PLENARY_REDIS_URL ? { redisUrl: e.PLENARY_REDIS_URL, redisPrefix: e.PLENARY_REDIS_PREFIX } : undefined,
    tokenSecret: e.PLENARY_TOKEN_SECRET,
    turn: loadTurnSettings(env, { host, media }),
    maxUploadBytes: Math.round(e.PLENARY_MAX_UPLOAD_MB * 1_000_000),
    logLevel: e.LOG_LEVEL,
  };
}

/** The workers' ports (rtcPort … rtcPort + workers − 1) must exist and stay out of the links' range. */
function checkRtcPorts(rtcPort: number, workers: number, minPort: number, maxPort: number): string | undefined {
  if (rtcPort === 0) return undefined;
  const last = rtcPort + workers - 1;
  if (last > 65535) return `PLENARY_RTC_PORT ${rtcPort} + ${workers} workers goes beyond port 65535`;
  if (rtcPort <= maxPort && last >= minPort) {
    return (
      `the workers' media ports ${rtcPort}–${last} (PLENARY_RTC_PORT + one per worker) overlap ` +
      `PLENARY_RTC_MIN_PORT–PLENARY_RTC_MAX_PORT (${minPort}–${maxPort}), the range for links between nodes`
    );
  }
  return undefined;
}
