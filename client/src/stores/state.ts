import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialLocalMedia, type LocalMediaSlice } from './slices/localMedia.ts';
import { initialNotices, type NoticesSlice } from './slices/notices.ts';
import { initialPublications, type PublicationsSlice } from './slices/publications.ts';
import { initialRoster, type RosterSlice } from './slices/roster.ts';
import { initialSession, type SessionSlice } from './slices/session.ts';
import { initialUi, type UiSlice } from './slices/ui.ts';
import { initialWorkshop, type WorkshopSlice } from './slices/workshop.ts';

/**
 * The one client store: plain serialisable data only. Sockets, mediasoup objects and tracks
 * stay outside it (see `media/`); transitions are pure functions in `room.ts` and `workshop.ts`,
 * applied by the session with `store.setState`.
 */
export type AppState = SessionSlice &
  WorkshopSlice &
  RosterSlice &
  PublicationsSlice &
  LocalMediaSlice &
  NoticesSlice &
  UiSlice;

export type AppStore = StoreApi<AppState>;

export function initialAppState(): AppState {
  return {
    ...initialSession,
    ...initialWorkshop,
    ...initialRoster,
    ...initialPublications,
    ...initialLocalMedia,
    ...initialNotices,
    ...initialUi,
  };
}

export function createAppStore(initial: AppState = initialAppState()): AppStore {
  return createStore<AppState>()(() => initial);
}
