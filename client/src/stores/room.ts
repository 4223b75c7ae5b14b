// Transitions of the session and of the media room as this tab sees them. Each is pure,
// `(state, …) => next state`, so the session applies them with `store.setState` and tests call
// them directly. Media side effects of the same facts live in `media/mediaController.ts`.
import { Fact, type PeerInfo, type RoomChanged } from '@plenary/shared';
import type { Failure } from '../i18n/message.ts';
import { assertNever } from '../lib/assertNever.ts';
import type { MediaFactEvent } from '../net/facts.ts';
import { type Notice, withNotice, withoutNotice } from './slices/notices.ts';
import { withoutProducer, withoutProducersOf, withProducer, withProducerPaused } from './slices/publications.ts';
import { withConnection, withoutPeer, withPeer } from './slices/roster.ts';
import { type AppState, initialAppState } from './state.ts';

/** The media notice shown while audio and video are rebuilt. */
export const RECONNECTING = { key: 'media.reconnecting' } as const;

export function joinStarted(state: AppState): AppState {
  return { ...state, phase: 'joining', notices: withoutNotice(state.notices, 'join') };
}

/** Out of the workshop, on the same page; `notice` explains why when it wasn't the person's choice. */
export function left(state: AppState, notice?: Notice): AppState {
  // The invites survive leaving: a facilitator who steps out can still hand them out.
  return { ...initialAppState(), route: state.route, invites: state.invites, notices: notice ? [notice] : [] };
}

export function joinFailed(state: AppState, error: Failure): AppState {
  return left(state, { topic: 'join', tone: 'alert', message: { key: 'join.refused', error } });
}

export function connectionLost(state: AppState): AppState {
  return {
    ...state,
    link: 'reconnecting',
    notices: withNotice(state.notices, { topic: 'connection', tone: 'status', message: { key: 'connection.lost' } }),
  };
}

export function connectionBack(state: AppState): AppState {
  return { ...state, link: 'online', notices: withoutNotice(state.notices, 'connection') };
}

/**
 * This tab moved (joined, admitted, sent to a breakout, recalled, visiting): the room's people and
 * what they offer replace the previous room's, which are gone with its media.
 */
export function roomEntered(state: AppState, { whereabouts, room }: RoomChanged): AppState {
  const selfId = state.selfId;
  let peers: AppState['peers'] = {};
  let producers: AppState['producers'] = {};
  if (room && selfId) {
    const self = state.workshop?.participants[selfId];
    // Self first (joinedAt 0); others as the room describes them.
    peers = withPeer(peers, { participantId: selfId, displayName: self?.name ?? '', joinedAt: 0 });
    for (const peer of room.peers) if (peer.participantId !== selfId) peers = withPeer(peers, peer);
    for (const producer of room.producers) {
      // Our own producers are described by `localMedia`, not offered back to us.
      if (producer.participantId !== selfId) producers = withProducer(producers, producer);
    }
  }
  return {
    ...state,
    whereabouts,
    roomId: room?.roomId ?? null,
    peers,
    producers,
    connections: room?.connections ?? {},
    activeSpeakerId: room?.activeSpeakerId ?? null,
  };
}

export function applyMediaFact(state: AppState, event: MediaFactEvent): AppState {
  switch (event.name) {
    case Fact.peerJoined: {
      const others = event.payload.peers.filter((peer: PeerInfo) => peer.participantId !== state.selfId);
      return unlessSame(state, { peers: others.reduce(withPeer, state.peers) });
    }
    case Fact.peerLeft: {
      const gone = event.payload.participantIds;
      return unlessSame(state, {
        peers: gone.reduce(withoutPeer, state.peers),
        producers: gone.reduce(withoutProducersOf, state.producers),
      });
    }
    case Fact.producerAdded:
      if (event.payload.participantId === state.selfId) return state;
      return { ...state, producers: withProducer(state.producers, event.payload) };
    case Fact.producerClosed:
      return unlessSame(state, { producers: withoutProducer(state.producers, event.payload.producerId) });
    case Fact.producerPausedChanged:
      return unlessSame(state, {
        producers: withProducerPaused(state.producers, event.payload.producerId, event.payload.paused),
      });
    case Fact.consumerClosed:
      // Only what this tab receives changes; that lives in `media/`.
      return state;
    case Fact.mediaReconnectRequired:
      // Every producer died with the old router; people re-announce theirs as they rebuild.
      return {
        ...state,
        producers: {},
        notices: withNotice(state.notices, { topic: 'media', tone: 'status', message: RECONNECTING }),
      };
    case Fact.activeSpeakerChanged:
      return unlessSame(state, { activeSpeakerId: event.payload.participantId });
    case Fact.peerMediaStateChanged: {
      const { participantId, state: mediaState, quality } = event.payload;
      return {
        ...state,
        connections: withConnection(state.connections, participantId, { state: mediaState, quality }),
      };
    }
    case Fact.moderated:
      // What it does to our own media is the media controller's job; the notice says who did it.
      return state;
    case Fact.sessionReplaced:
      // The session ends with the disconnect that follows (see workshopSession).
      return state;
    default:
      return assertNever(event);
  }
}

/** Returns `state` itself when nothing changed, so the store notifies no one. */
function unlessSame(state: AppState, patch: Partial<AppState>): AppState {
  const keys = Object.keys(patch) as (keyof AppState)[];
  return keys.every((key) => Object.is(patch[key], state[key])) ? state : { ...state, ...patch };
}
