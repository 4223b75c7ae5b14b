import type { ParticipantId, PeerConnectionInfo, PeerInfo } from '@plenary/shared';

/** Everyone in the room, self included, keyed by participant id. */
export interface RosterSlice {
  peers: Readonly<Record<string, PeerInfo>>;
  /** How each person's media reaches the server, as the server last told (absent: nothing told yet). */
  connections: Readonly<Record<string, PeerConnectionInfo>>;
}

export const initialRoster: RosterSlice = { peers: {}, connections: {} };

export function withConnection(
  connections: RosterSlice['connections'],
  participantId: ParticipantId,
  info: PeerConnectionInfo,
): RosterSlice['connections'] {
  return { ...connections, [participantId]: info };
}

export function withPeer(peers: RosterSlice['peers'], peer: PeerInfo): RosterSlice['peers'] {
  return { ...peers, [peer.participantId]: peer };
}

export function withoutPeer(peers: RosterSlice['peers'], participantId: ParticipantId): RosterSlice['peers'] {
  if (!(participantId in peers)) return peers;
  const { [participantId]: _gone, ...rest } = peers;
  return rest;
}
