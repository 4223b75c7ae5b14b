// For the TURN tests: settings for a throwaway coturn on loopback, on free ports (Plenary's own
// supervisor starts it and stops it, as in production), and a certificate for a TLS listener.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoturnSettings } from '../../src/turn/turnConfig.ts';
import { findOnPath } from '../../src/turn/turnConfig.ts';
import { freePort } from '../engines.ts';

export async function loopbackCoturn(over: Partial<CoturnSettings> = {}): Promise<CoturnSettings> {
  const binary = findOnPath('turnserver');
  if (!binary) throw new Error('coturn is not installed: run `node scripts/setup.mjs --for-tests` (as root)');
  // A small relay range of its own, so test files running side by side do not share one.
  const minPort = randomInt(52_000, 59_900);
  return {
    mode: 'coturn',
    binary,
    port: await freePort(),
    minPort,
    maxPort: minPort + 49,
    listenIp: '127.0.0.1',
    publicIp: '127.0.0.1',
    peerIp: '127.0.0.1',
    secret: randomBytes(24).toString('base64url'),
    ttlSeconds: 600,
    ...over,
  };
}

/** A throwaway self-signed certificate for 127.0.0.1 (openssl is on every Debian with Node). */
export function selfSigned(dir: string): { key: Buffer; cert: Buffer } {
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}
