import { Command, Fact, PROTOCOL_VERSION } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  eventually,
  expectMediaReleased,
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
let delegateInvite: string;
beforeEach(async () => {
  server = await startTestServer();
  delegateInvite = (await createWorkshop(server.url, { settings: { lobbyEnabled: false } })).invites.delegate;
});
afterEach(async () => {
  await server.close();
});

const join = (client: TestClient, name: string) => joinWithInvite(client, delegateInvite, profile(name));

describe('joining the plenary', () => {
  it('answers a join with the room and its router, and tells the people already there', async () => {
    const ana = await server.connect();
    const first = await join(ana, 'Ana');
    expect(first.self).toMatchObject({ name: 'Ana', role: 'delegate', organisation: 'Secretariat' });
    expect(first.whereabouts.location.kind).toBe('plenary');
    expect(first.room?.peers.map((peer) => peer.displayName)).toEqual(['Ana']);
    const codecs = first.room?.routerRtpCapabilities.codecs as Array<{ mimeType: string }>;
    expect(codecs.map((codec) => codec.mimeType)).toEqual(expect.arrayContaining(['audio/opus', 'video/VP8']));
    expect(first.participantToken.length).toBeGreaterThan(20);

    const announced = nextEvent(ana, Fact.peerJoined);
    const ben = await server.connect();
    const second = await join(ben, '  Ben  ');
    expect(second.self.name).toBe('Ben');
    expect(second.room?.peers.map((peer) => peer.displayName)).toEqual(['Ana', 'Ben']);
    expect((await announced).peers.map((peer) => peer.participantId)).toEqual([second.self.id]);
  });

  it('refuses malformed joins with a clear error, changes nothing, and keeps serving', async () => {
    const client = await server.connect();
    const good = { kind: 'invite', token: delegateInvite, profile: profile('Ana') };
    const bad: unknown[] = [
      undefined,
      'Ana',
      42,
      [],
      {},
      { protocolVersion: PROTOCOL_VERSION },
      { protocolVersion: PROTOCOL_VERSION, credential: { ...good, kind: 'guest' } },
      { protocolVersion: PROTOCOL_VERSION, credential: { ...good, profile: { ...good.profile, name: '' } } },
      { protocolVersion: PROTOCOL_VERSION, credential: { ...good, profile: { ...good.profile, name: '   ' } } },
      {
        protocolVersion: PROTOCOL_VERSION,
        credential: { ...good, profile: { ...good.profile, name: 'x'.repeat(81) } },
      },
      { protocolVersion: PROTOCOL_VERSION, credential: { ...good, profile: { ...good.profile, name: 'bell\u0007' } } },
      {
        protocolVersion: PROTOCOL_VERSION,
        credential: { ...good, profile: { ...good.profile, timeZone: 'Mars/Olympus' } },
      },
      { protocolVersion: PROTOCOL_VERSION, credential: { ...good, token: 'short' } },
      { protocolVersion: '1', credential: good },
      { protocolVersion: PROTOCOL_VERSION, credential: good, role: 'facilitator' },
    ];
    for (const payload of bad) {
      const answer = (await requestRaw(client, Command.sessionJoin, payload)) as {
        ok: boolean;
        error?: { code: string };
      };
      expect(answer.ok, JSON.stringify(payload)).toBe(false);
      expect(answer.error?.code).toBe('invalid_payload');
    }
    const [summary] = await server.app.workshops.list();
    expect(summary?.revision).toBe(0);
    expect(server.app.rooms.size).toBe(0);

    expect((await join(client, 'Ana')).self.name).toBe('Ana');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('refuses forged and foreign invitations', async () => {
    const client = await server.connect();
    const [header, payload] = delegateInvite.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload as string, 'base64url').toString()), role: 'facilitator' }),
    ).toString('base64url');
    const forged = `${header}.${promoted}.${delegateInvite.split('.')[2]}`;
    const answer = await request(client, Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION,
      credential: { kind: 'invite', token: forged, profile: profile('Mallory') },
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asParticipant = await request(client, Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION,
      credential: { kind: 'participant', token: delegateInvite },
    });
    expect(asParticipant).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('explains a protocol mismatch and refuses a second join on one connection', async () => {
    const client = await server.connect();
    const stale = await request(client, Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION + 1,
      credential: { kind: 'invite', token: delegateInvite, profile: profile('Ana') },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'incompatible_protocol' } });
    await join(client, 'Ana');
    const again = await request(client, Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION,
      credential: { kind: 'invite', token: delegateInvite, profile: profile('Ana again') },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_joined' } });
  });

  it('ignores a command sent without an ack callback, and refuses unknown events', async () => {
    const client = await server.connect();
    (client as unknown as { emit(event: string, payload: unknown): void }).emit(Command.sessionJoin, {
      protocolVersion: PROTOCOL_VERSION,
      credential: { kind: 'invite', token: delegateInvite, profile: profile('Ghost') },
    });
    expect(await requestRaw(client, 'admin:dropTables', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    await join(client, 'Ana');
    const workshop = await server.app.workshops.get((await server.app.workshops.list())[0]?.id as never);
    expect(Object.values(workshop?.state.participants ?? {}).map((participant) => participant.name)).toEqual(['Ana']);
  });

  it('tells the others when someone leaves, and closes the room when the last one goes', async () => {
    const ana = await server.connect();
    const ben = await server.connect();
    await join(ana, 'Ana');
    const benJoin = await join(ben, 'Ben');
    const gone = nextEvent(ana, Fact.peerLeft);
    expect(await request(ben, Command.sessionLeave, {})).toEqual({ ok: true, data: {} });
    expect((await gone).participantIds).toEqual([benJoin.self.id]);
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
    const produce = (transportId: string, rtpParameters: { codecs: Array<Record<string, unknown>> }) =>
      request(client, Command.mediaProduce, { transportId, kind: 'audio', source: 'mic', rtpParameters });
    expect(await produce('nope', { codecs: [] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await produce(recv.data.transportId, { codecs: [] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await produce(send.data.transportId, { codecs: [{ mimeType: 'audio/nonsense' }] })).toMatchObject({
      ok: false,
    });
    expect(server.app.pool.counter.snapshot().producers).toBe(0);

    client.disconnect();
    await expectMediaReleased(server.app);
  });
});

describe('http', () => {
  it('reports health, metrics and JSON errors, and validates new workshops', async () => {
    const health = await (await fetch(`${server.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', workers: { size: 1, alive: 1 } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^plenary_mediasoup_workers 1$/m);
    const missing = await fetch(`${server.url}/api/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const post = (body: string) =>
      fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const malformed = await post('{"unterminated": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_payload' } });
    for (const body of [
      {},
      { title: '', timeZone: 'UTC' },
      { title: 'x', timeZone: 'Nowhere/Else' },
      { title: 'x'.repeat(5000), timeZone: 'UTC' },
    ]) {
      const answer = await post(JSON.stringify(body));
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await answer.json()).toMatchObject({ error: { code: 'invalid_payload' } });
    }
    expect((await server.app.workshops.list()).length).toBe(1);
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
