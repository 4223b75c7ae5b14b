import { useStore } from 'zustand';
import { type AppState, createAppStore } from './state.ts';

/** The store instance the app renders from. Tests create their own with `createAppStore()`. */
export const appStore = createAppStore();

/** Read with narrow selectors; wrap selectors that build arrays or objects in `useShallow`. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
