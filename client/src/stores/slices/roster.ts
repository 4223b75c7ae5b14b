import type { ParticipantId, PeerInfo } from '@plenary/shared';

/** Everyone in the room, self included, keyed by participant id. */
export interface RosterSlice {
  peers: Readonly<Record<string, PeerInfo>>;
}

export const initialRoster: RosterSlice = { peers: {} };

export function withPeer(peers: RosterSlice['peers'], peer: PeerInfo): RosterSlice['peers'] {
  return { ...peers, [peer.participantId]: peer };
}

export function withoutPeer(peers: RosterSlice['peers'], participantId: ParticipantId): RosterSlice['peers'] {
  if (!(participantId in peers)) return peers;
  const { [participantId]: _gone, ...rest } = peers;
  return rest;
}
