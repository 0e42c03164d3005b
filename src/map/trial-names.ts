/**
 * The speed attempts of issue 18, as variants of the map that only the bench builds
 * (`VITE_MAP_TRIAL=<name> vite build`, see bench/browser-bench.ts). The build users download has
 * none: `MAP_TRIAL` is then `undefined` at build time and every branch on it is dropped.
 *
 * - `cercles`: the sites as one circle layer (coloured by voie, no clusters, no counts, no icons)
 *   until street zoom, where the voie symbols and names take over;
 * - `sans-glyphes-prepares`: glyphs prepared with the style, measured the other way round since the
 *   app keeps it: the app without its glyph prewarm (src/map/glyph-prewarm.ts), as it was before;
 * - `moins-de-symboles`: the cluster counts and the site symbols in one symbol layer instead of two;
 * - `offre-d-abord`: the app without drawing the default view's sites (map-sites.json), Alliance
 *   schools and town names with the zones: all of them come with the parsed offer;
 * - `images-intermediaires`: measured the other way round, since the app keeps it: the app without
 *   its holds on repaints (src/map/repaint-hold.ts), drawing a frame each time MapLibre asks while
 *   the zones are cut into tiles, and again while the town names, sites and schools are after them;
 * - `pret-au-repos`: not a speed attempt but the former measure: "ready" (`carte:pret`) once
 *   MapLibre says "idle", which it does one frame after the frame that completes the map when new
 *   labels came in (it places them again, with the same picture), instead of at that frame;
 * - `tout-ensemble`: one frame for everything: the town names (the 400 largest towns only, those
 *   shown below zoom 10) and map-sites.json in the first style with the zones, and the trainings
 *   parsed while MapLibre's worker cuts their tiles; no frame with the zones alone.
 */
export const MAP_TRIALS = ['cercles', 'sans-glyphes-prepares', 'moins-de-symboles', 'offre-d-abord', 'images-intermediaires', 'pret-au-repos', 'tout-ensemble'] as const;
export type MapTrial = (typeof MAP_TRIALS)[number];

/** What each trial changes, as the bench says it. */
export const TRIAL_WHAT: Readonly<Record<MapTrial, string>> = {
  cercles: 'the sites as one circle layer coloured by voie (no clusters, counts or icons) until zoom 12',
  'sans-glyphes-prepares': "the app before its glyph prewarm (src/map/glyph-prewarm.ts): the font is fetched and each glyph drawn only when the offer's first label tiles ask",
  'moins-de-symboles': 'the cluster counts and the site symbols in one symbol layer instead of two',
  'offre-d-abord': 'the app without map-sites.json: the sites, Alliance schools and town names drawn only once the offer is parsed, after the first frame',
  'images-intermediaires': 'the app without its two holds on repaints (src/map/repaint-hold.ts): a frame each time MapLibre asks while the zones are cut into tiles (each redrawing the background) and while the town names, sites and schools are after them (each redrawing the zones alone)',
  'pret-au-repos': "the app with its former \"ready\": at MapLibre's idle, one frame after the frame that completes the map (that frame places the new labels again and draws the same picture, see first-map.e2e.ts)",
  'tout-ensemble': 'one frame for everything: the zones, the names of the 400 largest towns (a trial only: the app names every town from zoom 10) and map-sites.json in the first style, the trainings parsed while their tiles are cut; no frame with the zones alone',
};

