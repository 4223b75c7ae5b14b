import { Command, type MediaId, type WireObject } from '@plenary/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { MediaRoom } from '../src/media/mediaRoom.ts';
import { WorkerPool } from '../src/media/workerPool.ts';
import {
  connectTo,
  createWorkshop,
  eventually,
  expectMediaReleased,
  joinWithInvite,
  newDataDir,
  profile,
  request,
  startTestServer,
  type TestServer,
  testEnv,
} from './harness.ts';
import { loopbackSettings, type PlainPeer, plainPeer, recordingListener } from './plainPeer.ts';
import { opusParameters } from './rtp.ts';

const logger = createLogger('silent');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a room larger than one worker', () => {
  it('spreads over the workers, and everyone hears everyone, the speaker found on either worker', async () => {
    // Two consumers a worker: the third person no longer fits beside the first two.
    const pool = await WorkerPool.start({ size: 2, consumersPerWorker: 2, logger });
    cleanups.push(() => pool.close());
    const { told, listener } = recordingListener();
    const room = await MediaRoom.create({
      key: 'ws:w:room:plenary',
      pool,
      settings: loopbackSettings,
      listener,
      logger,
    });
    const people: PlainPeer[] = [];
    cleanups.push(() => {
      for (const person of people) person.stop();
    });
    for (let index = 0; index < 4; index++) people.push(await plainPeer(room, `p${index}`, 0x1000 + index));

    const [home, extra] = room.workerPids();
    expect(room.workerPids()).toHaveLength(2);
    const onExtra = people.filter((person) => room.workerPidOf(person.id) === extra);
    const onHome = people.filter((person) => room.workerPidOf(person.id) === home);
    expect(onHome.length).toBeGreaterThan(0);
    expect(onExtra.length).toBeGreaterThan(0);

    for (const listener of people) {
      for (const speaker of people) if (speaker !== listener) await listener.receive(speaker.producerId);
    }
    await eventually(() => {
      for (const listener of people) {
        for (const speaker of people) {
          if (speaker === listener) continue;
          expect(listener.packetsFrom(speaker.producerId), `${speaker.id} → ${listener.id}`).toBeGreaterThan(20);
        }
      }
    }, 10_000);

    // One observer, on the first router, hears the whole room: someone on the other worker speaks up.
    const loud = onExtra[0] as PlainPeer;
    loud.sender.setLevel(5);
    await eventually(() => expect(told.speakers.at(-1)).toBe(loud.id), 10_000);

    // A closed producer closes its copies: each listener's consumer of it closes, on both workers.
    const closing = onHome[0] as PlainPeer;
    room.peer(closing.id).closeProducer(closing.producerId);
    await eventually(() => expect(told.consumersClosed).toHaveLength(people.length - 1));

    // The people on the other worker leave: its router closes; the rest leave: nothing is left.
    for (const person of onExtra) room.removePeer(person.id);
    expect(room.workerPids()).toEqual([home]);
    expect(pool.counter.snapshot().routers).toBe(1);
    for (const person of onHome) room.removePeer(person.id);
    room.close();
    await eventually(() =>
      expect(pool.counter.snapshot()).toEqual({ workers: 2, routers: 0, transports: 0, producers: 0, consumers: 0 }),
    );
  });

  it('moves to new routers, and says so once, when a worker it is spread over dies', async () => {
    const pool = await WorkerPool.start({ size: 2, consumersPerWorker: 1, logger, restartDelayMs: 50 });
    cleanups.push(() => pool.close());
    let replaced = 0;
    const listener = { ...recordingListener().listener, routerReplaced: () => replaced++ };
    const room = await MediaRoom.create({ key: 'ws:w:room:crash', pool, settings: loopbackSettings, listener, logger });
    cleanups.push(() => room.close());
    const people: PlainPeer[] = [];
    cleanups.push(() => {
      for (const person of people) person.stop();
    });
    for (let index = 0; index < 3; index++) people.push(await plainPeer(room, `c${index}`, 0x4000 + index));
    const [, extra] = room.workerPids();
    if (extra === undefined) throw new Error('the room did not spread');
    process.kill(extra, 'SIGKILL');
    await eventually(() => expect(replaced).toBe(1));
    // The people stay in the room, with no media until their clients rebuild it, on a fresh router.
    expect(room.workerPids()).toHaveLength(1);
    expect(room.producers()).toEqual([]);
    await eventually(() => expect(pool.health().alive).toBe(2));
    const rebuilt = await plainPeer(room, 'c0', 0x4100);
    people.push(rebuilt);
    expect(room.producers().map((producer) => producer.producerId)).toEqual([rebuilt.producerId]);
    expect(replaced).toBe(1);
  });

  it('keeps a small room on one worker', async () => {
    const pool = await WorkerPool.start({ size: 2, logger });
    cleanups.push(() => pool.close());
    const room = await MediaRoom.create({
      key: 'ws:w:room:small',
      pool,
      settings: loopbackSettings,
      listener: recordingListener().listener,
      logger,
    });
    cleanups.push(() => room.close());
    const people: PlainPeer[] = [];
    cleanups.push(() => {
      for (const person of people) person.stop();
    });
    for (let index = 0; index < 4; index++) people.push(await plainPeer(room, `s${index}`, 0x2000 + index));
    expect(room.workerPids()).toHaveLength(1);
    expect(pool.counter.snapshot().transports).toBe(8);
  });
});

