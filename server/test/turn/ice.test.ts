// The ICE servers a participant is handed: in the join answer, fresh on `media:refreshIceServers`,
// and usable on the real coturn; malformed refreshes get a clear error.
import { createConnection } from 'node:net';
import { Command } from '@plenary/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { turnPassword } from '../../src/turn/credentials.ts';
import type { CoturnSettings } from '../../src/turn/turnConfig.ts';
import {
  createWorkshop,
  joinWithInvite,
  profile,
  request,
  requestRaw,
  startTestServer,
  type TestServer,
} from '../harness.ts';
import { loopbackCoturn } from './coturn.ts';
import { allocate, streamExchange } from './turnClient.ts';

let settings: CoturnSettings;
let server: TestServer;

beforeAll(async () => {
  settings = await loopbackCoturn();
  server = await startTestServer({ turn: settings });
});
afterAll(() => server?.close());

async function allocateOverTcp(username: string, password: string) {
  const socket = createConnection({ host: '127.0.0.1', port: settings.port });
  try {
    return await allocate(streamExchange(socket), username, password);
  } finally {
    socket.destroy();
  }
}

describe('ICE servers for participants', () => {
  it('come with the join answer, for this participant, and work on the TURN server', async () => {
    const { invites } = await createWorkshop(server.url);
    const client = await server.connect();
    const joined = await joinWithInvite(client, invites.delegate, profile('Ana'));
    const [turn] = joined.ice.servers;
    expect(turn?.urls).toEqual([
      `turn:127.0.0.1:${settings.port}?transport=udp`,
      `turn:127.0.0.1:${settings.port}?transport=tcp`,
    ]);
    expect(turn?.username).toBe(`${(joined.ice.expiresAt ?? 0) / 1000}:${joined.self.id}`);
    expect(turn?.credential).toBe(turnPassword(settings.secret ?? '', turn?.username ?? ''));
    expect(joined.ice.expiresAt).toBeGreaterThan(joined.serverNow + 590_000);
    expect((await allocateOverTcp(turn?.username ?? '', turn?.credential ?? '')).result).toBe('allocated');
  });

  it('are handed out fresh on media:refreshIceServers', async () => {
    const { invites } = await createWorkshop(server.url);
    const client = await server.connect();
    const joined = await joinWithInvite(client, invites.delegate, profile('Bo'));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const answer = await request(client, Command.mediaRefreshIceServers, {});
    if (!answer.ok) throw new Error(answer.error.message);
    const [fresh] = answer.data.servers;
    expect(answer.data.expiresAt).toBeGreaterThan(joined.ice.expiresAt ?? Number.POSITIVE_INFINITY);
    expect(fresh?.username).toBe(`${(answer.data.expiresAt ?? 0) / 1000}:${joined.self.id}`);
    expect((await allocateOverTcp(fresh?.username ?? '', fresh?.credential ?? '')).result).toBe('allocated');
  });

  it('are refused to a connection that has not joined, and to malformed requests, with a clear error', async () => {
    const stranger = await server.connect();
    expect(await request(stranger, Command.mediaRefreshIceServers, {})).toEqual({
      ok: false,
      error: { code: 'not_joined', message: expect.stringMatching(/join/) },
    });
    const { invites } = await createWorkshop(server.url);
    const client = await server.connect();
    await joinWithInvite(client, invites.delegate, profile('Cy'));
    for (const payload of [{ participantId: 'someone-else' }, 'servers please', null, [1, 2]]) {
      expect(await requestRaw(client, Command.mediaRefreshIceServers, payload)).toEqual({
        ok: false,
        error: { code: 'invalid_payload', message: expect.stringContaining(Command.mediaRefreshIceServers) },
      });
    }
  });
});

describe('ICE servers without TURN', () => {
  it('are none, with no expiry, when TURN is off', async () => {
    const plain = await startTestServer();
    try {
      const { invites } = await createWorkshop(plain.url);
      const joined = await joinWithInvite(await plain.connect(), invites.delegate, profile('Di'));
      expect(joined.ice).toEqual({ servers: [], expiresAt: null });
    } finally {
      await plain.close();
    }
  });
});
