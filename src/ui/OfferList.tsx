import { deName, formatDistance, lowerFirst, NBSP } from '../domain/typography.ts';
import { useEffect, useState } from 'preact/hooks';
import { nearestJobsWithTrainings, OFFER_GAPS_NOTE } from '../domain/jobs.ts';
import { siteVoie } from '../domain/offer-index.ts';
import { VOIE_LABELS } from '../domain/training.ts';
import { DIMENSION_LABELS, describeFilters, withoutDimension, type Dimension } from '../domain/filters.ts';
import { REGION_CAMERA } from '../domain/view.ts';
import { ZONING_SINGULAR } from '../domain/zones.ts';
import { TRAVEL_MODE_LABELS } from '../geo/travel.ts';
import { selectAskedJobs, selectDansZoneName, selectFilteredOffer, selectFilterResult, selectNearestWayOut, selectOffer, selectPlaceCommuneName, selectReach, selectRelevance, selectSitesInView } from '../state/selectors.ts';
import { formatInteger, plural } from './format.ts';

import { useActions, useAppStore } from './use-app-store.ts';
import { VoieSymbol } from './VoieSymbol.tsx';

const PAGE = 60;

/** The training sites in the map view, as a keyboard-usable list synced with the map. */
export function OfferList() {
  const { sites, trainings, apart, mode } = useAppStore(selectSitesInView);
  const reach = useAppStore(selectReach);
  const where = useAppStore((state) => state.where);
  const placeName = useAppStore(selectPlaceCommuneName) ?? 'ce point';
  const zoneName = useAppStore(selectDansZoneName) ?? '';
  const visible = useAppStore((state) => state.overlays.sites);
  const selected = useAppStore((state) => state.site);
  const hover = useAppStore((state) => state.hover);
  const { selectSite, setHover } = useActions();
  const [shown, setShown] = useState(PAGE);
  const filters = useAppStore((state) => state.filters);
  const offer = useAppStore(selectOffer);
  // With a search or a job, each site shows its most relevant training: why it is listed.
  const ranked = useAppStore(selectRelevance) !== null;
  const jobLabels = offer?.jobLabels ?? new Map<string, string>();
  const searchHits = useAppStore((state) => state.searchHits);
  const [announced, setAnnounced] = useState('');
  const count = `${plural(trainings, 'formation')} dans ${plural(sites.length, 'lieu', 'lieux')}`;
  // The count as it stands once the offer is in (or a file replaces it) and after a change of
  // filters, search or place; camera moves say nothing.
  useEffect(() => setAnnounced(count), [offer, filters, where, searchHits]);
  if (!visible) return null;
  const sourceLabels = new Map((offer?.dataset.sources ?? []).map((source) => [source.id, source.label]));
  const described = describeFilters(filters, sourceLabels, jobLabels);
  return (
    <section class="offer-list" aria-labelledby="offer-list-title">
      {/* Announced once per change of what is asked (filters, search, place), not on every pan of the map. */}
      <p class="visually-hidden" role="status" data-testid="offer-announce">
        {announced}
      </p>
      <h2 id="offer-list-title" data-testid="offer-count">
        {plural(trainings, 'formation')} dans {plural(sites.length, 'lieu', 'lieux')}
        <span class="count">
          {' '}
          ({mode === 'vue' ? 'dans la vue' : ''}
          {reach ? (reach.minutes === null ? `à moins de ${formatInteger(reach.km)} km ${deName(placeName)}` : `à moins de ${reach.minutes} min ${TRAVEL_MODE_LABELS[reach.mode] === 'à pied' ? 'à pied' : `en ${TRAVEL_MODE_LABELS[reach.mode]}`} ${deName(placeName)}, temps estimé`) : ''}
          {where.dans ? `${reach ? ', ' : ''}dans ${lowerFirst(ZONING_SINGULAR[where.dans.zoning])} ${zoneName}` : ''})
        </span>
      </h2>
      {described.length > 0 && (
        <p class="active-filters" data-testid="active-filters">
          Filtres : {described.join(' ; ')}
        </p>
      )}
      {sites.length === 0 && <EmptyState />}
      <ul>
        {sites.slice(0, shown).map(({ site, trainings: list, communeNom, km, minutes }) => {
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
                {ranked && list[0] && (
                  <span class="item-match" data-testid="item-match">
                    {list[0].intitule}
                    {list.length > 1 ? ` (et ${plural(list.length - 1, 'autre')})` : ''}
                  </span>
                )}
                <span class="item-meta">
                  {communeNom} · {plural(list.length, 'formation')} · {voie === 'mixte' ? 'plusieurs voies' : VOIE_LABELS[voie]}
                  {km !== null && (
                    <span class="distance" data-km={km}>
                      {' '}
                      · {formatDistance(km, site.precision !== 'address')}
                      {minutes !== null && reach ? ` · ~${Math.max(1, Math.round(minutes))}${NBSP}min ${reach.mode === 'pied' ? 'à pied' : `en ${TRAVEL_MODE_LABELS[reach.mode]}`}` : ''}
                    </span>
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {apart.length > 0 && (
        <details class="apart" data-testid="apart">
          <summary>Accessible partout (à distance) : {plural(apart.reduce((sum, item) => sum + item.trainings.length, 0), 'formation')}</summary>
          <ul>
            {apart.map(({ site, trainings: list, communeNom }) => (
              <li key={site.id}>
                <button type="button" class="list-item" onClick={() => selectSite(site.id)}>
                  <span class="item-name">{site.nom}</span>
                  <span class="item-meta">
                    {communeNom} · {plural(list.length, 'formation')} à distance
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {sites.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
          Afficher {Math.min(PAGE, sites.length - shown)} lieux de plus ({sites.length - shown} restants)
        </button>
      )}
    </section>
  );
}


/** Why the list is empty, and the nearest way out, one click away. */
function EmptyState() {
  const filters = useAppStore((state) => state.filters);
  const result = useAppStore(selectFilterResult);
  const filtered = useAppStore(selectFilteredOffer);
  const { setFilters, setCamera, setWhere } = useActions();
  const wayOut = useAppStore(selectNearestWayOut);
  const offer = useAppStore(selectOffer);
  // The jobs asked for: the job filter, or the job the search text names ("aide-soignant").
  const asked = useAppStore(selectAskedJobs);
  const reach = useAppStore(selectReach);
  const where = useAppStore((state) => state.where);
  const elsewhere = filtered?.dataset.trainings.length ?? 0;
  if (reach) {
    const asked = reach.minutes === null ? `à ${formatInteger(reach.km)} km` : `à ${reach.minutes} min (temps estimé)`;
    return (
      <div class="empty" role="status" data-testid="empty-state">
        <p>
          Aucune formation {asked}
          {wayOut ? ' — ' : '.'}
          {wayOut && (
            <button type="button" class="link-button" onClick={() => setWhere({ ...where, ...(wayOut.rayon !== null ? { rayon: wayOut.rayon, temps: null } : { temps: wayOut.temps }) })}>
              {plural(wayOut.trainings, 'formation')} à {wayOut.rayon !== null ? `${wayOut.rayon} km` : `${wayOut.temps ?? ''} min`}
            </button>
          )}
        </p>
      </div>
    );
  }
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
  // A job no training of the map leads to, whatever the other filters: say so, and what is near.
  const jobs = offer?.dataset.metiers ?? [];
  const counts = offer?.jobCounts ?? new Map<string, { total: number }>();
  const absent = asked.filter((code) => (counts.get(code)?.total ?? 0) === 0);
  if (asked.length > 0 && absent.length === asked.length) {
    const label = (code: string) => jobs.find((job) => job.code === code)?.libelle ?? `code ROME ${code}`;
    const near = absent.flatMap((code) => nearestJobsWithTrainings(code, jobs, counts)).filter((item, index, all) => all.findIndex((other) => other.job.code === item.job.code) === index);
    return (
      <div class="empty" role="status" data-testid="empty-job" id="message-metier" tabIndex={-1}>
        <p>
          Aucune formation de la carte ne mène au métier {absent.map((code) => `« ${label(code)} » (${code})`).join(', ')}.
        </p>
        <p>{OFFER_GAPS_NOTE}</p>
        {near.length > 0 && (
          <>
            <p>Métiers proches qui ont des formations sur la carte :</p>
            <ul>
              {near.map(({ job, trainings: count }) => (
                <li key={job.code}>
                  <button type="button" class="link-button" data-rome={job.code} onClick={() => setFilters({ ...filters, q: filters.metiers.length > 0 ? filters.q : '', metiers: [job.code] })}>
                    {job.libelle} ({job.code}) → {plural(count, 'formation')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  return (
    <div class="empty" role="status" data-testid="empty-state">
      <p>Aucune formation ne correspond{ways.length > 0 ? ' :' : '.'}</p>
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
      {filters.q.trim() !== '' && <p>{OFFER_GAPS_NOTE}</p>}
    </div>
  );
}
