import type { MediaSource, ParticipantId, PeerInfo, ProducerInfo } from '@plenary/shared';
import type { AppState } from './state.ts';

/** Self first, then in the order people arrived (ties broken by id, so the order is stable). */
export function selectParticipantIds(state: AppState): ParticipantId[] {
  return Object.values(state.peers)
    .sort((a, b) => rank(state, a) - rank(state, b) || a.joinedAt - b.joinedAt || compare(a, b))
    .map((peer) => peer.participantId);
}

const rank = (state: AppState, peer: PeerInfo) => (peer.participantId === state.selfId ? 0 : 1);
const compare = (a: PeerInfo, b: PeerInfo) => (a.participantId < b.participantId ? -1 : 1);

export const selectPeer =
  (participantId: ParticipantId) =>
  (state: AppState): PeerInfo | undefined =>
    state.peers[participantId];

function producerOf(state: AppState, participantId: ParticipantId, source: MediaSource): ProducerInfo | undefined {
  return Object.values(state.producers).find(
    (producer) => producer.participantId === participantId && producer.source === source,
  );
}

/** Whether this person's source is reaching the room (self: what we send; others: what they offer). */
export const selectSourceLive =
  (participantId: ParticipantId, source: 'mic' | 'camera') =>
  (state: AppState): boolean => {
    if (participantId === state.selfId) return state.localMedia[source] === 'live';
    const producer = producerOf(state, participantId, source);
    return producer !== undefined && !producer.paused;
  };
