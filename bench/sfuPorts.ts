// SFU cost of the media port: one worker forwarding synthetic VP8 streams over real WebRTC transports
// (ICE, DTLS, SRTP), all on the worker's one WebRtcServer port (Plenary now) against a port per
// transport from a range (Plenary before). Part of `sfu-cost`. The far ends are WebRtcTransports
// of a second, unmeasured worker, joined by IceLinks (lib/iceLink.ts) that play the browsers.
import type { types } from 'mediasoup';
import * as mediasoup from 'mediasoup';
import { mediaCodecs } from '../server/src/media/codecs.ts';
import { LOOPBACK_RTC, openRtcServer, portsForSlot } from '../server/src/media/rtcServer.ts';
import { createWebRtcTransport } from '../server/src/media/transports.ts';
import { type IceLink, iceLink } from './lib/iceLink.ts';
import { cpuSeconds } from './lib/proc.ts';
import { type Row, ratioOf, round, verdict } from './lib/result.ts';
import { sleep } from './lib/stats.ts';
import { rtpParametersOf, type Vp8Source, vp8Source } from './lib/vp8Source.ts';

const PRODUCERS = 10;
/** fewer than the plain-RTP rows: every stream here also crosses a relay in this Node process */
const VIEWERS = 30;
const BITRATE = 500_000;
const WARMUP_MS = 2_000;
const WINDOW_MS = 8_000;
const ROUNDS = 3;
const GOAL_CPU_RATIO = 1.05;
const LOOPBACK = { protocol: 'udp', ip: '127.0.0.1' } as const;

type PortMode = 'one port per worker' | 'a port per transport';

interface Window {
  cpu: number;
  mbps: number;
}

export async function portRows(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const shared: Window[] = [];
  const perTransport: Window[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    perTransport.push(await measure('a port per transport'));
    shared.push(await measure('one port per worker'));
  }
  const mean = (windows: Window[], key: keyof Window) => windows.reduce((sum, w) => sum + w[key], 0) / windows.length;
  const ratio = ratioOf(mean(shared, 'cpu'), mean(perTransport, 'cpu'));
  const expectedMbps = (PRODUCERS * VIEWERS * BITRATE) / 1e6;
  const forwarding = mean(shared, 'mbps') >= 0.5 * expectedMbps && mean(perTransport, 'mbps') >= 0.5 * expectedMbps;
  const describe = (w: Window) => ({ cpuPercent: round(w.cpu * 100), forwardedMbps: round(w.mbps) });
  return {
    rows: [
      {
        benchmark: 'SFU cost',
        metric: `worker CPU over WebRTC, one port per worker vs a port per transport (${PRODUCERS} VP8 × ${VIEWERS} viewers)`,
        value: round(mean(shared, 'cpu') * 100),
        unit: '% core',
        baseline: round(mean(perTransport, 'cpu') * 100),
        ratio: ratio && round(ratio, 2),
        goal: `≤ ${GOAL_CPU_RATIO}× a port per transport`,
        status: forwarding ? verdict(ratio !== null && ratio <= GOAL_CPU_RATIO) : 'MISS',
        ...(forwarding ? {} : { note: `forwarded only ${round(mean(shared, 'mbps'))} of ${expectedMbps} Mbit/s` }),
      },
    ],
    details: {
      viewers: VIEWERS,
      expectedMbps,
      onePort: shared.map(describe),
      portPerTransport: perTransport.map(describe),
    },
  };
}

async function measure(mode: PortMode): Promise<Window> {
  const sources = await Promise.all(
    Array.from({ length: PRODUCERS }, (_, index) => vp8Source(0x2000 + index, BITRATE)),
  );
  const rig = await buildRig(mode, sources);
  try {
    sources.forEach((source, index) => {
      source.start(rig.ports[index] as number);
    });
    await sleep(WARMUP_MS);
    const cpu0 = cpuSeconds(rig.workerPid);
    const bytes0 = rig.bytes();
    const t0 = performance.now();
    await sleep(WINDOW_MS);
    const seconds = (performance.now() - t0) / 1000;
    return {
      cpu: (cpuSeconds(rig.workerPid) - cpu0) / seconds,
      mbps: ((rig.bytes() - bytes0) * 8) / seconds / 1e6,
    };
  } finally {
    for (const source of sources) source.stop();
    rig.close();
  }
}

interface Rig {
  workerPid: number;
  /** where each source sends (the far worker's plain transports) */
  ports: number[];
  /** what the measured worker's consumers delivered */
  bytes(): number;
  close(): void;
}

/**
 * Senders: source → plain producer on the far worker → its WebRTC consumer → IceLink → a WebRTC
 * producer on the measured worker. Viewers: a WebRTC transport on the measured worker consuming every
 * producer, linked to a far transport that only completes DTLS (the link counts the media).
 */
async function buildRig(mode: PortMode, sources: Vp8Source[]): Promise<Rig> {
  const worker = await mediasoup.createWorker({ logLevel: 'warn' });
  const far = await mediasoup.createWorker({ logLevel: 'warn' });
  const links: IceLink[] = [];
  const close = () => {
    for (const link of links) link.close();
    worker.close();
    far.close();
  };
  try {
    const router = await worker.createRouter({ mediaCodecs });
    const farRouter = await far.createRouter({ mediaCodecs });
    const server =
      mode === 'one port per worker'
        ? (await openRtcServer(worker, LOOPBACK_RTC, portsForSlot(LOOPBACK_RTC, 0))).server
        : undefined;
    const measuredTransport = (direction: 'send' | 'recv'): Promise<types.WebRtcTransport> =>
      server ? createWebRtcTransport(router, server, direction) : perTransportPorts(router);
    const farTransport = () => farRouter.createWebRtcTransport({ listenInfos: [LOOPBACK] });

    const ports: number[] = [];
    const producers: types.Producer[] = [];
    for (const source of sources) {
      const plain = await farRouter.createPlainTransport({ listenInfo: LOOPBACK, rtcpMux: true, comedia: true });
      const original = await plain.produce({ kind: 'video', rtpParameters: rtpParametersOf(source.ssrc) });
      ports.push(plain.tuple.localPort);
      const sending = await farTransport();
      const receiving = await measuredTransport('send');
      links.push(await iceLink(receiving, sending, { relayMedia: true }));
      const consumer = await sending.consume({ producerId: original.id, rtpCapabilities: router.rtpCapabilities });
      producers.push(await receiving.produce({ kind: 'video', rtpParameters: consumer.rtpParameters }));
    }
    for (let index = 0; index < VIEWERS; index++) {
      const transport = await measuredTransport('recv');
      links.push(await iceLink(transport, await farTransport()));
      for (const producer of producers) {
        await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
      }
    }
    return {
      workerPid: worker.pid,
      ports,
      bytes: () => links.reduce((sum, link) => sum + link.droppedBytes(), 0),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** How Plenary made browser transports before WebRtcServer: UDP and TCP ports of their own. */
function perTransportPorts(router: types.Router): Promise<types.WebRtcTransport> {
  const listen = { ip: '127.0.0.1', portRange: { min: 40_100, max: 49_999 } };
  return router.createWebRtcTransport({
    listenInfos: [
      { protocol: 'udp', ...listen },
      { protocol: 'tcp', ...listen },
    ],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: 1_000_000,
  });
}