describe('a spread room through the server', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it('puts delegates on two workers, lets each receive every other, and releases everything after', async () => {
    const dataDir = newDataDir();
    const base = loadConfig({ ...testEnv(dataDir), PLENARY_WORKERS: '2', PLENARY_CONSUMERS_PER_WORKER: '2' });
    server = await startTestServer({ media: base.media }, dataDir);
    const { invites } = await createWorkshop(server.url, { settings: { lobbyEnabled: false } });
    const people = [];
    for (let index = 0; index < 4; index++) {
      const client = await connectTo(server.url);
      const joined = await joinWithInvite(client, invites.delegate, profile(`D${index}`, `Org ${index}`));
      const send = await request(client, Command.mediaCreateTransport, { direction: 'send' });
      if (!send.ok) throw new Error(send.error.message);
      const produced = await request(client, Command.mediaProduce, {
        transportId: send.data.transportId,
        kind: 'audio',
        source: 'mic',
        rtpParameters: opusParameters(0x3000 + index) as never,
      });
      if (!produced.ok) throw new Error(produced.error.message);
      people.push({ client, joined, producerId: produced.data.producerId });
    }
    const roomId = people[0]?.joined.room?.roomId;
    const room = server.app.rooms.get(`ws:${people[0]?.joined.workshop.id}:room:${roomId}`);
    expect(room?.media.workerPids()).toHaveLength(2);

    for (const [index, person] of people.entries()) {
      const recv = await request(person.client, Command.mediaCreateTransport, { direction: 'recv' });
      expect(recv.ok).toBe(true);
      const capabilities = person.joined.room?.routerRtpCapabilities as WireObject;
      const others = people.filter((_, other) => other !== index);
      for (const other of others) {
        const consumed = await request(person.client, Command.mediaConsume, {
          producerId: other.producerId as MediaId,
          rtpCapabilities: capabilities,
        });
        expect(consumed, `D${index} receives ${other.joined.self.name}`).toMatchObject({ ok: true });
      }
    }
    expect(server.app.pool.counter.snapshot().consumers).toBeGreaterThanOrEqual(12);

    for (const person of people) person.client.disconnect();
    await expectMediaReleased(server.app, 2);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('plenary_mediasoup_routers 0');
    expect(metrics).toContain('plenary_mediasoup_consumers 0');
  });
});
