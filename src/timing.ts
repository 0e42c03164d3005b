/**
 * Standard User Timing marks, recorded in every build so the app can be measured from outside
 * (`performance.getEntriesByName('carte:pret')`, the bench, DevTools).
 */
export const TIMING_MARKS = {
  /** First frame with the zones drawn. */
  firstRender: 'carte:premier-rendu',
  /** First frame with the training sites on the map (from map-sites.json, or from the offer). */
  sitesShown: 'carte:lieux',
  /** Map drawn with its training sites, and the list filled. */
  ready: 'carte:pret',
} as const;

export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}
