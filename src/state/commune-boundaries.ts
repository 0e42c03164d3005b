import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { checkTopology, COMMUNE_OBJECTS } from '../domain/topology-check.ts';
import { fetchJson } from '../ingest/fetch-json.ts';
import type { AppStore } from './store.ts';

/** Zoom from which commune boundaries are drawn (the layer shows them from 10; loading starts a little before). */
const LOAD_FROM_ZOOM = 9.5;

/**
 * Loads the commune boundaries (446 KB gzipped, not needed at start-up) the first time the map
 * reaches street zooms, and puts them in the store for the map.
 * @returns a function that stops watching
 */
export function startCommuneBoundariesLoader(store: AppStore, baseUrl: string): () => void {
  let started = false;
  const check = () => {
    const zoom = store.getState().camera?.zoom ?? 0;
    if (started || zoom < LOAD_FROM_ZOOM) return;
    started = true;
    void fetchJson(`${baseUrl}geo/communes.topo.json`).then((result) => {
      if (!result.ok) {
        // The map stays usable without them; say it in the console for whoever investigates.
        console.warn(result.error);
        return;
      }
      const topology = checkTopology(result.value, 'geo/communes.topo.json', COMMUNE_OBJECTS);
      if (!topology.ok) {
        console.warn(topology.error);
        return;
      }
      store.getState().setCommuneBoundaries(feature(topology.value, topology.value.objects['communes'] as GeometryCollection) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>);
    });
  };
  check();
  return store.subscribe((state, previous) => {
    if (state.camera !== previous.camera) check();
  });
}
