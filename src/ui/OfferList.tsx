import { useState } from 'preact/hooks';
import { siteVoie } from '../domain/offer-index.ts';
import { VOIE_LABELS } from '../domain/training.ts';
import { DIMENSION_LABELS, describeFilters, withoutDimension, type Dimension } from '../domain/filters.ts';
import { selectFilteredOffer, selectFilterResult, selectOffer, selectSitesInView } from '../state/selectors.ts';
import { plural } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';
import { VoieSymbol } from './VoieSymbol.tsx';

const PAGE = 60;

/** The training sites in the map view, as a keyboard-usable list synced with the map. */
export function OfferList() {
  const { sites, trainings } = useAppStore(selectSitesInView);
  const visible = useAppStore((state) => state.overlays.sites);
  const selected = useAppStore((state) => state.site);
  const hover = useAppStore((state) => state.hover);
  const { selectSite, setHover } = useActions();
  const [shown, setShown] = useState(PAGE);
  const filters = useAppStore((state) => state.filters);
  const offer = useAppStore(selectOffer);
  if (!visible) return null;
  const sourceLabels = new Map((offer?.dataset.sources ?? []).map((source) => [source.id, source.label]));
  const described = describeFilters(filters, sourceLabels);
  return (
    <section class="offer-list" aria-labelledby="offer-list-title">
      <h2 id="offer-list-title" aria-live="polite" data-testid="offer-count">
        {plural(trainings, 'formation')} dans {plural(sites.length, 'lieu', 'lieux')}
        <span class="count"> (dans la vue)</span>
      </h2>
      {described.length > 0 && (
        <p class="active-filters" data-testid="active-filters">
          Filtres : {described.join(' ; ')}
        </p>
      )}
      {sites.length === 0 && <EmptyState />}
      <ul>
        {sites.slice(0, shown).map(({ site, trainings: list, communeNom }) => {
          const voie = siteVoie(list);
          const isHovered = hover?.kind === 'site' && hover.site === site.id;
          return (
            <li key={site.id}>
              <button
                type="button"
                class={`list-item${isHovered ? ' is-hovered' : ''}`}
                aria-pressed={selected === site.id}
                data-site={site.id}
                onClick={() => selectSite(selected === site.id ? null : site.id)}
                onMouseEnter={() => setHover({ kind: 'site', site: site.id })}
                onMouseLeave={() => setHover(null)}
                onFocus={() => setHover({ kind: 'site', site: site.id })}
                onBlur={() => setHover(null)}
              >
                <span class="item-name">
                  <VoieSymbol voie={voie} /> {site.nom}
                </span>
                <span class="item-meta">
                  {communeNom} · {plural(list.length, 'formation')} · {voie === 'mixte' ? 'plusieurs voies' : VOIE_LABELS[voie]}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {sites.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
          Afficher {Math.min(PAGE, sites.length - shown)} lieux de plus ({sites.length - shown} restants)
        </button>
      )}
    </section>
  );
}

/** The whole region, where "voir toute la région" takes the camera. */
const REGION_CAMERA = { center: [2.75, 49.95] as [number, number], zoom: 7.2 };

/** Why the list is empty, and the nearest way out, one click away. */
function EmptyState() {
  const filters = useAppStore((state) => state.filters);
  const result = useAppStore(selectFilterResult);
  const filtered = useAppStore(selectFilteredOffer);
  const { setFilters, setCamera } = useActions();
  const elsewhere = filtered?.dataset.trainings.length ?? 0;
  if (elsewhere > 0) {
    return (
      <p class="empty" role="status">
        Aucune formation dans la vue, mais {plural(elsewhere, 'formation')} ailleurs dans la région.{' '}
        <button type="button" class="link-button" onClick={() => setCamera(REGION_CAMERA, 'app')}>
          Voir toute la région
        </button>
      </p>
    );
  }
  const ways = (Object.entries(result.without) as [Dimension, number][]).filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]);
  return (
    <div class="empty" role="status" data-testid="empty-state">
      <p>Aucune formation ne correspond{ways.length > 0 ? ' :' : '.'}</p>
      {ways.length > 0 && (
        <ul>
          {ways.map(([dimension, count]) => (
            <li key={dimension}>
              <button type="button" class="link-button" onClick={() => setFilters(withoutDimension(filters, dimension))}>
                retirer le filtre {DIMENSION_LABELS[dimension]} → {plural(count, 'résultat')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
