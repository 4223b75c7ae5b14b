// SFU cost: one mediasoup worker forwarding synthetic VP8 streams (in over UDP into PlainTransport
// producers, out through SRTP PlainTransport consumers to a local UDP sink), set up through Plenary's
// media layer (WorkerPool, MediaRoom) vs raw mediasoup calls. Worker CPU from /proc over a window.
// Then, over WebRTC transports, one media port per worker vs a port per transport (sfuPorts.ts).
import type { MediaId, ParticipantId } from '@plenary/shared';
import type { types } from 'mediasoup';
import * as mediasoup from 'mediasoup';
import { createLogger } from '../server/src/logger.ts';
import { MediaRoom, type MediaRoomListener } from '../server/src/media/mediaRoom.ts';
import { WorkerPool } from '../server/src/media/workerPool.ts';
import { cpuSeconds } from './lib/proc.ts';
import { type Result, ratioOf, round, verdict } from './lib/result.ts';
import { sleep } from './lib/stats.ts';
import { rtpParametersOf, udpSink, type Vp8Source, vp8Source } from './lib/vp8Source.ts';
import { portRows } from './sfuPorts.ts';

const PRODUCERS = 10;
const CONSUMERS_PER_PRODUCER = 60;
const BITRATE = 500_000;
const WARMUP_MS = 2_000;
const WINDOW_MS = 8_000;
/** bare, Plenary, bare, Plenary: alternating spreads the machine's drift over both */
const ROUNDS = 3;
const GOAL_CPU_RATIO = 1.05;
const GOAL_CONSUMERS_PER_CORE = 600;

const CONSUMERS = PRODUCERS * CONSUMERS_PER_PRODUCER;
const LOOPBACK = { protocol: 'udp', ip: '127.0.0.1' } as const;
/**
 * Consumers encrypt what they send (SRTP), as a browser's WebRTC transport would: without it the
 * worker's cost per consumer is a fraction of what a real session pays. The sink only counts bytes,
 * so the key it would decrypt with is a fixed one.
 */
