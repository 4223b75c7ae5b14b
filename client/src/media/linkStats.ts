import type { LinkQuality, MediaPath } from '@plenary/shared';

/** What a person is shown of their link: the figures behind the grade. */
export interface LinkFigures {
  /** round trip to the server, ms; null until measured */
  rttMs: number | null;
  /** share of packets lost since the last sample, percent; null with nothing sent or received */
  lossPercent: number | null;
  /** what the browser estimates it can send, kbit/s; null on a receive-only transport */
  outgoingKbps: number | null;
}

/** Packets counted so far on a receive transport, to measure loss between two samples. */
export interface PacketCounts {
  received: number;
  lost: number;
}

export interface LinkSample {
  figures: LinkFigures;
  path: MediaPath | null;
  counts: PacketCounts;
}

/** The fields of RTCStats entries read here (they arrive untyped from getStats). */
export type Stat = Record<string, unknown> & { type: string; id: string };

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The pair ICE selected: the transport's `selectedCandidatePairId`, else the nominated succeeded one. */
function selectedPair(stats: readonly Stat[]): Stat | undefined {
  const byId = new Map(stats.map((stat) => [stat.id, stat]));
  for (const stat of stats) {
    if (stat.type === 'transport' && typeof stat.selectedCandidatePairId === 'string') {
      const pair = byId.get(stat.selectedCandidatePairId);
      if (pair) return pair;
    }
  }
  return stats.find((stat) => stat.type === 'candidate-pair' && stat.nominated === true && stat.state === 'succeeded');
}

/** Direct over UDP or TCP, or relayed by TURN over UDP, TCP or TLS (as far as the browser's side goes). */
export function pathOf(local: Stat | undefined): MediaPath | null {
  if (!local) return null;
  if (local.candidateType === 'relay') {
    const relay = local.relayProtocol;
    return relay === 'tls' ? 'relay-tls' : relay === 'tcp' ? 'relay-tcp' : 'relay-udp';
  }
  return local.protocol === 'tcp' ? 'tcp' : local.protocol === 'udp' ? 'udp' : null;
}

/** One getStats() report of a transport, read into figures and a path. */
export function sampleLink(report: Iterable<Stat>, previous: PacketCounts = { received: 0, lost: 0 }): LinkSample {
  const stats = [...report];
  const pair = selectedPair(stats);
  const local = stats.find((stat) => stat.id === pair?.localCandidateId);
  const rtt = num(pair?.currentRoundTripTime);
  const outgoing = num(pair?.availableOutgoingBitrate);
  const counts = { received: 0, lost: 0 };
  const sentLoss: number[] = [];
  for (const stat of stats) {
    if (stat.type === 'inbound-rtp') {
      counts.received += num(stat.packetsReceived) ?? 0;
      counts.lost += Math.max(0, num(stat.packetsLost) ?? 0);
    }
    const fraction = stat.type === 'remote-inbound-rtp' ? num(stat.fractionLost) : null;
    if (fraction !== null) sentLoss.push(fraction * 100);
  }
  const received = counts.received - previous.received;
  const lost = counts.lost - previous.lost;
  const receivedLoss = received + lost > 0 ? (Math.max(0, lost) / (received + lost)) * 100 : null;
  const losses = [...sentLoss, ...(receivedLoss === null ? [] : [receivedLoss])];
  return {
    figures: {
      rttMs: rtt === null ? null : Math.round(rtt * 1000),
      lossPercent: losses.length > 0 ? Math.round(Math.max(...losses) * 10) / 10 : null,
      outgoingKbps: outgoing === null ? null : Math.round(outgoing / 1000),
    },
    path: pathOf(local),
    counts,
  };
}

// Where a call starts to suffer: past these, speech breaks up or lags (fair), or video cannot
// keep up at all (poor). Chromium's bandwidth estimate starts at 300 kbit/s and only climbs as
// more is sent, so a low estimate alone is not held against a link until it is really low.
const FAIR = { rttMs: 250, lossPercent: 2, outgoingKbps: 250 };
const POOR = { rttMs: 500, lossPercent: 8, outgoingKbps: 120 };

/** Good, fair or poor: the worst of the three figures decides; an unmeasured figure does not count. */
export function gradeLink({ rttMs, lossPercent, outgoingKbps }: LinkFigures): LinkQuality {
  const beyond = (limits: typeof FAIR) =>
    (rttMs !== null && rttMs > limits.rttMs) ||
    (lossPercent !== null && lossPercent > limits.lossPercent) ||
    (outgoingKbps !== null && outgoingKbps < limits.outgoingKbps);
  if (beyond(POOR)) return 'poor';
  if (beyond(FAIR)) return 'fair';
  return 'good';
}

/** The worse of two grades: one person's link is as good as their worst transport. */
export function worse(a: LinkQuality, b: LinkQuality): LinkQuality {
  const order: readonly LinkQuality[] = ['good', 'fair', 'poor'];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}
