import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import type { ParticipantId, WireObject } from '@plenary/shared';
import type { types } from 'mediasoup';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { mediaCodecs } from '../src/media/codecs.ts';
import { MediaRoom } from '../src/media/mediaRoom.ts';
import type { RtcPortSettings } from '../src/media/rtcServer.ts';
import { createWebRtcTransport } from '../src/media/transports.ts';
import { WorkerPool } from '../src/media/workerPool.ts';
import { eventually, newDataDir, testEnv } from './harness.ts';
import { loopbackSettings, recordingListener } from './plainPeer.ts';

const logger = createLogger('silent');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A base port whose next `count` ports are free on loopback, UDP and TCP, just now. */
async function freePorts(count: number): Promise<number> {
  for (;;) {
    // Above mediasoup's own default range (10000–59999, where workers of tests running beside this
    // one pick ports) and the kernel's ephemeral ports (up to 60999), so nothing else takes them.
    const base = 61_000 + Math.floor(Math.random() * 4_000);
    const held: Array<() => Promise<void>> = [];
    try {
      for (let port = base; port < base + count; port++) {
        held.push(await holdTcp(port), await holdUdp(port));
      }
      return base;
    } catch {
      // Taken: try another base.
    } finally {
      for (const release of held) await release();
    }
  }
}

function holdTcp(port: number): Promise<() => Promise<void>> {
  const server: Server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(() => new Promise((done) => server.close(() => done()))));
  });
}

function holdUdp(port: number): Promise<() => Promise<void>> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => resolve(() => new Promise((done) => socket.close(() => done()))));
  });
}

const rtcOn = (port: number): RtcPortSettings => ({ listenIp: '127.0.0.1', announcedIp: undefined, port });

type Candidate = { protocol: string; port: number; tcpType?: string };

/** The transport's ICE candidates, as the browser is told them: protocol and port. */
function candidatePorts(iceCandidates: readonly WireObject[] | readonly types.IceCandidate[]): Candidate[] {
  return (iceCandidates as readonly Candidate[]).map(({ protocol, port }) => ({ protocol, port }));
}

describe('one media port per worker', () => {
  it("gives two participants' transports the worker's one UDP and one TCP port", async () => {
    const port = await freePorts(1);
    const pool = await WorkerPool.start({ size: 1, logger, rtc: rtcOn(port) });
    cleanups.push(() => pool.close());
    const room = await MediaRoom.create({
      key: 'ws:w:room:ports',
      pool,
      settings: loopbackSettings,
      listener: recordingListener().listener,
      logger,
    });
    cleanups.push(() => room.close());
    const alice = 'alice' as ParticipantId;
    const bob = 'bob' as ParticipantId;
    room.addPeer(alice);
    room.addPeer(bob);
    const sending = await room.createTransport(alice, 'send');
    const receiving = await room.createTransport(bob, 'recv');
    const expected = [
      { protocol: 'udp', port },
      { protocol: 'tcp', port },
    ];
    expect(candidatePorts(sending.options.iceCandidates)).toEqual(expected);
    expect(candidatePorts(receiving.options.iceCandidates)).toEqual(expected);
    expect(sending.options.transportId).not.toBe(receiving.options.transportId);
  });

  it("puts a router's transports on its own worker's port: worker i listens on the port + i", async () => {
    const port = await freePorts(2);
    const pool = await WorkerPool.start({ size: 2, logger, rtc: rtcOn(port) });
    cleanups.push(() => pool.close());
    const [first, second] = pool.liveWorkers();
    if (!first || !second) throw new Error('two workers expected');
    for (const [slot, worker] of [first, second].entries()) {
      const { router } = await pool.createRouter(mediaCodecs, worker);
      const transport = await createWebRtcTransport(router, pool.rtcServerOf(worker), 'send');
      expect(candidatePorts(transport.iceCandidates)).toEqual([
        { protocol: 'udp', port: port + slot },
        { protocol: 'tcp', port: port + slot },
      ]);
    }
    // Why the pool looks the server up by the router's worker: mediasoup refuses another worker's.
    const { router } = await pool.createRouter(mediaCodecs, second);
    await expect(createWebRtcTransport(router, pool.rtcServerOf(first), 'send')).rejects.toThrow();
  });

  it('opens a replaced worker’s WebRtcServer on the same port', async () => {
    const port = await freePorts(1);
    const pool = await WorkerPool.start({ size: 1, logger, rtc: rtcOn(port), restartDelayMs: 50 });
    cleanups.push(() => pool.close());
    const [dead] = pool.pids();
    if (dead === undefined) throw new Error('no worker');
    process.kill(dead, 'SIGKILL');
    await eventually(() => expect(pool.liveWorkers().map((worker) => worker.pid)).not.toEqual([dead]));
    await eventually(() => expect(pool.liveWorkers()).toHaveLength(1));
    const [replacement] = pool.liveWorkers();
    if (!replacement) throw new Error('no replacement');
    const { router } = await pool.createRouter(mediaCodecs, replacement);
    const transport = await createWebRtcTransport(router, pool.rtcServerOf(replacement), 'recv');
    expect(candidatePorts(transport.iceCandidates)).toEqual([
      { protocol: 'udp', port },
      { protocol: 'tcp', port },
    ]);
  });

  it('keeps the ports the system picked (PLENARY_RTC_PORT=0) across a replacement too', async () => {
    const pool = await WorkerPool.start({ size: 1, logger, rtc: rtcOn(0), restartDelayMs: 50 });
    cleanups.push(() => pool.close());
    const portsNow = async () => {
      const [worker] = pool.liveWorkers();
      if (!worker) throw new Error('no worker');
      const dump = await pool.rtcServerOf(worker).dump();
      return { udp: dump.udpSockets[0]?.port, tcp: dump.tcpServers[0]?.port };
    };
    const before = await portsNow();
    expect(before.udp).toBeGreaterThan(0);
    const [dead] = pool.pids();
    if (dead === undefined) throw new Error('no worker');
    process.kill(dead, 'SIGKILL');
    await eventually(() => expect(pool.liveWorkers().map((worker) => worker.pid)).not.toEqual([dead]));
    await eventually(() => expect(pool.liveWorkers()).toHaveLength(1));
    expect(await portsNow()).toEqual(before);
  });

  it('stops the start with one clear error when a media port is taken (UDP or TCP)', async () => {
    const port = await freePorts(2);
    for (const hold of [holdUdp, holdTcp]) {
      const release = await hold(port + 1);
      try {
        await expect(WorkerPool.start({ size: 2, logger, rtc: rtcOn(port) })).rejects.toThrow(
          `media port ${port + 1} on 127.0.0.1 is already in use (UDP or TCP): free it, or set PLENARY_RTC_PORT`,
        );
      } finally {
        await release();
      }
    }
    // The app fails the same way, before it opens its store or listens.
    const release = await holdUdp(port);
    cleanups.push(release);
    const config = loadConfig({ ...testEnv(newDataDir()), PLENARY_RTC_PORT: String(port) });
    await expect(createApp(config, { logger })).rejects.toThrow(`media port ${port} on 127.0.0.1 is already in use`);
  });
});
