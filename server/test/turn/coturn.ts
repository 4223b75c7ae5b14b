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

/**
 * A throwaway self-signed certificate in `dir` (openssl is on every Debian with Node), for 127.0.0.1
 * unless told a name and address; its files are `certFile` and `keyFile`.
 */
export function selfSigned(
  dir: string,
  subject: { name?: string; ip: string } = { ip: '127.0.0.1' },
): { key: Buffer; cert: Buffer; certFile: string; keyFile: string } {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const altNames = [...(subject.name ? [`DNS:${subject.name}`] : []), `IP:${subject.ip}`].join(',');
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
    `/CN=${subject.name ?? subject.ip}`,
    '-addext',
    `subjectAltName=${altNames}`,
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile, keyFile };
}
