/** Selectors of the list: sites in view or in reach, ranked, and the selected point. */
import { type AllianceSchool, type CampusMetiers, type Organisme, type Site, type Training } from '../../domain/training.ts';
import { passes } from '../../domain/filters.ts';
import { forEachWithinDistance } from '../../geo/site-index.ts';
import { compareFr } from '../../domain/text.ts';
import { DISTANCE_ESTIMATOR } from '../../geo/travel.ts';
import { RAYONS, TEMPS } from '../../url/codec.ts';
import { memoizeSelector } from '../memo.ts';
import type { AppState } from '../store.ts';
import { activeFilters, inBounds, selectFilteredOffer, selectTrainingFacets } from './facets.ts';
import { selectOffer, selectReach, selectSiteIndex, selectSitesInReach, selectZoneScopedOffer, type SiteInView } from './offer.ts';

/**
 * The list: sites with matching trainings, with their trainings, most trainings first. Without a
 * place or zone, the sites in the map view (all before the map reports its bounds); with a place,
 * every site within reach, nearest first, each with its distance and estimated time; with `dans`,
 * every site in that zone. Trainings taught at a distance outside the reach are listed apart.
 */
/** Each site's place in French name order, once per offer: lists then sort by numbers, not by collating names again. */
export const selectSiteNameRank = memoizeSelector(
  (state: AppState) => [selectOffer(state)] as const,
  ([offer]): ReadonlyMap<Site, number> => new Map([...(offer?.dataset.sites ?? [])].sort((a, b) => compareFr(a.nom, b.nom)).map((site, rank) => [site, rank])),
);

/**
 * How relevant each training is to what was asked (lower first), or null when nothing ranks:
 * with a search text, its place in the search worker's ranking; with a job filter, the trainings
 * naming the job as their main (first) ROME code before the others.
 */
export const selectRelevance = memoizeSelector(
  (state: AppState) => [state.filters.q, state.filters.metiers, state.searchHits] as const,
  ([q, metiers, searchHits]): ((training: Training) => number) | null => {
    const rank = q.trim() !== '' && searchHits?.query === q.trim() && searchHits.ids !== null ? searchHits.rank : undefined;
    const wanted = new Set(metiers);
    const byJob = (training: Training) => (wanted.has(training.romes?.[0] ?? '') ? 0 : 1);
    if (rank) return wanted.size > 0 ? (training) => (rank.get(training.id) ?? rank.size) * 2 + byJob(training) : (training) => rank.get(training.id) ?? rank.size;
    return wanted.size > 0 ? byJob : null;
  },
);

export const selectSitesInView = memoizeSelector(
  (state: AppState) => [selectFilteredOffer(state), state.bounds, state.overlays.sites, state.data, selectReach(state), selectSitesInReach(state), state.where.dans, selectSiteNameRank(state), selectRelevance(state)] as const,
  ([offer, bounds, visible, data, reach, inReach, dans, nameRank, relevance]): { sites: SiteInView[]; trainings: number; apart: SiteInView[]; mode: 'vue' | 'lieu' | 'zone' } => {
    const mode = reach ? 'lieu' : dans ? 'zone' : 'vue';
    if (!offer || !visible) return { sites: [], trainings: 0, apart: [], mode };
    const inside = (point: [number, number]) => mode !== 'vue' || inBounds(point, bounds);
    const communeNom = (site: Site) => data?.gazetteer.byCode.get(site.commune)?.nom ?? site.commune;
    const sites: SiteInView[] = [];
    const apart: SiteInView[] = [];
    const best = new Map<Site, number>();
    offer.dataset.sites.forEach((site, index) => {
      if (!inside(site.point)) return;
      let trainings = offer.siteTrainings[index] ?? [];
      if (relevance) {
        // The most relevant trainings first in each site; the site ranks by its best one.
        const scored = trainings.map((training) => ({ training, score: relevance(training) }));
        scored.sort((a, b) => a.score - b.score);
        trainings = scored.map((item) => item.training);
        best.set(site, scored[0]?.score ?? Number.MAX_SAFE_INTEGER);
      }
      const km = inReach?.get(site.id);
      if (reach && km === undefined) {
        // Outside the reach, only the trainings taught at a distance are in the offer.
        apart.push({ site, trainings, communeNom: communeNom(site), km: null, minutes: null });
        return;
      }
      const minutes = reach && km !== undefined ? DISTANCE_ESTIMATOR.minutes(km, reach.mode) : null;
      sites.push({ site, trainings, communeNom: communeNom(site), km: km ?? null, minutes });
    });
    // Sorted on numbers computed once per item (distance or training count, then the name's rank).
    const sortBy = (items: SiteInView[], primary: (item: SiteInView) => number): SiteInView[] => {
      const first = new Float64Array(items.length);
      const second = new Float64Array(items.length);
      const order = new Uint32Array(items.length);
      items.forEach((item, index) => {
        first[index] = primary(item);
        second[index] = nameRank.get(item.site) ?? 0;
        order[index] = index;
      });
      order.sort((a, b) => (first[a] ?? 0) - (first[b] ?? 0) || (second[a] ?? 0) - (second[b] ?? 0));
      const sorted: SiteInView[] = [];
      for (const index of order) {
        const item = items[index];
        if (item) sorted.push(item);
      }
      return sorted;
    };
    // With a place, nearest first among the relevant results; else the most relevant, else the fullest.
    const listed = sortBy(sites, reach ? (item) => item.km ?? 0 : relevance ? (item) => best.get(item.site) ?? 0 : (item) => -item.trainings.length);
    return { sites: listed, trainings: listed.reduce((sum, item) => sum + item.trainings.length, 0), apart: sortBy(apart, () => 0), mode };
  },
);

