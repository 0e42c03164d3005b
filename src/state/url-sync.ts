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

/** Typing a search within this time of the last keystroke rewrites the same history entry. */
const TYPING_MS = 2000;

const queryOf = (state: UrlState): string => serializeState({ ...state, camera: null }).search;
const sameQuery = (a: UrlState, b: UrlState): boolean => queryOf(a) === queryOf(b);
/** Whether two states differ only by their search text. */
const onlySearchText = (a: UrlState, b: UrlState): boolean => a.filters.q !== b.filters.q && sameQuery(a, { ...b, filters: { ...b.filters, q: a.filters.q } });
const samePins = (a: UrlState, b: UrlState): boolean => a.pinned.join(',') === b.pinned.join(',');
/** A position sits in the hash, so a change of it is not seen in the query. */
const samePlace = (a: UrlState, b: UrlState): boolean => JSON.stringify(a.where.place) === JSON.stringify(b.where.place);

/**
 * Keeps the URL and the store in step: a change of what is shown (layer, zone, site, a filter,
 * a pin) pushes a history entry so Back works; typing a search pushes one entry per burst of
 * typing; camera moves and the counsellor's note replace the current entry, throttled.
 * Back/Forward re-applies the URL to the store.
 * @returns a function that stops syncing
 */
export function startUrlSync(store: AppStore, target: UrlWindow): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  let lastTyping = Number.NEGATIVE_INFINITY;
  const urlOf = (state: AppState): string => {
    const { search, hash } = serializeState(selectUrlState(state));
    return `${target.location.pathname}${search}${hash}`;
  };
  const onPopState = (): void => {
    // A camera write still waiting belongs to the entry left: it must not land on the one restored.
    clearTimeout(timer);
    lastTyping = Number.NEGATIVE_INFINITY;
    applying = true;
    store.getState().applyUrlState(parseState(target.location.search, target.location.hash));
    applying = false;
  };
  target.addEventListener('popstate', onPopState);
  const unsubscribe = store.subscribe((state, previous) => {
    if (applying) return;
    const now = selectUrlState(state);
    const before = selectUrlState(previous);
    if (!sameQuery(now, before)) {
      clearTimeout(timer);
      const typing = onlySearchText(now, before);
      const time = Date.now();
      if (typing && time - lastTyping < TYPING_MS) target.history.replaceState(null, '', urlOf(state));
      else target.history.pushState(null, '', urlOf(state));
      lastTyping = typing ? time : Number.NEGATIVE_INFINITY;
    } else if (!samePins(now, before) || !samePlace(now, before)) {
      clearTimeout(timer);
      target.history.pushState(null, '', urlOf(state));
    } else if (now.camera !== before.camera || now.note !== before.note) {
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
