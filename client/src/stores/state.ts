import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialLocalMedia, type LocalMediaSlice } from './slices/localMedia.ts';
import { initialNotices, type NoticesSlice } from './slices/notices.ts';
import { initialPublications, type PublicationsSlice } from './slices/publications.ts';
import { initialRoster, type RosterSlice } from './slices/roster.ts';
import { initialSession, type SessionSlice } from './slices/session.ts';

/**
 * The one client store: plain serialisable data only. Sockets, mediasoup objects and tracks
 * stay outside it (see `media/`); transitions are pure functions in `room.ts`, applied by the
 * session with `store.setState`.
 */
export type AppState = SessionSlice & RosterSlice & PublicationsSlice & LocalMediaSlice & NoticesSlice;

export type AppStore = StoreApi<AppState>;

export function initialAppState(): AppState {
  return { ...initialSession, ...initialRoster, ...initialPublications, ...initialLocalMedia, ...initialNotices };
}

export function createAppStore(initial: AppState = initialAppState()): AppStore {
  return createStore<AppState>()(() => initial);
}