/**
 * With a place and nothing in reach: the smallest radius (or travel time) that finds a matching
 * training, and how many it finds.
 */
export const selectNearestWayOut = memoizeSelector(
  (state: AppState) => [selectReach(state), selectSiteIndex(state), selectZoneScopedOffer(state), selectTrainingFacets(state), state.filters, state.searchHits] as const,
  ([reach, index, offer, facets, filters, searchHits]): { rayon: number | null; temps: number | null; trainings: number } | null => {
    if (!reach || !index || !offer) return null;
    const { hits, active } = activeFilters(filters, searchHits);
    const countWithin = (km: number) => {
      let count = 0;
      forEachWithinDistance(index, reach.center, km, (site) => {
        for (const training of offer.trainingsBySite.get(site.id) ?? []) {
          const profile = facets.profileOf.get(training);
          const facet = profile === undefined ? undefined : facets.profiles[profile];
          if (facet && active.every((dimension) => passes(facet, filters, dimension, hits, training.id))) count += 1;
        }
      });
      return count;
    };
    if (reach.minutes === null) {
      for (const rayon of RAYONS) {
        if (rayon <= reach.km) continue;
        const count = countWithin(rayon);
        if (count > 0) return { rayon, temps: null, trainings: count };
      }
      return null;
    }
    for (const temps of TEMPS) {
      if (temps <= reach.minutes) continue;
      const count = countWithin(DISTANCE_ESTIMATOR.reachKm(temps, reach.mode));
      if (count > 0) return { rayon: null, temps, trainings: count };
    }
    return null;
  },
);

/** Apprenticeship organisations inside the map view (all before the map reports its bounds), by name. */
export const selectOrganismesInView = memoizeSelector(
  (state: AppState) => [selectOffer(state), state.bounds, state.overlays.cfa] as const,
  ([offer, bounds, visible]): Organisme[] => {
    if (!offer || !visible) return [];
    return offer.dataset.organismes.filter((organisme) => inBounds(organisme.point, bounds)).sort((a, b) => compareFr(a.nom, b.nom));
  },
);

export type SelectedPoint =
  | { kind: 'site'; site: Site; trainings: readonly Training[] }
  | { kind: 'organisme'; organisme: Organisme; sites: readonly Site[] }
  | { kind: 'alliance'; school: AllianceSchool }
  | { kind: 'campus'; campus: CampusMetiers };

/** What the `site` selection points at: a training site, an Alliance Emploi school or a campus. */
export const selectSelectedPoint = memoizeSelector(
  (state: AppState) => [selectOffer(state), state.site] as const,
  ([offer, id]): SelectedPoint | null => {
    if (!offer || !id) return null;
    const site = offer.sitesById.get(id);
    if (site) return { kind: 'site', site, trainings: offer.trainingsBySite.get(id) ?? [] };
    const organisme = offer.organismesById.get(id);
    if (organisme) return { kind: 'organisme', organisme, sites: offer.sitesByUai.get(organisme.uai) ?? [] };
    const school = offer.allianceById.get(id);
    if (school) return { kind: 'alliance', school };
    const campus = offer.campusById.get(id);
    return campus ? { kind: 'campus', campus } : null;
  },
);
