import { type ChildProcess, fork } from 'node:child_process';
import type { MediaId, ProducerInfo } from '@plenary/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { MediaRoom } from '../src/media/mediaRoom.ts';
import { type MediaBus, MemoryBusHub } from '../src/media/mesh/bus.ts';
import { MediaMesh } from '../src/media/mesh/mediaMesh.ts';
import { redisMediaBus } from '../src/media/mesh/redisBus.ts';
import type { LinkInfo } from '../src/media/mesh/roomLink.ts';
import { WorkerPool } from '../src/media/workerPool.ts';
import { type Engine, startRedis } from './engines.ts';
import { eventually } from './harness.ts';
import type { NodeRequest } from './meshNode.ts';
import { loopbackSettings, plainPeer, recordingListener } from './plainPeer.ts';

const logger = createLogger('silent');
const ROOM = 'ws:shared-workshop:room:plenary';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A media node in this process: its own worker pool, mesh and media room. */
async function node(nodeId: string, bus: MediaBus) {
  const pool = await WorkerPool.start({ size: 1, logger });
  const mesh = await MediaMesh.start({
    nodeId,
    bus,
    settings: loopbackSettings,
    logger,
    heartbeatMs: 100,
    nodeTimeoutMs: 800,
  });
  const { told, listener } = recordingListener();
  const room = await MediaRoom.create({ key: ROOM, pool, settings: loopbackSettings, listener, logger, links: mesh });
  cleanups.push(() => pool.close());
  cleanups.push(() => mesh.close());
  cleanups.push(() => room.close());
  return { pool, mesh, room, told };
}

function connectedLink(links: LinkInfo[]): LinkInfo {
  const [link] = links;
  expect(links).toHaveLength(1);
  expect(link?.connected).toBe(true);
  return link as LinkInfo;
}

