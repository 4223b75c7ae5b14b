// Transitions of the room as this tab sees it. Each is pure, `(state, …) => next state`, so the
// session applies them with `store.setState((state) => joined(state, result))` and tests call
// them directly. Media side effects of the same facts live in `session/`.
import { Fact, type JoinResult } from '@plenary/shared';
import { assertNever } from '../lib/assertNever.ts';
import type { FactEvent } from '../net/facts.ts';
import { type Notice, withNotice, withoutNotice } from './slices/notices.ts';
import { withoutProducer, withoutProducersOf, withProducer, withProducerPaused } from './slices/publications.ts';
import { withoutPeer, withPeer } from './slices/roster.ts';
import { type AppState, initialAppState } from './state.ts';

export function joinStarted(state: AppState, displayName: string): AppState {
  return { ...state, phase: 'joining', displayName, notices: withoutNotice(state.notices, 'join') };
}

/** The join answer is a snapshot: it replaces whatever this tab believed about the room. */
export function joined(state: AppState, result: JoinResult): AppState {
  const selfId = result.self.participantId;
  let peers = withPeer({}, result.self);
  for (const peer of result.peers) peers = withPeer(peers, peer);
  let producers = {};
  for (const producer of result.producers) {
    // Our own producers are described by `localMedia`, not offered back to us.
    if (producer.participantId !== selfId) producers = withProducer(producers, producer);
  }
  return {
    ...state,
    phase: 'joined',
    link: 'online',
    selfId,
    displayName: result.self.displayName,
    peers,
    producers,
    notices: withoutNotice(withoutNotice(state.notices, 'join'), 'connection'),
  };
}

/** Back to the join form, keeping the name; `notice` explains why when it wasn't the person's choice. */
export function left(state: AppState, notice?: Notice): AppState {
  return { ...initialAppState(), displayName: state.displayName, notices: notice ? [notice] : [] };
}

export function joinFailed(state: AppState, message: string): AppState {
  return left(state, { topic: 'join', tone: 'alert', text: message });
}

export function connectionLost(state: AppState): AppState {
  return {
    ...state,
    link: 'reconnecting',
    notices: withNotice(state.notices, { topic: 'connection', tone: 'status', text: 'Connection lost. Reconnecting…' }),
  };
}

export function applyFact(state: AppState, event: FactEvent): AppState {
  switch (event.name) {
    case Fact.peerJoined:
      if (event.payload.participantId === state.selfId) return state;
      return { ...state, peers: withPeer(state.peers, event.payload) };
    case Fact.peerLeft:
      return unlessSame(state, {
        peers: withoutPeer(state.peers, event.payload.participantId),
        producers: withoutProducersOf(state.producers, event.payload.participantId),
      });
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
        notices: withNotice(state.notices, { topic: 'media', tone: 'status', text: 'Reconnecting audio and video…' }),
      };
    default:
      return assertNever(event);
  }
}

/** Returns `state` itself when nothing changed, so the store notifies no one. */
function unlessSame(state: AppState, patch: Partial<AppState>): AppState {
  const keys = Object.keys(patch) as (keyof AppState)[];
  return keys.every((key) => Object.is(patch[key], state[key])) ? state : { ...state, ...patch };
}
