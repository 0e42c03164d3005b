import 'maplibre-gl/dist/maplibre-gl.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './ui/app.css';
import fontUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import { render } from 'preact';
import { MapAdapter } from './map/map-adapter.ts';
import { loadAppData } from './state/loaders.ts';
import { createAppStore, type AppStore } from './state/store.ts';
import { startUrlSync } from './state/url-sync.ts';
import { App } from './ui/App.tsx';
import { StoreContext } from './ui/use-app-store.ts';
import { parseState } from './url/codec.ts';

declare global {
  interface Window {
    /** Handles for the browser tests and for debugging in the console. */
    carte?: { store: AppStore; adapter: MapAdapter | null };
  }
}

const store = createAppStore(parseState(window.location.search, window.location.hash));
startUrlSync(store, window);
const debug: NonNullable<Window['carte']> = { store, adapter: null };
window.carte = debug;

function attachMap(element: HTMLDivElement | null): void {
  if (element && !debug.adapter) debug.adapter = new MapAdapter(element, store, fontUrl);
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(
  <StoreContext.Provider value={store}>
    <App mapContainer={attachMap} />
  </StoreContext.Provider>,
  root,
);

void loadAppData(import.meta.env.BASE_URL).then((result) => {
  if (result.ok) store.getState().setData(result.value);
  else store.getState().setDataError(result.error);
});
