import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.ts';
import { MemoryBusHub } from './bus.ts';
import { MediaMesh } from './mediaMesh.ts';
import { type MeshMessage, parseMeshMessage } from './messages.ts';
import { redisMediaBus } from './redisBus.ts';

const logger = createLogger('silent');
const settings = { listenIp: '127.0.0.1', announcedIp: undefined, minPort: 40_000, maxPort: 49_999 };
const endpoint = {
  ip: '10.0.0.2',
  port: 40_100,
  srtp: { cryptoSuite: 'AEAD_AES_256_GCM', keyBase64: 'a2V5' },
} as const;

async function until(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('mesh messages', () => {
  it('accepts each kind of message a node sends', () => {
    const messages: MeshMessage[] = [
      { type: 'presence', from: 'a', rooms: ['ws:w:room:r'] },
      { type: 'bye', from: 'a' },
      { type: 'linkOffer', from: 'a', to: 'b', room: 'ws:w:room:r', linkId: 'l1', endpoint },
      { type: 'linkAnswer', from: 'b', to: 'a', linkId: 'l1', endpoint },
      { type: 'linkClosed', from: 'b', to: 'a', linkId: 'l1' },
      {
        type: 'producerOffered',
        from: 'a',
        to: 'b',
        linkId: 'l1',
        producer: {
          id: 'p1',
          kind: 'audio',
          rtpParameters: { codecs: [{ mimeType: 'audio/opus' }] },
          paused: false,
          participantId: 'ana',
          source: 'mic',
        },
      },
      { type: 'producerPaused', from: 'a', to: 'b', linkId: 'l1', producerId: 'p1', paused: true },
      { type: 'producerClosed', from: 'a', to: 'b', linkId: 'l1', producerId: 'p1' },
    ];
    for (const message of messages) expect(parseMeshMessage(JSON.stringify(message))).toEqual({ ok: true, message });
  });

  it('refuses what is not a message: not JSON, unknown types, an endpoint without SRTP, extra fields', () => {
    const refused = [
      'not json',
      JSON.stringify({ type: 'shout', from: 'a' }),
      JSON.stringify({ type: 'linkAnswer', from: 'b', to: 'a', linkId: 'l1', endpoint: { ip: '1.2.3.4', port: 1 } }),
      JSON.stringify({ type: 'bye', from: 'a', extra: true }),
      JSON.stringify({ type: 'presence', from: '', rooms: [] }),
    ];
    for (const raw of refused) expect(parseMeshMessage(raw).ok, raw).toBe(false);
  });
});

describe('MediaMesh presence', () => {
  it('learns of other nodes, ignores junk, and forgets a node whose heartbeat stops', async () => {
    const hub = new MemoryBusHub();
    const mesh = await MediaMesh.start({
      nodeId: 'a',
      bus: hub.bus(),
      settings,
      logger,
      heartbeatMs: 20,
      nodeTimeoutMs: 100,
    });
    const other = hub.bus();
    const heardFromA: MeshMessage[] = [];
    await other.start('b', (raw) => {
      const parsed = parseMeshMessage(raw);
      if (parsed.ok && parsed.message.from === 'a') heardFromA.push(parsed.message);
    });
    try {
      await other.publish({ type: 'presence', from: 'b', rooms: ['ws:w:room:r'] });
      await other.publish({ type: 'linkClosed', from: 'b', to: 'a', linkId: 'unknown' });
      await other.publish({ type: 'linkOffer', from: 'b', to: 'a', room: 'ws:w:room:gone', linkId: 'l9', endpoint });
      await until(() => mesh.knownNodes().includes('b'));
      // An offer for a room this node has no one in is turned down.
      await until(() => heardFromA.some((message) => message.type === 'linkClosed' && message.linkId === 'l9'));
      expect(heardFromA.some((message) => message.type === 'presence')).toBe(true);
      expect(mesh.linkInfo()).toEqual([]);
      // Node b falls silent; node a forgets it.
      await until(() => mesh.knownNodes().length === 0);
    } finally {
      await mesh.close();
      await other.close();
    }
  });

  it('forgets a node at once when it says bye', async () => {
    const hub = new MemoryBusHub();
    const mesh = await MediaMesh.start({ nodeId: 'a', bus: hub.bus(), settings, logger, heartbeatMs: 1_000 });
    const other = hub.bus();
    await other.start('b', () => {});
    try {
      await other.publish({ type: 'presence', from: 'b', rooms: [] });
      await until(() => mesh.knownNodes().includes('b'));
      await other.publish({ type: 'bye', from: 'b' });
      await until(() => mesh.knownNodes().length === 0);
    } finally {
      await mesh.close();
      await other.close();
    }
  });
});

describe('the Redis media bus', () => {
  it('refuses to start, clearly, when Redis cannot be reached', async () => {
    const bus = redisMediaBus('redis://127.0.0.1:1', 'plenary', logger, 300);
    await expect(bus.start('a', () => {})).rejects.toThrow('could not reach Redis at redis://127.0.0.1:1');
  });
});
