import { Command, Fact, PROTOCOL_VERSION } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, nextEvent, request, requestRaw, startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

const join = (client: Awaited<ReturnType<TestServer['connect']>>, displayName: string) =>
  request(client, Command.sessionJoin, { protocolVersion: PROTOCOL_VERSION, displayName });

describe('joining the plenary', () => {
  it('answers a join with the router capabilities and tells the people already there', async () => {
    const ana = await server.connect();
    const first = await join(ana, 'Ana');
    if (!first.ok) throw new Error(first.error.message);
    expect(first.data.self.displayName).toBe('Ana');
    expect(first.data.peers).toEqual([]);
    const codecs = first.data.routerRtpCapabilities.codecs as Array<{ mimeType: string }>;
    expect(codecs.map((codec) => codec.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));

    const announced = nextEvent(ana, Fact.peerJoined);
    const ben = await server.connect();
    const second = await join(ben, '  Ben  ');
    if (!second.ok) throw new Error(second.error.message);
    expect(second.data.self.displayName).toBe('Ben');
    expect(second.data.peers.map((peer) => peer.displayName)).toEqual(['Ana']);
    expect((await announced).participantId).toBe(second.data.self.participantId);
  });

  it('refuses malformed joins with a clear error, changes nothing, and keeps serving', async () => {
    const client = await server.connect();
    const bad: unknown[] = [
      undefined,
      'Ana',
      42,
      [],
      {},
      { protocolVersion: PROTOCOL_VERSION },
      { protocolVersion: PROTOCOL_VERSION, displayName: '' },
      { protocolVersion: PROTOCOL_VERSION, displayName: '   ' },
      { protocolVersion: PROTOCOL_VERSION, displayName: 'x'.repeat(81) },
      { protocolVersion: PROTOCOL_VERSION, displayName: 'bell\u0007' },
      { protocolVersion: PROTOCOL_VERSION, displayName: { first: 'Ana' } },
      { protocolVersion: '1', displayName: 'Ana' },
      { protocolVersion: PROTOCOL_VERSION, displayName: 'Ana', role: 'facilitator' },
    ];
    for (const payload of bad) {
      const answer = (await requestRaw(client, Command.sessionJoin, payload)) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(answer.ok, JSON.stringify(payload)).toBe(false);
      expect(answer.error?.code).toBe('invalid_payload');
    }
    expect(server.app.rooms.size).toBe(0);

    const good = await join(client, 'Ana');
    expect(good.ok).toBe(true);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('explains a protocol mismatch and refuses a second join on one connection', async () => {
    const client = await server.connect();
    const stale = await request(client, Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION + 1,
      displayName: 'Ana',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'incompatible_protocol' } });
    expect((await join(client, 'Ana')).ok).toBe(true);
    expect(await join(client, 'Ana again')).toMatchObject({ ok: false, error: { code: 'already_joined' } });
  });

  it('ignores a command sent without an ack callback', async () => {
    const client = await server.connect();
    (client as unknown as { emit(event: string, payload: unknown): void }).emit(Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION,
      displayName: 'Ana',
    });
    const afterwards = await join(client, 'Ana');
    expect(afterwards.ok).toBe(true);
    expect(afterwards.ok && afterwards.data.peers).toEqual([]);
  });

  it('tells the others when someone leaves, and closes the room when the last one goes', async () => {
    const ana = await server.connect();
    const ben = await server.connect();
    await join(ana, 'Ana');
    const benJoin = await join(ben, 'Ben');
    if (!benJoin.ok) throw new Error('join failed');
    const gone = nextEvent(ana, Fact.peerLeft);
    expect(await request(ben, Command.sessionLeave, {})).toEqual({ ok: true, data: {} });
    expect((await gone).participantId).toBe(benJoin.data.self.participantId);
    expect(await request(ben, Command.sessionLeave, {})).toMatchObject({ ok: false, error: { code: 'not_joined' } });

    ana.disconnect();
    await eventually(() => expect(server.app.rooms.size).toBe(0));
    expect(server.app.pool.counter.snapshot()).toMatchObject({ routers: 0, transports: 0 });
  });
});

describe('media signalling', () => {
  it('refuses media commands before joining', async () => {
    const client = await server.connect();
    const answer = await request(client, Command.mediaCreateTransport, { direction: 'send' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_joined' } });
  });

  it('creates transports, rejects nonsense parameters, and releases everything on disconnect', async () => {
    const client = await server.connect();
    await join(client, 'Ana');
    const send = await request(client, Command.mediaCreateTransport, { direction: 'send' });
    const recv = await request(client, Command.mediaCreateTransport, { direction: 'recv' });
    if (!send.ok || !recv.ok) throw new Error('transport creation failed');
    expect(send.data.iceCandidates.length).toBeGreaterThan(0);
    expect(server.app.pool.counter.snapshot()).toMatchObject({ routers: 1, transports: 2 });

    const badDtls = await requestRaw(client, Command.mediaConnectTransport, {
      transportId: send.data.transportId,
      dtlsParameters: { role: 'sideways', fingerprints: [] },
    });
    expect(badDtls).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const unknownTransport = await request(client, Command.mediaProduce, {
      transportId: 'nope',
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [] },
    });
    expect(unknownTransport).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const producerOnRecv = await request(client, Command.mediaProduce, {
      transportId: recv.data.transportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [] },
    });
    expect(producerOnRecv).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unparseableRtp = await request(client, Command.mediaProduce, {
      transportId: send.data.transportId,
      kind: 'audio',
      source: 'mic',
      rtpParameters: { codecs: [{ mimeType: 'audio/nonsense' }] },
    });
    expect(unparseableRtp).toMatchObject({ ok: false });
    expect(server.app.pool.counter.snapshot().producers).toBe(0);

    client.disconnect();
    await eventually(() =>
      expect(server.app.pool.counter.snapshot()).toEqual({
        workers: 1,
        routers: 0,
        transports: 0,
        producers: 0,
        consumers: 0,
      }),
    );
  });
});

describe('http', () => {
  it('reports health, metrics and JSON errors', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', workers: { size: 1, alive: 1 } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^plenary_mediasoup_workers 1$/m);
    const missing = await fetch(`${server.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const malformed = await fetch(`${server.url}/api/anything`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"unterminated": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_payload' } });
  });
});

describe('a mediasoup worker dying', () => {
  it('is replaced, and the people in its rooms are told to reconnect their media', async () => {
    const client = await server.connect();
    await join(client, 'Ana');
    const told = nextEvent(client, Fact.mediaReconnectRequired, 10_000);
    const [pid] = server.app.pool.pids();
    process.kill(pid as number, 'SIGKILL');
    const notice = await told;
    expect(notice.reason).toMatch(/restarted/);
    expect((notice.routerRtpCapabilities.codecs as unknown[]).length).toBeGreaterThan(0);
    await eventually(() => expect(server.app.pool.health()).toMatchObject({ alive: 1, size: 1 }));
    expect(server.app.pool.pids()[0]).not.toBe(pid);
    const transport = await request(client, Command.mediaCreateTransport, { direction: 'send' });
    expect(transport.ok).toBe(true);
  });
});