describe('media between two nodes (in-memory bus)', () => {
  it.each([
    ['a', 'b'],
    ['b', 'a'],
  ])('links a room both have people in, each way (first node "%s")', async (first, second) => {
    const hub = new MemoryBusHub();
    const a = await node(first, hub.bus());
    const b = await node(second, hub.bus());
    const ana = await plainPeer(a.room, 'ana', 0x5001);
    const ben = await plainPeer(b.room, 'ben', 0x5002);
    cleanups.push(() => ana.stop());
    cleanups.push(() => ben.stop());

    await eventually(() => {
      expect(connectedLink(a.mesh.linkInfo())).toMatchObject({ sent: 1, received: 1 });
      expect(connectedLink(b.mesh.linkInfo())).toMatchObject({ sent: 1, received: 1 });
      expect(b.told.remoteAdded).toEqual([ana.producerId]);
      expect(a.told.remoteAdded).toEqual([ben.producerId]);
    });
    // Each node's room has the other's producer, under the same id.
    expect(b.room.producers('ben' as never).map((producer) => producer.producerId)).toEqual([ana.producerId]);
    expect(a.room.producers('ana' as never).map((producer) => producer.producerId)).toEqual([ben.producerId]);

    await ben.receive(ana.producerId);
    await ana.receive(ben.producerId);
    await eventually(() => {
      expect(ben.packetsFrom(ana.producerId)).toBeGreaterThan(20);
      expect(ana.packetsFrom(ben.producerId)).toBeGreaterThan(20);
    });

    await a.room.peer(ana.id).setProducerPaused(ana.producerId, true);
    await eventually(() => expect(b.told.remotePaused).toEqual([{ producerId: ana.producerId, paused: true }]));
    expect(b.room.producers().find((producer) => producer.producerId === ana.producerId)?.paused).toBe(true);

    a.room.peer(ana.id).closeProducer(ana.producerId);
    await eventually(() => expect(b.told.remoteClosed).toEqual([ana.producerId]));
    expect(b.told.consumersClosed).toHaveLength(1);
    expect(b.room.producers('ben' as never)).toEqual([]);

    // Ana leaves: node a has no one in the room, and both ends of the link close.
    a.room.removePeer(ana.id);
    await eventually(() => {
      expect(a.mesh.linkInfo()).toEqual([]);
      expect(b.mesh.linkInfo()).toEqual([]);
    });
    expect(a.told.remoteClosed).toEqual([ben.producerId]);
    expect(a.pool.counter.snapshot()).toMatchObject({ routers: 1, transports: 0, producers: 0, consumers: 0 });
  });

  it('links the room again after a worker died under it on the node that did not open the link', async () => {
    const hub = new MemoryBusHub();
    const a = await node('a', hub.bus());
    const b = await node('b', hub.bus());
    const ana = await plainPeer(a.room, 'ana', 0x5201);
    const ben = await plainPeer(b.room, 'ben', 0x5202);
    cleanups.push(() => ana.stop());
    cleanups.push(() => ben.stop());
    await eventually(() => expect(connectedLink(b.mesh.linkInfo())).toMatchObject({ sent: 1, received: 1 }));
    const before = connectedLink(a.mesh.linkInfo()).id;

    const [worker] = b.pool.pids();
    process.kill(worker as number, 'SIGKILL');
    // Node b has seen its worker die, so its room is moving to a new router (which waits for the pool
    // to replace the worker). Ben's client rebuilds its media meanwhile, as this does: it waits for
    // the move and lands on the new router, rather than being refused by the closed one.
    await eventually(() => expect(b.pool.health().pids).not.toContain(worker), 5_000);
    const benAgain = await plainPeer(b.room, 'ben', 0x5203);
    cleanups.push(() => benAgain.stop());
    expect(b.told.routersReplaced).toBe(1);
    expect(b.room.workerPidOf(benAgain.id)).toBe(b.pool.health().pids[0]);
    expect(b.room.producers().map((producer) => producer.producerId)).toContain(benAgain.producerId);
    await eventually(() => {
      const link = connectedLink(a.mesh.linkInfo());
      expect(link.id).not.toBe(before);
      expect(link).toMatchObject({ sent: 1, received: 1 });
      expect(connectedLink(b.mesh.linkInfo())).toMatchObject({ id: link.id, sent: 1, received: 1 });
    }, 10_000);
    await benAgain.receive(ana.producerId);
    await eventually(() => expect(benAgain.packetsFrom(ana.producerId)).toBeGreaterThan(20));
  });

  it('does not link a room only one node has people in', async () => {
    const hub = new MemoryBusHub();
    const a = await node('a', hub.bus());
    const b = await node('b', hub.bus());
    const ana = await plainPeer(a.room, 'ana', 0x5101);
    cleanups.push(() => ana.stop());
    await eventually(() => expect(b.mesh.knownNodes()).toEqual(['a']));
    expect(a.mesh.linkInfo()).toEqual([]);
    expect(b.pool.counter.snapshot().transports).toBe(0);
  });
});

