// Settings for a throwaway coturn on loopback, on free ports, for the TURN tests: Plenary's own
// supervisor starts it (and stops it), as it would in production.
import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import type { CoturnSettings } from '../../src/turn/turnConfig.ts';
import { findOnPath } from '../../src/turn/turnConfig.ts';

/** A port free on loopback right now (coturn binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

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
