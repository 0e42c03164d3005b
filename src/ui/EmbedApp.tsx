import { describeFilters } from '../domain/filters.ts';
import { ZONING_SINGULAR } from '../domain/zones.ts';
import { selectOffer } from '../state/selectors.ts';
import { selectUrlState, type AppState } from '../state/store.ts';
import { serializeState } from '../url/codec.ts';
import { Guard } from './Guard.tsx';
import { MapLegend } from './MapLegend.tsx';
import { OfferList } from './OfferList.tsx';
import { PointCard } from './PointCard.tsx';
import { useAppStore } from './use-app-store.ts';

/** The same view in the full app: the link's state without `integre`. */
export function fullAppLink(state: AppState, location: Pick<Location, 'origin' | 'pathname'> = window.location): string {
  const { search, hash } = serializeState({ ...selectUrlState(state), integre: false });
  return `${location.origin}${location.pathname}${search}${hash}`;
}

/**
 * The version for an `<iframe>` on a partner's site (`?integre=1`): the map and the list with the
 * link's filters, a one-line summary of them, and a link that opens the same view in the full app.
 */
export function EmbedApp({ mapContainer }: { mapContainer: (element: HTMLDivElement | null) => void }) {
  const status = useAppStore((state) => state.dataStatus);
  const error = useAppStore((state) => state.dataError);
  const site = useAppStore((state) => state.site);
  const filters = useAppStore((state) => state.filters);
  const where = useAppStore((state) => state.where);
  const offer = useAppStore(selectOffer);
  const gazetteer = useAppStore((state) => state.data?.gazetteer);
  const full = useAppStore((state) => fullAppLink(state));
  const zoneName = useAppStore((state) => (state.where.dans ? state.data?.zones[state.where.dans.zoning].features.find((feature) => feature.properties.code === state.where.dans?.code)?.properties.nom : undefined));
  const sourceLabels = new Map((offer?.dataset.sources ?? []).map((source) => [source.id, source.label]));
  const described = describeFilters(filters, sourceLabels, offer?.jobLabels ?? new Map());
  const place = where.place?.kind === 'commune' ? (gazetteer?.byCode.get(where.place.code)?.nom ?? null) : where.place ? 'un point choisi' : null;
  const summary = [
    ...(place ? [`autour de ${place}`] : []),
    ...(where.dans ? [`dans ${ZONING_SINGULAR[where.dans.zoning].toLowerCase()} ${zoneName ?? where.dans.code}`] : []),
    ...described,
  ];
  return (
    <div class="layout embed">
      <header class="embed-header">
        <h1 class="embed-title">
          Carte formation-emploi <span class="embed-region">· Hauts-de-France</span>
        </h1>
        <p class="embed-summary" data-testid="embed-summary">
          {summary.length > 0 ? `Formations : ${summary.join(' · ')}` : 'Toute l’offre de formation de la carte'}
        </p>
        <a class="embed-full" href={full} target="_blank" rel="noopener" data-testid="embed-full">
          Ouvrir la carte complète
        </a>
      </header>
      <main class="map-area">
        <div id="map" ref={mapContainer} role="region" aria-label="Carte des Hauts-de-France" data-status={status} />
        <Guard name="la légende de la carte">
          <MapLegend />
        </Guard>
        <p class="map-attribution">© IGN Admin Express · INSEE · Natural Earth</p>
      </main>
      <aside class="panel" aria-label="Formations de la carte">
        {status === 'loading' && <p role="status">Chargement des données…</p>}
        {status === 'error' && (
          <p role="alert" class="error">
            Les données n'ont pas pu être chargées : {error}
          </p>
        )}
        <Guard name="la fiche du lieu" key={`site:${site ?? ''}`}>
          <PointCard />
        </Guard>
        <Guard name="la liste des formations">
          <OfferList />
        </Guard>
      </aside>
    </div>
  );
}