describe('media between two hosts (Redis, a second process)', () => {
  let redis: Engine;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('carries RTP both ways over SRTP, follows a closed producer, and cleans up after a node that vanished', async () => {
    const a = await node('node-a', redisMediaBus(redis.url, 'plenary', logger));
    const other = await remoteNode(redis.url, 'node-b');
    cleanups.push(() => other.kill());
    const ana = await plainPeer(a.room, 'ana', 0x6001);
    cleanups.push(() => ana.stop());
    const { producerId: benMic } = (await other.ask({ op: 'join', peer: 'ben', ssrc: 0x6002 })) as {
      producerId: MediaId;
    };

    // SRTP on both ends of the link, each with its own key.
    let theirs: LinkInfo | undefined;
    await eventually(async () => {
      theirs = connectedLink((await other.state()).links);
      expect(theirs).toMatchObject({ sent: 1, received: 1, remoteNode: 'node-a' });
      expect(connectedLink(a.mesh.linkInfo())).toMatchObject({ sent: 1, received: 1, remoteNode: 'node-b' });
    }, 10_000);
    const ours = connectedLink(a.mesh.linkInfo());
    expect(ours.srtp?.cryptoSuite).toBe('AEAD_AES_256_GCM');
    expect(theirs?.srtp?.cryptoSuite).toBe('AEAD_AES_256_GCM');
    expect(theirs?.srtp?.keyBase64).not.toBe(ours.srtp?.keyBase64);

    // RTP from Ana's microphone on node a reaches Ben's consumer on node b, and keeps coming.
    await other.ask({ op: 'receive', peer: 'ben', producerId: ana.producerId });
    let before = 0;
    await eventually(async () => {
      before = (await other.ask({ op: 'packets', peer: 'ben', producerId: ana.producerId })) as number;
      expect(before).toBeGreaterThan(20);
    }, 10_000);
    await eventually(async () => {
      const later = (await other.ask({ op: 'packets', peer: 'ben', producerId: ana.producerId })) as number;
      expect(later).toBeGreaterThan(before + 10);
    });
    // …and the other way.
    await ana.receive(benMic);
    await eventually(() => expect(ana.packetsFrom(benMic)).toBeGreaterThan(20));
    // mediasoup's own counts: what node a's pipe consumer sent is what node b's pipe producer got.
    const sent = (await a.mesh.linkPackets())[ours.id]?.sent[ana.producerId] ?? 0;
    const received = (await other.state()).packets[ours.id]?.received[ana.producerId] ?? 0;
    expect(sent).toBeGreaterThan(20);
    expect(received).toBeGreaterThan(20);

    // Closing Ana's microphone on node a closes its pipe producer on node b.
    a.room.peer(ana.id).closeProducer(ana.producerId);
    await eventually(async () => {
      const state = await other.state();
      expect(state.told.remoteClosed).toEqual([ana.producerId]);
      expect(state.producers.map((producer) => producer.producerId)).toEqual([benMic]);
    });

    // Node b vanishes without a word: its heartbeat stops, and node a closes its end.
    other.kill();
    await eventually(() => {
      expect(a.mesh.knownNodes()).toEqual([]);
      expect(a.mesh.linkInfo()).toEqual([]);
    }, 10_000);
    expect(a.told.remoteClosed).toEqual([benMic]);
    expect(a.room.producers()).toEqual([]);
    // What is left is Ana's own two transports.
    expect(a.pool.counter.snapshot()).toMatchObject({ routers: 1, transports: 2, producers: 0, consumers: 0 });
  });

  it('keeps deployments with different PLENARY_REDIS_PREFIX apart on one Redis', async () => {
    const heard = { same: [] as string[], other: [] as string[] };
    const buses = {
      speaker: redisMediaBus(redis.url, 'east', logger),
      same: redisMediaBus(redis.url, 'east', logger),
      other: redisMediaBus(redis.url, 'west', logger),
    };
    cleanups.push(() => Promise.all(Object.values(buses).map((bus) => bus.close())));
    await buses.speaker.start('speaker', () => {});
    await buses.same.start('listener', (raw) => heard.same.push(raw));
    await buses.other.start('listener', (raw) => heard.other.push(raw));
    await buses.speaker.publish({ type: 'presence', from: 'speaker', rooms: [ROOM] });
    await buses.speaker.publish({ type: 'bye', from: 'speaker' });
    await eventually(() => expect(heard.same.map((raw) => JSON.parse(raw).type)).toEqual(['presence', 'bye']));
    expect(heard.other).toEqual([]);
  });
});

interface RemoteState {
  links: LinkInfo[];
  packets: Awaited<ReturnType<MediaMesh['linkPackets']>>;
  told: { remoteClosed: MediaId[] };
  producers: ProducerInfo[];
}

/** The second node, in its own process (meshNode.ts), asked things over IPC. */
async function remoteNode(redisUrl: string, nodeId: string) {
  const child: ChildProcess = fork('server/test/meshNode.ts', {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, REDIS_URL: redisUrl, ROOM_KEY: ROOM, NODE_ID: nodeId },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (answer: { ok: boolean; result?: unknown; error?: string }) => void>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the second node did not start')), 20_000);
    child.on('message', (message: { ready?: boolean; id?: number; ok?: boolean; result?: unknown }) => {
      if (message.ready) {
        clearTimeout(timer);
        resolve();
      } else if (message.id !== undefined) pending.get(message.id)?.(message as { ok: boolean });
    });
    child.once('exit', (code) => reject(new Error(`the second node exited with ${code}`)));
  });
  const ask = (request: NodeRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (answer) => {
        pending.delete(id);
        if (answer.ok) resolve(answer.result);
        else reject(new Error(answer.error));
      });
      child.send({ id, request });
    });
  return {
    ask,
    state: () => ask({ op: 'state' }) as Promise<RemoteState>,
    kill: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
