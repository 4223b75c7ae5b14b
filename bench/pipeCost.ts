// Pipe cost: what it costs the workers to forward a stream whose listeners are on another worker
// (a room spread over workers: pipeToRouter over loopback, as RoomRouters does) or on another node
// (a room linked between hosts: PipeTransports with SRTP and RTX, as RoomLink does), against the
// same streams and listeners on the producers' own router. Worker CPU from /proc over a window, per
// packet sent in (so a source starved by a busy machine does not flatter its layout).
import type { types } from 'mediasoup';
import * as mediasoup from 'mediasoup';
import { mediaCodecs } from '../server/src/media/codecs.ts';
import { cpuSeconds } from './lib/proc.ts';
import { type Result, type Row, ratioOf, round } from './lib/result.ts';
import { sleep } from './lib/stats.ts';
import { rtpParametersOf, udpSink, type Vp8Source, vp8Source } from './lib/vp8Source.ts';

const PRODUCERS = 10;
const LISTENERS = 20;
const BITRATE = 500_000;
const WARMUP_MS = 2_000;
const WINDOW_MS = 6_000;
/** direct, across workers, across hosts; again: alternating spreads the machine's drift over all */
const ROUNDS = 2;

const LOOPBACK = { protocol: 'udp', ip: '127.0.0.1' } as const;
// Listeners encrypt what they send, as a browser's transport would (see sfuCost.ts).
const SRTP = { enableSrtp: true, srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80' } as const;
const SINK_SRTP: types.SrtpParameters = {
  cryptoSuite: 'AES_CM_128_HMAC_SHA1_80',
  keyBase64: Buffer.alloc(30, 7).toString('base64'),
};

type Layout = 'direct' | 'workers' | 'hosts';

interface Rig {
  workerPids: number[];
  ports: number[];
  close(): void;
}

export async function run(): Promise<Result> {
  const windows: Record<Layout, Window[]> = { direct: [], workers: [], hosts: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const layout of ['direct', 'workers', 'hosts'] as const) windows[layout].push(await measure(layout));
  }
  // The sources are Node timers on a shared machine: a starved one sends less, and its worker works
  // less. Each layout's CPU is therefore taken per packet sent in, at the direct layout's input rate.
  const inputRate = mean(windows.direct.map((w) => w.packetsPerSecond));
  const cpu = (layout: Layout) => mean(windows[layout].map((w) => w.cpu / w.packetsPerSecond)) * inputRate;
  const forwarding = (Object.keys(windows) as Layout[]).every(
    (layout) => mean(windows[layout].map((w) => w.mbps)) >= 0.5 * ((PRODUCERS * LISTENERS * BITRATE) / 1e6),
  );
  const label = `${PRODUCERS} VP8 streams × ${LISTENERS} listeners, ${BITRATE / 1000} kbit/s`;
  const row = (layout: Exclude<Layout, 'direct'>, how: string): Row[] => {
    const extraPerStream = ((cpu(layout) - cpu('direct')) / PRODUCERS) * 100;
    return [
      {
        benchmark: 'pipe cost',
        metric: `worker CPU, listeners ${how} (${label})`,
        value: round(cpu(layout) * 100),
        unit: '% core',
        baseline: round(cpu('direct') * 100),
        ratio: round(ratioOf(cpu(layout), cpu('direct')) ?? 0, 2),
        goal: '—',
        status: forwarding ? 'info' : 'MISS',
      },
      {
        benchmark: 'pipe cost',
        metric: `one stream piped ${how}, extra worker CPU`,
        value: round(extraPerStream, 2),
        unit: '% core',
        baseline: null,
        ratio: null,
        goal: '—',
        status: 'info',
      },
    ];
  };
  return {
    name: 'pipe-cost',
    rows: [...row('workers', 'on another worker'), ...row('hosts', 'on another host (SRTP)')],
    details: Object.fromEntries(
      Object.entries(windows).map(([layout, list]) => [
        layout,
        list.map((w) => ({
          cpuPercent: round(w.cpu * 100),
          forwardedMbps: round(w.mbps),
          inputPacketsPerSecond: Math.round(w.packetsPerSecond),
        })),
      ]),
    ),
  };
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

interface Window {
  /** CPU of every worker involved, in cores */
  cpu: number;
  /** what reached the sink */
  mbps: number;
  /** what the sources sent in */
  packetsPerSecond: number;
}

async function measure(layout: Layout): Promise<Window> {
  const sink = await udpSink();
  const sources = await Promise.all(
    Array.from({ length: PRODUCERS }, (_, index) => vp8Source(0x2000 + index, BITRATE)),
  );
  const rig = await build(layout, sink.port, sources);
  try {
    sources.forEach((source, index) => {
      source.start(rig.ports[index] as number);
    });
    await sleep(WARMUP_MS);
    const used = () => rig.workerPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const sent = () => sources.reduce((sum, source) => sum + source.packetsSent(), 0);
    const cpu0 = used();
    const bytes0 = sink.bytes();
    const packets0 = sent();
    const t0 = performance.now();
    await sleep(WINDOW_MS);
    const seconds = (performance.now() - t0) / 1000;
    return {
      cpu: (used() - cpu0) / seconds,
      mbps: ((sink.bytes() - bytes0) * 8) / seconds / 1e6,
      packetsPerSecond: (sent() - packets0) / seconds,
    };
  } finally {
    for (const source of sources) source.stop();
    rig.close();
    sink.close();
  }
}

async function build(layout: Layout, sinkPort: number, sources: Vp8Source[]): Promise<Rig> {
  const workers = await Promise.all(
    Array.from({ length: layout === 'direct' ? 1 : 2 }, () => mediasoup.createWorker({ logLevel: 'warn' })),
  );
  const routers = await Promise.all(workers.map((worker) => worker.createRouter({ mediaCodecs })));
  const sending = routers[0] as types.Router;
  const listening = routers.at(-1) as types.Router;
  const ports: number[] = [];
  const producers: types.Producer[] = [];
  for (const source of sources) {
    const transport = await sending.createPlainTransport({ listenInfo: LOOPBACK, rtcpMux: true, comedia: true });
    producers.push(await transport.produce({ kind: 'video', rtpParameters: rtpParametersOf(source.ssrc) }));
    ports.push(transport.tuple.localPort);
  }
  if (layout === 'workers') {
    for (const producer of producers) {
      await sending.pipeToRouter({ producerId: producer.id, router: listening, listenInfo: LOOPBACK });
    }
  }
  if (layout === 'hosts') await linkLikeHosts(sending, listening, producers);
  for (let index = 0; index < LISTENERS; index++) {
    const transport = await listening.createPlainTransport({ listenInfo: LOOPBACK, rtcpMux: true, ...SRTP });
    await transport.connect({ ip: '127.0.0.1', port: sinkPort, srtpParameters: SINK_SRTP });
    for (const producer of producers) {
      await transport.consume({ producerId: producer.id, rtpCapabilities: listening.rtpCapabilities });
    }
  }
  return {
    workerPids: workers.map((worker) => worker.pid),
    ports,
    close: () => {
      for (const worker of workers) worker.close();
    },
  };
}

/** What RoomLink sets up between two nodes: a PipeTransport each side, SRTP and RTX, same ids. */
async function linkLikeHosts(from: types.Router, to: types.Router, producers: types.Producer[]): Promise<void> {
  const options = { listenInfo: LOOPBACK, enableSrtp: true, enableRtx: true } as const;
  const [near, far] = await Promise.all([from.createPipeTransport(options), to.createPipeTransport(options)]);
  await near.connect({ ip: far.tuple.localAddress, port: far.tuple.localPort, srtpParameters: far.srtpParameters });
  await far.connect({ ip: near.tuple.localAddress, port: near.tuple.localPort, srtpParameters: near.srtpParameters });
  for (const producer of producers) {
    const consumer = await near.consume({ producerId: producer.id });
    await far.produce({ id: producer.id, kind: consumer.kind, rtpParameters: consumer.rtpParameters });
  }
}
