import { describeFilters } from '../domain/filters.ts';
import { ZONING_SINGULAR } from '../domain/zones.ts';
import { selectDansZoneName, selectOffer, selectPlaceCommuneName } from '../state/selectors.ts';
import { deName, lowerFirst } from '../domain/typography.ts';
import { viewLink } from './links.ts';
import { Guard } from './Guard.tsx';
import { DataStatus, MapArea } from './MapArea.tsx';
import { OfferList } from './OfferList.tsx';
import { PointCard } from './PointCard.tsx';
import { useAppStore } from './use-app-store.ts';

/**
 * The version for an `<iframe>` on a partner's site (`?integre=1`): the map and the list with the
 * link's filters, a one-line summary of them, and a link that opens the same view in the full app.
 */
export function EmbedApp({ mapContainer }: { mapContainer: (element: HTMLDivElement | null) => void }) {
  const site = useAppStore((state) => state.site);
  const filters = useAppStore((state) => state.filters);
  const where = useAppStore((state) => state.where);
  const offer = useAppStore(selectOffer);
  // The same view in the full app: the link without `integre`.
  const full = useAppStore((state) => viewLink(state, { integre: false }));
  const zoneName = useAppStore(selectDansZoneName);
  const communeName = useAppStore(selectPlaceCommuneName);
  const sourceLabels = new Map((offer?.dataset.sources ?? []).map((source) => [source.id, source.label]));
  const described = describeFilters(filters, sourceLabels, offer?.jobLabels ?? new Map());
  const place = communeName ?? (where.place ? 'un point choisi' : null);
  const summary = [
    ...(place ? [`autour ${deName(place)}`] : []),
    ...(where.dans ? [`dans ${lowerFirst(ZONING_SINGULAR[where.dans.zoning])} ${zoneName ?? ''}`] : []),
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
      <MapArea mapContainer={mapContainer} />
      <aside class="panel" aria-label="Formations de la carte">
        <DataStatus />
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
