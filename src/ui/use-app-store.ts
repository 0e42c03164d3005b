import { createContext } from 'preact';
import { useContext, useSyncExternalStore } from 'preact/compat';
import type { AppState, AppStore } from '../state/store.ts';

export const StoreContext = createContext<AppStore | null>(null);

/** Reads one slice of the store; the component re-renders when that slice changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a StoreContext provider');
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}

/** The store's actions (stable functions). */
export function useActions(): AppState {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useActions needs a StoreContext provider');
  return store.getState();
}
