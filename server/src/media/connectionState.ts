import { MEDIA_PATHS, type MediaPath, type PeerMediaState } from '@plenary/shared';
import type { types } from 'mediasoup';

/** What the server sees of one WebRTC transport. */
export interface TransportView {
  iceState: types.IceState;
  dtlsState: types.DtlsState;
  /** epoch ms */
  createdAt: number;
}

/** How long a new transport may take to connect before its owner's media is "not connected". */
export const CONNECT_DEADLINE_MS = 8_000;

/**
 * A person's media as the room is told it: through once every transport has DTLS connected; not
 * connected when one failed, lost its ICE path, or did not connect in time (a blocked network never
 * fails at the server: its transport just stays `new`).
 */
export function peerMediaState(transports: readonly TransportView[], now: number): PeerMediaState {
  if (transports.length === 0) return 'connecting';
  const lost = transports.some(
    ({ iceState, dtlsState }) =>
      iceState === 'disconnected' || iceState === 'closed' || dtlsState === 'failed' || dtlsState === 'closed',
  );
  if (lost) return 'notConnected';
  if (transports.every(({ dtlsState }) => dtlsState === 'connected')) return 'connected';
  const late = transports.some(
    ({ dtlsState, createdAt }) => dtlsState !== 'connected' && now - createdAt >= CONNECT_DEADLINE_MS,
  );
  return late ? 'notConnected' : 'connecting';
}

/** One transport for /metrics: the path its client reported, else what its selected tuple says. */
export interface PathView {
  reported: MediaPath | undefined;
  /** the protocol of mediasoup's `iceSelectedTuple`; undefined while ICE has no path */
  tupleProtocol: 'udp' | 'tcp' | undefined;
}

/**
 * Transports by path. The server cannot tell a relayed path from a direct one (TURN's relay talks to
 * it like any peer), so the client's report wins; without one, the tuple's protocol is the direct path.
 */
export function countPaths(transports: Iterable<PathView>): Record<MediaPath, number> {
  const counts = Object.fromEntries(MEDIA_PATHS.map((path) => [path, 0])) as Record<MediaPath, number>;
  for (const { reported, tupleProtocol } of transports) {
    const path = reported ?? tupleProtocol;
    if (path) counts[path] += 1;
  }
  return counts;
}

export function pathMetrics(counts: Record<MediaPath, number>): string[] {
  return MEDIA_PATHS.map((path) => `plenary_transports{path="${path}"} ${counts[path]}`);
}
