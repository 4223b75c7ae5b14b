// One media node in its own process (a second "host"), driven by its parent over IPC: a worker pool,
// a media mesh on Redis, and one room whose people speak and listen over plain RTP.
import type { MediaId } from '@plenary/shared';
import { createLogger } from '../src/logger.ts';
import { MediaRoom } from '../src/media/mediaRoom.ts';
import { MediaMesh } from '../src/media/mesh/mediaMesh.ts';
import { redisMediaBus } from '../src/media/mesh/redisBus.ts';
import { WorkerPool } from '../src/media/workerPool.ts';
import { loopbackSettings, type PlainPeer, plainPeer, recordingListener } from './plainPeer.ts';

export type NodeRequest =
  | { op: 'join'; peer: string; ssrc: number }
  | { op: 'receive'; peer: string; producerId: MediaId }
  | { op: 'packets'; peer: string; producerId: MediaId }
  | { op: 'state' };

const { REDIS_URL, ROOM_KEY, NODE_ID } = process.env;
if (!REDIS_URL || !ROOM_KEY || !NODE_ID || !process.send) throw new Error('meshNode: run me with IPC and env');
const reply = (message: unknown) => process.send?.(message);
const logger = createLogger('silent');
const pool = await WorkerPool.start({ size: 1, logger });
const mesh = await MediaMesh.start({
  nodeId: NODE_ID,
  bus: redisMediaBus(REDIS_URL, 'plenary', logger),
  settings: loopbackSettings,
  logger,
  heartbeatMs: 200,
  nodeTimeoutMs: 1_000,
});
const { told, listener } = recordingListener();
const room = await MediaRoom.create({ key: ROOM_KEY, pool, settings: loopbackSettings, listener, logger, links: mesh });
const peers = new Map<string, PlainPeer>();

async function answer(request: NodeRequest): Promise<unknown> {
  switch (request.op) {
    case 'join': {
      const peer = await plainPeer(room, request.peer, request.ssrc);
      peers.set(request.peer, peer);
      return { producerId: peer.producerId };
    }
    case 'receive':
      return peers.get(request.peer)?.receive(request.producerId);
    case 'packets':
      return peers.get(request.peer)?.packetsFrom(request.producerId) ?? 0;
    case 'state':
      return {
        links: mesh.linkInfo(),
        packets: await mesh.linkPackets(),
        told,
        producers: room.producers(),
        counts: pool.counter.snapshot(),
      };
  }
}

process.on('message', (message: { id: number; request: NodeRequest }) => {
  answer(message.request).then(
    (result) => reply({ id: message.id, ok: true, result }),
    (error: unknown) => reply({ id: message.id, ok: false, error: String(error) }),
  );
});
reply({ ready: true });
