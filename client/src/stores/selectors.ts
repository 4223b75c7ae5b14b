import {
  type BreakoutRoom,
  type BreakoutSet,
  isChair,
  type MediaSource,
  type Participant,
  type ParticipantId,
  type PeerInfo,
  type ProducerInfo,
  type RoomId,
  type WorkshopView,
} from '@plenary/shared';
import { browserTimeZone } from '../lib/time.ts';
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

export const selectSelf = (state: AppState): Participant | undefined =>
  state.selfId ? state.workshop?.participants[state.selfId] : undefined;

export const selectIsChair = (state: AppState): boolean => {
  const self = selectSelf(state);
  return self !== undefined && isChair(self.role);
};

/** The viewer's own zone (from their profile), in which every time is shown. */
export const selectViewerTimeZone = (state: AppState): string => selectSelf(state)?.timeZone ?? browserTimeZone();

/** A breakout room and its set, by id, in any set. */
export function findBreakoutRoom(
  workshop: WorkshopView,
  roomId: RoomId,
): { set: BreakoutSet; room: BreakoutRoom } | undefined {
  for (const set of workshop.breakouts.sets) {
    const room = set.rooms.find((candidate) => candidate.id === roomId);
    if (room) return { set, room };
  }
  return undefined;
}

/** What the screen shows: the lobby, the plenary, or a breakout room (as a member or a visitor). */
export type Place =
  | { kind: 'lobby' }
  | { kind: 'plenary'; roomId: RoomId }
  /** `roomName` is null for a room this tab does not know (yet): the screen calls it a breakout room. */
  | { kind: 'breakout'; roomId: RoomId; roomName: string | null; visiting: boolean };

export function selectPlace(state: AppState): Place {
  const { whereabouts, workshop, roomId } = state;
  if (!whereabouts || !workshop || whereabouts.location.kind === 'lobby' || whereabouts.location.kind === 'offline') {
    return { kind: 'lobby' };
  }
  const target = roomId ?? whereabouts.visiting ?? whereabouts.location.roomId;
  if (target === workshop.plenaryRoomId) return { kind: 'plenary', roomId: target };
  return {
    kind: 'breakout',
    roomId: target,
    roomName: findBreakoutRoom(workshop, target)?.room.name ?? null,
    visiting: whereabouts.visiting === target,
  };
}

/** People waiting in the lobby, in order of arrival. */
export function selectWaiting(state: AppState): Participant[] {
  return Object.values(state.workshop?.participants ?? {})
    .filter((participant) => !participant.admitted && participant.connected)
    .sort((a, b) => a.registeredAt - b.registeredAt);
}
