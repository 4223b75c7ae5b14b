import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IceServers } from '@plenary/shared';

// The TURN REST convention (draft-uberti-behave-turn-rest), which coturn checks with
// `use-auth-secret`: nothing is stored per participant, and a credential expires by itself.

/** `<expiry unix seconds>:<participantId>`: coturn refuses it once the expiry has passed. */
export const turnUsername = (expiresAtSeconds: number, participantId: string): string =>
  `${expiresAtSeconds}:${participantId}`;

/** base64(HMAC-SHA1(secret, username)): what coturn computes from its copy of the secret. */
export const turnPassword = (secret: string, username: string): string =>
  createHmac('sha1', secret).update(username).digest('base64');

export interface CredentialSettings {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

/** One participant's ICE servers, valid for `ttlSeconds` from `nowMs`. */
export function iceServersFor(settings: CredentialSettings, participantId: string, nowMs: number): IceServers {
  if (settings.urls.length === 0) return { servers: [], expiresAt: null };
  const expiresAtSeconds = Math.floor(nowMs / 1000) + settings.ttlSeconds;
  const username = turnUsername(expiresAtSeconds, participantId);
  return {
    servers: [{ urls: settings.urls, username, credential: turnPassword(settings.secret, username) }],
    expiresAt: expiresAtSeconds * 1000,
  };
}

/** The secret Plenary shares with the coturn it runs: made on the first start, kept in the data directory. */
export function turnSecretFromDataDir(dataDir: string): string {
  const file = join(dataDir, 'turn-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
