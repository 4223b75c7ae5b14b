import { MEDIA_PATHS, type MediaPath, type PeerMediaState } from '@plenary/shared';
import type { types } from 'mediasoup';

/** What the server sees of one WebRTC transport. */
export interface TransportView {
  iceState: types.IceState;
  dtlsState: types.DtlsState;
  /** when its client connected it (sent DTLS parameters: ICE starts); null while unused */
  connectingSince: number | null;
}

/** How long a transport may take from its client's connect to DTLS connected before its owner's media is "not connected". */
export const CONNECT_DEADLINE_MS = 8_000;

/**
 * A person's media as the room is told it: through once every transport in use has DTLS connected;
 * not connected when one failed, lost its ICE path, or did not connect in time (a blocked network
 * never fails at the server: its transport just stays `new`). A transport its client has not
 * connected yet (nothing to send or receive on it) does not count.
 */
export function peerMediaState(all: readonly TransportView[], now: number): PeerMediaState {
  const transports = all.filter(({ connectingSince }) => connectingSince !== null);
  if (transports.length === 0) return 'connecting';
  const lost = transports.some(
    ({ iceState, dtlsState }) =>
      iceState === 'disconnected' || iceState === 'closed' || dtlsState === 'failed' || dtlsState === 'closed',
  );
  if (lost) return 'notConnected';
  if (transports.every(({ dtlsState }) => dtlsState === 'connected')) return 'connected';
  const late = transports.some(
    ({ dtlsState, connectingSince }) =>
      dtlsState !== 'connected' && connectingSince !== null && now - connectingSince >= CONNECT_DEADLINE_MS,
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
