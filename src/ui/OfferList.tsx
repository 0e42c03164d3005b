import { useState } from 'preact/hooks';
import { siteVoie } from '../domain/offer-index.ts';
import { VOIE_LABELS } from '../domain/training.ts';
import { selectSitesInView } from '../state/selectors.ts';
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
  if (!visible) return null;
  return (
    <section class="offer-list" aria-labelledby="offer-list-title">
      <h2 id="offer-list-title" aria-live="polite" data-testid="offer-count">
        {plural(trainings, 'formation')} dans {plural(sites.length, 'lieu', 'lieux')}
        <span class="count"> (dans la vue)</span>
      </h2>
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
