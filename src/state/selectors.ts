/**
 * The app's memoized selectors, by concern (`src/state/selectors/`): the offer and where, the
 * facets and filter result, the list, the territory (choropleth, indicators), the zone summary.
 */
export * from './selectors/offer.ts';
export * from './selectors/facets.ts';
export * from './selectors/list.ts';
export * from './selectors/territory.ts';
export * from './selectors/zone-summary.ts';
