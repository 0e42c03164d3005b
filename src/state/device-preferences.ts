import type { AppStore } from './store.ts';

/**
 * Choices kept on this device only (localStorage), never in a link: a shared link must not make
 * its recipient's browser call a third party. Today: the detailed plan (IGN tiles).
 */
export const PLAN_PREFERENCE_KEY = 'carte-formation-emploi:plan-detaille';

/** Minimal storage surface, so tests can pass a fake; a browser that refuses storage keeps defaults. */
export interface PreferenceStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

export function readPlanPreference(storage: PreferenceStorage | null): boolean {
  try {
    return storage?.getItem(PLAN_PREFERENCE_KEY) === 'oui';
  } catch {
    return false;
  }
}

export function writePlanPreference(storage: PreferenceStorage | null, on: boolean): void {
  try {
    storage?.setItem(PLAN_PREFERENCE_KEY, on ? 'oui' : 'non');
  } catch {
    // Private browsing may refuse storage: the choice then lasts this visit only.
  }
}

/** The page's storage, or null where it is refused. */
export function deviceStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Applies the kept choice to the store, then keeps the store's choice on the device. */
export function startDevicePreferences(store: AppStore, storage: PreferenceStorage | null = deviceStorage()): () => void {
  if (readPlanPreference(storage)) store.getState().setPlan(true);
  return store.subscribe((state, previous) => {
    if (state.plan.on !== previous.plan.on) writePlanPreference(storage, state.plan.on);
  });
}
