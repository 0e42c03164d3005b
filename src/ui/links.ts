import { selectUrlState, type AppState } from '../state/store.ts';
import { serializeState, type UrlState } from '../url/codec.ts';

/**
 * The link of what is on screen, as the URL writer writes it (the camera is throttled there), with
 * `overrides`: `{ integre: true }` for a partner's iframe, `{ integre: false }` for the full app.
 */
export function viewLink(state: AppState, overrides: Partial<UrlState> = {}, location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  const { search, hash } = serializeState({ ...selectUrlState(state), ...overrides });
  return `${location.origin}${location.pathname}${search}${hash}`;
}
