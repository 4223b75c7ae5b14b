import { Command, Fact, type JoinResult, type MediaId, type RoomChanged, type WireObject } from '@plenary/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  command,
  createWorkshop,
  eventually,
  expectMediaReleased,
  joinWithInvite,
  nextEvent,
  profile,
  request,
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

// What a browser's Opus sender would declare; mediasoup accepts a producer before DTLS connects.
const opus = (ssrc: number) => ({
  codecs: [
    { mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: {}, rtcpFeedback: [] },
  ],
  encodings: [{ ssrc }],
  headerExtensions: [],
  rtcp: { cname: `c${ssrc}` },
});

interface Person {
  client: TestClient;
  joined: JoinResult;
  rooms: RoomChanged[];
}

async function arrive(token: string, name: string): Promise<Person> {
  const client = await server.connect();
  const rooms: RoomChanged[] = [];
  client.on(Fact.roomChanged, (change) => rooms.push(change));
  return { client, joined: await joinWithInvite(client, token, profile(name, name)), rooms };
}

async function sendMic(person: Person, ssrc: number): Promise<MediaId> {
  const transport = await request(person.client, Command.mediaCreateTransport, { direction: 'send' });
  if (!transport.ok) throw new Error(transport.error.message);
  const produced = await request(person.client, Command.mediaProduce, {
    transportId: transport.data.transportId,
    kind: 'audio',
    source: 'mic',
    rtpParameters: opus(ssrc),
  });
  if (!produced.ok) throw new Error(produced.error.message);
  return produced.data.producerId;
}

async function receive(person: Person, producerId: MediaId, capabilities: WireObject) {
  const transport = await request(person.client, Command.mediaCreateTransport, { direction: 'recv' });
  if (!transport.ok) throw new Error(transport.error.message);
  const consumed = await request(person.client, Command.mediaConsume, { producerId, rtpCapabilities: capabilities });
  if (!consumed.ok) throw new Error(consumed.error.message);
  return consumed.data;
}

