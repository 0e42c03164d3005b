import { PLAN_IGN_ATTRIBUTION } from '../domain/attributions.ts';
import { Guard } from './Guard.tsx';
import { MapLegend } from './MapLegend.tsx';
import { useAppStore } from './use-app-store.ts';

/** The map, its legend and its attribution (the plan's too while it is on): the full app's and the embedded version's. */
export function MapArea({ mapContainer }: { mapContainer: (element: HTMLDivElement | null) => void }) {
  const status = useAppStore((state) => state.dataStatus);
  const plan = useAppStore((state) => state.plan);
  return (
    <main class="map-area">
      <div id="map" ref={mapContainer} role="region" aria-label="Carte des Hauts-de-France" data-status={status} />
      <Guard name="la légende de la carte">
        <MapLegend />
      </Guard>
      <p class="map-attribution">
        © IGN Admin Express · INSEE · Natural Earth{plan.on ? ` · ${PLAN_IGN_ATTRIBUTION}` : ''}
      </p>
    </main>
  );
}

/** "Chargement des données…", or why the data could not be loaded. */
export function DataStatus() {
  const status = useAppStore((state) => state.dataStatus);
  const error = useAppStore((state) => state.dataError);
  if (status === 'loading') return <p role="status">Chargement des données…</p>;
  if (status === 'error')
    return (
      <p role="alert" class="error">
        Les données n'ont pas pu être chargées : {error}
      </p>
    );
  return null;
}