const SRTP = { enableSrtp: true, srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80' } as const;
const SINK_SRTP: types.SrtpParameters = {
  cryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
  keyBase64: Buffer.alloc(30, 7).toString('base64'),
};

/** A worker forwarding the streams: `ports` are where each source sends. */
interface Rig {
  workerPid: number;
  ports: number[];
  close(): Promise<void>;
}

export async function run(): Promise<Result> {
  const bare: Window[] = [];
  const plenary: Window[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    bare.push(await measure(bareRig));
    plenary.push(await measure(plenaryRig));
  }
  const cpu = (windows: Window[]) => windows.reduce((sum, w) => sum + w.cpu, 0) / windows.length;
  const mbps = (windows: Window[]) => windows.reduce((sum, w) => sum + w.mbps, 0) / windows.length;
  const plenaryCpu = cpu(plenary);
  const bareCpu = cpu(bare);
  const ratio = ratioOf(plenaryCpu, bareCpu);
  const perCore = CONSUMERS / plenaryCpu;
  const barePerCore = CONSUMERS / bareCpu;
  const expectedMbps = (CONSUMERS * BITRATE) / 1e6;
  // Proof that the consumers forward; the sink, a Node socket on the same two cores, may drop some.
  const forwarding = mbps(plenary) >= 0.5 * expectedMbps && mbps(bare) >= 0.5 * expectedMbps;
  const note = forwarding ? undefined : `forwarded only ${round(mbps(plenary))} of ${expectedMbps} Mbit/s`;
  const ports = await portRows();
  const label = `${PRODUCERS} VP8 × ${CONSUMERS_PER_PRODUCER} consumers, ${BITRATE / 1000} kbit/s`;
  return {
    name: 'sfu-cost',
    rows: [
      {
        benchmark: 'SFU cost',
        metric: `worker CPU (${label})`,
        value: round(plenaryCpu * 100),
        unit: '% core',
        baseline: round(bareCpu * 100),
        ratio: ratio && round(ratio, 2),
        goal: `≤ ${GOAL_CPU_RATIO}× baseline`,
        status: forwarding ? verdict(ratio !== null && ratio <= GOAL_CPU_RATIO) : 'MISS',
        ...(note ? { note } : {}),
      },
      {
        benchmark: 'SFU cost',
        metric: 'consumers per worker core',
        value: Math.round(perCore),
        unit: 'consumers',
        baseline: Math.round(barePerCore),
        ratio: round(perCore / barePerCore, 2),
        goal: `≥ ${GOAL_CONSUMERS_PER_CORE}`,
        status: forwarding ? verdict(perCore >= GOAL_CONSUMERS_PER_CORE) : 'MISS',
      },
      ...ports.rows,
    ],
    details: {
      producers: PRODUCERS,
      consumers: CONSUMERS,
      windowMs: WINDOW_MS,
      expectedMbps,
      plenary: plenary.map(describe),
      bare: bare.map(describe),
      ports: ports.details,
    },
  };
}

interface Window {
  /** worker CPU over the window, in cores */
  cpu: number;
  /** what the consumers delivered to the sink */
  mbps: number;
}

const describe = (w: Window) => ({ cpuPercent: round(w.cpu * 100), forwardedMbps: round(w.mbps) });

async function measure(build: (sinkPort: number, sources: Vp8Source[]) => Promise<Rig>): Promise<Window> {
  const sink = await udpSink();
  const sources = await Promise.all(
    Array.from({ length: PRODUCERS }, (_, index) => vp8Source(0x1000 + index, BITRATE)),
  );
  const rig = await build(sink.port, sources);
  try {
    sources.forEach((source, index) => {
      source.start(rig.ports[index] as number);
    });
    await sleep(WARMUP_MS);
    const cpu0 = cpuSeconds(rig.workerPid);
    const bytes0 = sink.bytes();
    const t0 = performance.now();
    await sleep(WINDOW_MS);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = (cpuSeconds(rig.workerPid) - cpu0) / seconds;
    const mbps = ((sink.bytes() - bytes0) * 8) / seconds / 1e6;
    return { cpu, mbps };
  } finally {
    for (const source of sources) source.stop();
    await rig.close();
    sink.close();
  }
}

/** Raw mediasoup: a worker, a router, plain transports. */
async function bareRig(sinkPort: number, sources: Vp8Source[]): Promise<Rig> {
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  const router = await worker.createRouter({
    mediaCodecs: [
      { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 },
      { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000 },
    ],
  });
  const ports: number[] = [];
  const producers: types.Producer[] = [];
  for (const source of sources) {
    const transport = await router.createPlainTransport({ listenInfo: LOOPBACK, rtcpMux: true, comedia: true });
    producers.push(await transport.produce({ kind: 'video', rtpParameters: rtpParametersOf(source.ssrc) }));
    ports.push(transport.tuple.localPort);
  }
  for (let index = 0; index < CONSUMERS_PER_PRODUCER; index++) {
    const transport = await router.createPlainTransport({ listenInfo: LOOPBACK, rtcpMux: true, ...SRTP });
    await transport.connect({ ip: '127.0.0.1', port: sinkPort, srtpParameters: SINK_SRTP });
    for (const producer of producers) {
      await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
    }
  }
  return {
    workerPid: worker.pid,
    ports,
    close: async () => worker.close(),
  };
}

/**
 * Plenary's media layer: the worker pool (with its object counters) and a MediaRoom (Plenary's
 * codecs, active-speaker observer, peers, produce/consume/resume). Its peers get plain UDP
 * transports (MediaRoom.addTransport) instead of WebRTC ones; producing and consuming then go
 * through MediaRoom's own methods.
 */
async function plenaryRig(sinkPort: number, sources: Vp8Source[]): Promise<Rig> {
  const logger = createLogger('silent');
  const pool = await WorkerPool.start({ size: 1, logger });
  const settings = { listenIp: '127.0.0.1', announcedIp: undefined, minPort: 40_000, maxPort: 49_999 };
  // Nothing listens: every callback of the listener, whatever it grows to, is a no-op.
  const listener = new Proxy({}, { get: () => () => {} }) as MediaRoomListener;
  const room = await MediaRoom.create({ key: 'bench', pool, settings, listener, logger });
  const addPlainTransport = (participantId: ParticipantId, direction: 'send' | 'recv') => {
    room.addPeer(participantId);
    return room.addTransport(participantId, (router) =>
      router.createPlainTransport({
        listenInfo: LOOPBACK,
        rtcpMux: true,
        ...(direction === 'send' ? { comedia: true } : SRTP),
        appData: { direction },
      }),
    );
  };

  const ports: number[] = [];
  const producerIds: MediaId[] = [];
  for (const [index, source] of sources.entries()) {
    const participantId = `sender-${index}` as ParticipantId;
    const transport = await addPlainTransport(participantId, 'send');
    const producer = await room.produce(participantId, {
      transportId: transport.id as MediaId,
      kind: 'video',
      source: 'camera',
      rtpParameters: rtpParametersOf(source.ssrc) as never,
    });
    producerIds.push(producer.producerId);
    ports.push(transport.tuple.localPort);
  }
  for (let index = 0; index < CONSUMERS_PER_PRODUCER; index++) {
    const participantId = `viewer-${index}` as ParticipantId;
    const transport = await addPlainTransport(participantId, 'recv');
    await transport.connect({ ip: '127.0.0.1', port: sinkPort, srtpParameters: SINK_SRTP });
    for (const producerId of producerIds) {
      const consumer = await room.consume(participantId, producerId, room.rtpCapabilities);
      await room.peer(participantId).resumeConsumer(consumer.consumerId);
    }
  }
  const [workerPid] = pool.pids();
  if (workerPid === undefined) throw new Error('no worker');
  return {
    workerPid,
    ports,
    close: async () => {
      room.close();
      pool.close();
    },
  };
}
