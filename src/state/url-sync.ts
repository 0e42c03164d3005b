import { parseState, serializeState, type UrlState } from '../url/codec.ts';
import { selectUrlState, type AppState, type AppStore } from './store.ts';

/** Minimal window surface used here, so tests can pass a fake. */
export interface UrlWindow {
  location: { search: string; hash: string; pathname: string };
  history: { pushState: (data: unknown, unused: string, url: string) => void; replaceState: (data: unknown, unused: string, url: string) => void };
  addEventListener: (type: 'popstate', listener: () => void) => void;
  removeEventListener: (type: 'popstate', listener: () => void) => void;
}

const CAMERA_WRITE_DELAY_MS = 400;

function sameView(a: UrlState, b: UrlState): boolean {
  return serializeState({ ...a, camera: null }).search === serializeState({ ...b, camera: null }).search;
}

/**
 * Keeps the URL and the store in step: a change of what is shown (layer, zone, site) pushes a
 * history entry so Back works; camera moves replace the current entry, throttled. Back/Forward
 * re-applies the URL to the store.
 * @returns a function that stops syncing
 */
export function startUrlSync(store: AppStore, target: UrlWindow): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  const urlOf = (state: AppState): string => {
    const { search, hash } = serializeState(selectUrlState(state));
    return `${target.location.pathname}${search}${hash}`;
  };
  const onPopState = (): void => {
    applying = true;
    store.getState().applyUrlState(parseState(target.location.search, target.location.hash));
    applying = false;
  };
  target.addEventListener('popstate', onPopState);
  const unsubscribe = store.subscribe((state, previous) => {
    if (applying) return;
    const now = selectUrlState(state);
    const before = selectUrlState(previous);
    if (!sameView(now, before)) {
      clearTimeout(timer);
      target.history.pushState(null, '', urlOf(state));
    } else if (now.camera !== before.camera) {
      clearTimeout(timer);
      timer = setTimeout(() => target.history.replaceState(null, '', urlOf(store.getState())), CAMERA_WRITE_DELAY_MS);
    }
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
    target.removeEventListener('popstate', onPopState);
  };
}
