// coturn itself checks the credentials Plenary hands out: a fresh one allocates a relay, a forged
// or expired one is refused with 401.
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { turnPassword, turnUsername } from '../../src/turn/credentials.ts';
import type { CoturnSettings } from '../../src/turn/turnConfig.ts';
import { startTurn, type TurnService } from '../../src/turn/turnService.ts';
import { newDataDir } from '../harness.ts';
import { loopbackCoturn } from './coturn.ts';
import { allocate, allocateOverUdp, streamExchange } from './turnClient.ts';

let settings: CoturnSettings;
let turn: TurnService;

beforeAll(async () => {
  settings = await loopbackCoturn();
  turn = await startTurn(settings, newDataDir(), createLogger('silent'));
  expect(turn.health()).toMatchObject({ mode: 'coturn', ok: true, state: 'up' });
});
afterAll(() => turn?.close());

async function allocateOverTcp(username: string, password: string) {
  const socket = createConnection({ host: '127.0.0.1', port: settings.port });
  try {
    return await allocate(streamExchange(socket), username, password);
  } finally {
    socket.destroy();
  }
}

describe('coturn run by Plenary, with TURN REST credentials', () => {
  it('hands each participant turn: URLs for UDP and TCP with a credential that works until it expires', () => {
    const now = Date.now();
    const ice = turn.iceServersFor('participant-1', now);
    expect(ice.servers).toEqual([
      {
        urls: [`turn:127.0.0.1:${settings.port}?transport=udp`, `turn:127.0.0.1:${settings.port}?transport=tcp`],
        username: expect.stringMatching(/^\d+:participant-1$/),
        credential: expect.any(String),
      },
    ]);
    expect(ice.expiresAt).toBeGreaterThanOrEqual(now + 599_000);
  });

  it('allocates a relay for a fresh credential, over UDP and over TCP', async () => {
    const [server] = turn.iceServersFor('participant-1', Date.now()).servers;
    if (!server) throw new Error('no TURN server handed out');
    for (const outcome of [
      await allocateOverUdp('127.0.0.1', settings.port, server.username, server.credential),
      await allocateOverTcp(server.username, server.credential),
    ]) {
      expect(outcome.result).toBe('allocated');
      expect(outcome.relayed?.address).toBe('127.0.0.1');
      expect(outcome.relayed?.port).toBeGreaterThanOrEqual(settings.minPort);
      expect(outcome.relayed?.port).toBeLessThanOrEqual(settings.maxPort);
    }
  });

  it('refuses a forged credential (signed with another secret) with 401', async () => {
    const username = turnUsername(Math.floor(Date.now() / 1000) + 600, 'participant-2');
    const forged = turnPassword('not-the-shared-secret-at-all', username);
    expect((await allocateOverTcp(username, forged)).result).toBe(401);
    expect((await allocateOverUdp('127.0.0.1', settings.port, username, forged)).result).toBe(401);
  });

  it('refuses an expired credential with 401, though correctly signed', async () => {
    const [expired] = turn.iceServersFor('participant-3', Date.now() - 2 * settings.ttlSeconds * 1000).servers;
    if (!expired) throw new Error('no TURN server handed out');
    expect((await allocateOverTcp(expired.username, expired.credential)).result).toBe(401);
  });
});
