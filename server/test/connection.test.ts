// What the room is told of someone's media connection, and the paths browsers report for /metrics.
import { Command, Fact, type JoinResult } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  joinWithInvite,
  nextEvent,
  profile,
  request,
  requestRaw,
  startTestServer,
  type TestClient,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let invites: Awaited<ReturnType<typeof createWorkshop>>['invites'];
beforeEach(async () => {
  server = await startTestServer();
  ({ invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } }));
});
afterEach(async () => {
  await server.close();
});

async function arrive(name: string): Promise<{ client: TestClient; joined: JoinResult }> {
  const client = await server.connect();
  return { client, joined: await joinWithInvite(client, invites.delegate, profile(name, name)) };
}

async function sendTransport(client: TestClient) {
  const created = await request(client, Command.mediaCreateTransport, { direction: 'send' });
  if (!created.ok) throw new Error(created.error.message);
  return created.data.transportId;
}

const metrics = async () => (await fetch(`${server.url}/metrics`)).text();

describe('media connection state', () => {
  it('tells the room when someone’s transport never connects', async () => {
    const ana = await arrive('Ana');
    const ben = await arrive('Ben');
    const transportId = await sendTransport(ben.client);
    const fingerprint = { algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') };
    const connected = await request(ben.client, Command.mediaConnectTransport, {
      transportId,
      dtlsParameters: { role: 'client', fingerprints: [fingerprint] },
    });
    expect(connected.ok).toBe(true);
    // No browser ever connects it: the room learns it is not connected once the deadline passes.
    expect(await nextEvent(ana.client, Fact.peerMediaStateChanged, 10_000)).toEqual({
      participantId: ben.joined.self.id,
      state: 'notConnected',
      quality: null,
    });
  });

  it('counts reported paths in /metrics and shows the quality to the room', async () => {
    const ana = await arrive('Ana');
    const ben = await arrive('Ben');
    const transportId = await sendTransport(ben.client);
    expect(await metrics()).toContain('plenary_transports{path="relay-tls"} 0');
    const told = new Promise((resolve) =>
      ana.client.on(Fact.peerMediaStateChanged, (change) => {
        if (change.quality) resolve(change);
      }),
    );
    const reply = await request(ben.client, Command.mediaReportConnection, {
      transportId,
      path: 'relay-tls',
      quality: 'poor',
    });
    expect(reply).toEqual({ ok: true, data: {} });
    expect(await told).toMatchObject({ participantId: ben.joined.self.id, quality: 'poor' });
    expect(await metrics()).toContain('plenary_transports{path="relay-tls"} 1');
  });

  it('refuses malformed reports and others’ transports with a clear error, changing nothing', async () => {
    const ana = await arrive('Ana');
    const ben = await arrive('Ben');
    const bensTransport = await sendTransport(ben.client);
    for (const payload of [
      { transportId: bensTransport, path: 'carrier-pigeon', quality: 'good' },
      { transportId: bensTransport, path: 'udp' },
      { transportId: bensTransport, path: 'udp', quality: 'good', extra: 1 },
      'udp',
      null,
    ]) {
      expect(await requestRaw(ana.client, Command.mediaReportConnection, payload)).toEqual({
        ok: false,
        error: { code: 'invalid_payload', message: expect.stringContaining(Command.mediaReportConnection) },
      });
    }
    expect(
      await request(ana.client, Command.mediaReportConnection, {
        transportId: bensTransport,
        path: 'udp',
        quality: 'good',
      }),
    ).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining(bensTransport) } });
    const stranger = await server.connect();
    expect(
      await request(stranger, Command.mediaReportConnection, {
        transportId: bensTransport,
        path: 'udp',
        quality: 'good',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_joined' } });
    expect(await metrics()).toContain('plenary_transports{path="udp"} 0');
  });
});
