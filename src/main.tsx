import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './ui/app.css';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { render } from 'preact';
import { MapAdapter, startMapWorker } from './map/map-adapter.ts';
import { readIndicators } from './domain/indicators.ts';
import { fetchJson } from './ingest/fetch-json.ts';
import { loadBoundaries, loadOffer } from './state/loaders.ts';
import { createAppStore, type AppStore } from './state/store.ts';
import { selectSitesInView } from './state/selectors.ts';
import { startCommuneBoundariesLoader } from './state/commune-boundaries.ts';
import { startSearchService } from './state/search-service.ts';
import { decodeLabour } from './domain/labour.ts';
import { startUrlSync } from './state/url-sync.ts';
import { startDevicePreferences } from './state/device-preferences.ts';
import { App } from './ui/App.tsx';
import { loadEmbedApp } from './ui/lazy-embed.tsx';
import { StoreContext } from './ui/use-app-store.ts';
import { parseState } from './url/codec.ts';
import { markOnce, TIMING_MARKS } from './timing.ts';
import { registerOffline } from './offline/register.ts';
import { MAP_TRIAL } from './map/trials.ts';
import { installTypesetting } from './ui/typesetting.ts';

declare global {
  interface Window {
    /** Handles for the browser tests and for debugging: test builds and the dev server only. */
    carte?: { store: AppStore; adapter: MapAdapter | null };
  }
}

/** `vite build --mode test` and `npm start`; never in the build users download. */
const TEST_HOOKS = import.meta.env.MODE === 'test' || import.meta.env.DEV;

// Every text the UI renders gets French spacing before its punctuation (see ui/typesetting.ts).
installTypesetting();
startMapWorker();
const store = createAppStore(parseState(window.location.search, window.location.hash));
// The embedded version's code comes with the data, not after it.
if (store.getState().integre) void loadEmbedApp();
startUrlSync(store, window);
startDevicePreferences(store);
startSearchService(store, undefined, new URL(`${import.meta.env.BASE_URL}data/metiers.json`, document.baseURI).href);
startCommuneBoundariesLoader(store, import.meta.env.BASE_URL);
let adapter: MapAdapter | null = null;
const debug: NonNullable<Window['carte']> = { store, adapter: null };
if (TEST_HOOKS) window.carte = debug;

/** `carte:pret` once the sites are drawn and the list shows them (or says there is none in view). */
function markWhenListFilled(): void {
  const state = store.getState();
  const filled = !state.overlays.sites || selectSitesInView(state).sites.length === 0 || document.querySelector('[data-site]') !== null;
  if (filled) {
    markOnce(TIMING_MARKS.ready);
    // The offline copy is kept once the map is ready, so it never slows the first visit.
    if (!import.meta.env.DEV) registerOffline(store, import.meta.env.BASE_URL);
  } else requestAnimationFrame(markWhenListFilled);
}

/**
 * The map is created once the boundaries are in (or have failed): its style then carries their data,
 * so MapLibre's worker cuts their tiles once and no empty frame is drawn first (each frame costs a
 * full WebGL frame on a slow machine). The offer follows once the zones are on screen.
 */
let mapContainer: HTMLDivElement | null = null;
let boundariesSettled = false;
let zonesDrawn: () => void = () => undefined;
const firstFrame = new Promise<void>((resolve) => {
  zonesDrawn = resolve;
});

function startMap(): void {
  if (!mapContainer || !boundariesSettled || adapter) return;
  adapter = new MapAdapter(mapContainer, store, fontUrl, {
    readableCanvas: TEST_HOOKS,
    onZonesDrawn: () => {
      markOnce(TIMING_MARKS.firstRender);
      zonesDrawn();
    },
    onSitesShown: () => markOnce(TIMING_MARKS.sitesShown),
    onSitesDrawn: markWhenListFilled,
    // The bench's trial tout-ensemble parses the trainings while the first style's tiles are cut.
    ...(MAP_TRIAL === 'tout-ensemble' ? { onTilesAsked: () => zonesDrawn() } : {}),
  });
  debug.adapter = adapter;
}

function attachMap(element: HTMLDivElement | null): void {
  if (!element) return;
  mapContainer = element;
  startMap();
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(
  <StoreContext.Provider value={store}>
    <App mapContainer={attachMap} />
  </StoreContext.Provider>,
  root,
);

// What the first frame needs downloads first (index.html preloads it): the boundaries, the gazetteer
// and map-sites.json; the trainings are requested once those are in, so that on a slow connection
// they do not share it with them. The boundaries and the gazetteer are parsed first and the map starts
// with them; the offer is parsed once that first frame is on screen (or after 3 s whatever happens,
// so that a map that cannot draw still gets its list).
const boundaries = loadBoundaries(import.meta.env.BASE_URL);
void boundaries.then((result) => {
  if (result.ok) store.getState().setBoundaries(result.value);
  // No zones to wait for: the error is shown at once.
  else zonesDrawn();
  boundariesSettled = true;
  startMap();
});
const FIRST_FRAME_WAIT_MS = 3000;
// A task after the frame, not a microtask inside it: the zones reach the screen before the parsing.
const afterFirstFrame = Promise.race([firstFrame, new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS))]).then(() => new Promise((resolve) => setTimeout(resolve, 0)));
void loadOffer(import.meta.env.BASE_URL, boundaries, afterFirstFrame).then(async (result) => {
  if (!result.ok) {
    store.getState().setDataError(result.error);
    return;
  }
  store.getState().setData(result.value);
  // The indicators and the hiring survey (BMO: bassin cards, hiring choropleths, training cards) are
  // not needed for the first map: they load after it, both at once.
  const [indicators, labour] = await Promise.all([fetchJson(`${import.meta.env.BASE_URL}data/indicators.json`), fetchJson(`${import.meta.env.BASE_URL}data/bmo.json`)]);
  const read = indicators.ok ? readIndicators(indicators.value) : indicators;
  if (read.ok) store.getState().setIndicators(read.value);
  else store.getState().setIndicatorsError(read.error);
  const decoded = labour.ok ? decodeLabour(labour.value) : labour;
  if (decoded.ok) store.getState().setLabour(decoded.value);
  else store.getState().setLabourError(decoded.error);
});