describe('media moderation and controls', () => {
  it('lets a chair mute someone, and nobody else', async () => {
    const chair = await arrive(invites.facilitator, 'Chair');
    const ana = await arrive(invites.delegate, 'Ana');
    const ben = await arrive(invites.delegate, 'Ben');
    const micId = await sendMic(ana, 1001);
    const capabilities = ben.joined.room?.routerRtpCapabilities as WireObject;
    const consumer = await receive(ben, micId, capabilities);
    expect(consumer).toMatchObject({ producerId: micId, participantId: ana.joined.self.id, source: 'mic' });
    expect(
      await request(ben.client, Command.mediaSetConsumerPaused, { consumerId: consumer.consumerId, paused: true }),
    ).toEqual({ ok: true, data: {} });
    expect(
      await request(ben.client, Command.mediaSetPreferredLayers, { consumerId: consumer.consumerId, spatialLayer: 0 }),
    ).toEqual({ ok: true, data: {} });

    const byDelegate = await request(ben.client, Command.mediaModerate, {
      participantId: ana.joined.self.id,
      action: 'mute',
    });
    expect(byDelegate).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const told = nextEvent(ana.client, Fact.moderated);
    const seen = nextEvent(ben.client, Fact.producerPausedChanged);
    expect(
      (await request(chair.client, Command.mediaModerate, { participantId: ana.joined.self.id, action: 'mute' })).ok,
    ).toBe(true);
    expect(await told).toEqual({ action: 'mute', by: chair.joined.self.id });
    expect(await seen).toEqual({ producerId: micId, paused: true });
  });

  it('keeps breakout rooms apart, and carries the chair’s voice into each of them on request', async () => {
    const chair = await arrive(invites.facilitator, 'Chair');
    const ana = await arrive(invites.delegate, 'Ana');
    const ben = await arrive(invites.delegate, 'Ben');
    await command(chair.client, { type: 'breakouts.createSet', name: 'Pairs', roomNames: ['Left', 'Right'] });
    const state = (await server.app.workshops.get((await server.app.workshops.list())[0]?.id as never))?.state;
    const set = state?.breakouts.sets[0];
    const [left, right] = set?.rooms ?? [];
    if (!set || !left || !right) throw new Error('no set');
    await command(chair.client, {
      type: 'breakouts.assign',
      setId: set.id,
      participantId: ana.joined.self.id,
      roomId: left.id,
    });
    await command(chair.client, {
      type: 'breakouts.assign',
      setId: set.id,
      participantId: ben.joined.self.id,
      roomId: right.id,
    });
    await command(chair.client, { type: 'breakouts.open', setId: set.id, durationMs: 600_000 });
    await eventually(() => {
      expect(ana.rooms.at(-1)?.room?.roomId).toBe(left.id);
      expect(ben.rooms.at(-1)?.room?.roomId).toBe(right.id);
    });
    const anaMic = await sendMic(ana, 2001);
    // Ben is in another room: Ana's microphone doesn't exist for him.
    const capabilities = ben.rooms.at(-1)?.room?.routerRtpCapabilities as WireObject;
    const isolated = await request(ben.client, Command.mediaConsume, {
      producerId: anaMic,
      rtpCapabilities: capabilities,
    });
    expect(isolated).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const chairMic = await sendMic(chair, 3001);
    const heardByAna = nextEvent(ana.client, Fact.producerAdded);
    const heardByBen = nextEvent(ben.client, Fact.producerAdded);
    expect(await request(chair.client, Command.mediaSpeakToBreakouts, { on: true })).toEqual({
      ok: true,
      data: { rooms: 2 },
    });
    for (const added of [await heardByAna, await heardByBen]) {
      expect(added).toMatchObject({ participantId: chair.joined.self.id, source: 'mic', kind: 'audio' });
      expect(added.producerId).not.toBe(chairMic);
    }
    const pipedToBen = (await heardByBen).producerId;
    const piped = await receive(ben, pipedToBen, capabilities);
    expect(piped.participantId).toBe(chair.joined.self.id);
    // muting the chair's microphone mutes it in every room it is piped to
    await request(chair.client, Command.mediaSetProducerPaused, { producerId: chairMic, paused: true });
    const benRoom = server.app.rooms.get(`ws:${ben.joined.workshop.id}:room:${right.id}`);
    await eventually(() =>
      expect(benRoom?.media.producers().find((producer) => producer.producerId === pipedToBen)?.paused).toBe(true),
    );

    const gone = nextEvent(ben.client, Fact.producerClosed);
    expect(await request(chair.client, Command.mediaSpeakToBreakouts, { on: false })).toEqual({
      ok: true,
      data: { rooms: 0 },
    });
    expect((await gone).producerId).toBe(pipedToBen);

    for (const person of [chair, ana, ben]) person.client.disconnect();
    await expectMediaReleased(server.app);
  });

  it('lets a client rebuild its media in the same room as often as its network needs', async () => {
    const ana = await arrive(invites.delegate, 'Ana');
    const ben = await arrive(invites.delegate, 'Ben');
    const micId = await sendMic(ana, 5001);
    const gone = nextEvent(ben.client, Fact.producerClosed);
    for (let rebuild = 0; rebuild < 3; rebuild++) {
      for (const direction of ['send', 'recv'] as const) {
        const created = await request(ana.client, Command.mediaCreateTransport, { direction });
        expect(created.ok, `rebuild ${rebuild}, ${direction}`).toBe(true);
      }
    }
    // The microphone ran on the replaced send transport: it closed, and the room heard.
    expect((await gone).producerId).toBe(micId);
    expect(server.app.pool.counter.snapshot()).toMatchObject({ transports: 2, producers: 0 });
  });

  it('tells the breakout rooms when the chair’s piped microphone closes with its source', async () => {
    const chair = await arrive(invites.facilitator, 'Chair');
    const ben = await arrive(invites.delegate, 'Ben');
    await command(chair.client, { type: 'breakouts.createSet', name: 'Solo', roomNames: ['Only'] });
    const state = (await server.app.workshops.get((await server.app.workshops.list())[0]?.id as never))?.state;
    const set = state?.breakouts.sets[0];
    const room = set?.rooms[0];
    if (!set || !room) throw new Error('no set');
    await command(chair.client, {
      type: 'breakouts.assign',
      setId: set.id,
      participantId: ben.joined.self.id,
      roomId: room.id,
    });
    await command(chair.client, { type: 'breakouts.open', setId: set.id, durationMs: 600_000 });
    await eventually(() => expect(ben.rooms.at(-1)?.room?.roomId).toBe(room.id));
    const chairMic = await sendMic(chair, 6001);
    const piped = nextEvent(ben.client, Fact.producerAdded);
    expect(await request(chair.client, Command.mediaSpeakToBreakouts, { on: true })).toEqual({
      ok: true,
      data: { rooms: 1 },
    });
    const pipedId = (await piped).producerId;
    const gone = nextEvent(ben.client, Fact.producerClosed);
    expect((await request(chair.client, Command.mediaCloseProducer, { producerId: chairMic })).ok).toBe(true);
    expect((await gone).producerId).toBe(pipedId);
  });
});
