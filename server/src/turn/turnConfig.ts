// The TURN settings, read from the environment apart from the rest of the config so that TURN's
// rules (which server, which addresses, which ports) sit in one place.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { z } from 'zod';

/** How long a participant's TURN credentials work by default: a workshop day. */
export const DEFAULT_TURN_TTL_SECONDS = 12 * 60 * 60;

export interface CoturnSettings {
  mode: 'coturn';
  /** the `turnserver` program */
  binary: string;
  /** UDP and TCP port coturn listens on */
  port: number;
  /** the ports coturn relays media from */
  minPort: number;
  maxPort: number;
  /** the address coturn listens and relays on (it listens on loopback as well, for the TLS demux) */
  listenIp: string;
  /** the address browsers reach coturn at, and that it gives as its relayed address */
  publicIp: string;
  /** the media server's address: the only peer coturn relays to */
  peerIp: string;
  /** the shared secret; else one kept in the data directory */
  secret: string | undefined;
  ttlSeconds: number;
}

export interface ExternalTurnSettings {
  mode: 'external';
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

export type TurnSettings = { mode: 'off' } | CoturnSettings | ExternalTurnSettings;

const TurnEnvSchema = z.object({
  PLENARY_TURN: z.enum(['auto', 'off']).optional(),
  PLENARY_TURN_URLS: z
    .string()
    .optional()
    .transform((urls) => (urls ?? '').split(',').flatMap((url) => (url.trim() ? [url.trim()] : [])))
    .pipe(z.array(z.string().regex(/^turns?:[^\s,]+$/, 'turn: or turns: URLs, comma-separated')).max(8)),
  PLENARY_TURN_SECRET: z
    .string()
    .min(16, 'at least 16 characters')
    // It goes into coturn's config file as one line.
    .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
    .optional(),
  PLENARY_TURN_PORT: z.coerce.number().int().min(1).max(65535).default(3478),
  PLENARY_TURN_MIN_PORT: z.coerce.number().int().min(1024).max(65535).default(50000),
  PLENARY_TURN_MAX_PORT: z.coerce.number().int().min(1024).max(65535).default(51999),
  PLENARY_TURN_TTL_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(DEFAULT_TURN_TTL_SECONDS),
});

/** Where the rest of the config says the server and its media are reachable. */
export interface TurnContext {
  /** the HTTP server's listen address */
  host: string;
  media: { listenIp: string; announcedIp: string | undefined };
}

const isLoopback = (ip: string) => ip === 'localhost' || ip === '::1' || ip.startsWith('127.');
const isUnspecified = (ip: string) => ip === '0.0.0.0' || ip === '::';

/** The first `name` on PATH that may be run, if any. */
export function findOnPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * `PLENARY_TURN_URLS` (+ `PLENARY_TURN_SECRET`): an external TURN server. `PLENARY_TURN=auto`:
 * Plenary runs coturn. Neither: coturn when it is installed and the server is not on loopback
 * (a server others reach is one whose delegates may sit behind firewalls). `PLENARY_TURN=off`: none.
 */
export function loadTurnSettings(
  env: NodeJS.ProcessEnv,
  context: TurnContext,
  findBinary: (name: string) => string | undefined = (name) => findOnPath(name, env.PATH),
): TurnSettings {
  const parsed = TurnEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const ttlSeconds = e.PLENARY_TURN_TTL_S;
  if (e.PLENARY_TURN === 'off') return { mode: 'off' };
  if (e.PLENARY_TURN_URLS.length > 0) {
    if (e.PLENARY_TURN === 'auto') {
      throw new Error('invalid configuration: PLENARY_TURN=auto runs coturn; PLENARY_TURN_URLS names another: set one');
    }
    if (!e.PLENARY_TURN_SECRET) {
      throw new Error('invalid configuration: PLENARY_TURN_URLS needs the TURN server’s PLENARY_TURN_SECRET');
    }
    return { mode: 'external', urls: e.PLENARY_TURN_URLS, secret: e.PLENARY_TURN_SECRET, ttlSeconds };
  }
  const { listenIp, announcedIp } = context.media;
  const publicIp = announcedIp ?? (isUnspecified(listenIp) ? undefined : listenIp);
  const binary = findBinary('turnserver');
  if (e.PLENARY_TURN !== 'auto') {
    // Off by default on loopback (nobody else can reach it), and where it could not work.
    if (!binary || isLoopback(context.host) || !publicIp) return { mode: 'off' };
  }
  if (!binary) {
    throw new Error('invalid configuration: PLENARY_TURN=auto needs coturn’s turnserver (apt-get install coturn)');
  }
  if (!publicIp) {
    throw new Error(
      'invalid configuration: PLENARY_TURN=auto with PLENARY_RTC_LISTEN_IP=0.0.0.0 needs PLENARY_ANNOUNCED_IP',
    );
  }
  if (e.PLENARY_TURN_MIN_PORT > e.PLENARY_TURN_MAX_PORT) {
    throw new Error('invalid configuration: PLENARY_TURN_MIN_PORT is above PLENARY_TURN_MAX_PORT');
  }
  return {
    mode: 'coturn',
    binary,
    port: e.PLENARY_TURN_PORT,
    minPort: e.PLENARY_TURN_MIN_PORT,
    maxPort: e.PLENARY_TURN_MAX_PORT,
    listenIp,
    publicIp,
    peerIp: publicIp,
    secret: e.PLENARY_TURN_SECRET,
    ttlSeconds,
  };
}
