import { indexOffer, mergeDatasets, narrowOffer, type OfferIndex } from '../domain/offer-index.ts';
import { IMPORTED_SOURCE_ID, type AllianceSchool, type CampusMetiers, type Organisme, type Site, type Training, type Voie } from '../domain/training.ts';
import { COMMUNE_KEYS, ZONINGS, type Zoning, type ZoneProperties } from '../domain/zones.ts';
import { DIMENSIONS, facetsOf, isDimensionActive, passes, type Dimension, type TrainingFacets } from '../domain/filters.ts';
import { themesOf } from '../domain/themes.ts';
import { createSiteIndex, distanceKm, nearestSites, sitesWithinDistance, type SiteIndex } from '../geo/site-index.ts';
import { wholeZoneNote, type IndicatorsFile } from '../domain/indicators.ts';
import { COVERAGE_FACTS } from '../domain/coverage.ts';
import { domainLabel } from '../domain/domains.ts';
import { compareFr, foldText } from '../domain/text.ts';
import type { ZoneReference } from '../domain/zones.ts';
import { weakMapMemoize } from 'reselect';
import type { AppData } from './app-data.ts';
import { classBounds, classOf, divergingBounds, INDICATOR_SPECS, type IndicatorId } from '../domain/territory.ts';
import { INDICATOR_REGISTRY, type IndicatorInputs } from '../domain/indicators/registry.ts';
import { readMetierSelection } from '../domain/labour.ts';
import { CHOROPLETH_PALETTES } from '../domain/theme.ts';
import { DISTANCE_ESTIMATOR, type TravelMode } from '../geo/travel.ts';
import { createZoneIndex, type ZoneIndex } from '../geo/zone-index.ts';
import { RAYONS, TEMPS } from '../url/codec.ts';
import { memoizeSelector } from '../state/memo.ts';
import type { AppState } from '../state/store.ts';

/** Properties of the selected zone, or null. */
export const selectSelectedZone = memoizeSelector(
  (state: AppState) => [state.zone, state.data] as const,
  ([zone, data]): ZoneProperties | null => {
    if (!zone || !data) return null;
    return data.zones[zone.zoning].features.find((feature) => feature.properties.code === zone.code)?.properties ?? null;
  },
);

/** Zones of the zoning currently drawn, sorted by name for the list. */
export const selectListedZones = memoizeSelector(
  (state: AppState) => [state.couche, state.data] as const,
  ([couche, data]): ZoneProperties[] => {
    if (!data || couche === 'aucune') return [];
    return data.zones[couche].features.map((feature) => feature.properties).sort((a, b) => compareFr(a.nom, b.nom));
  },
);

/** Département names by code, for cards. */
export const selectDepartementNames = memoizeSelector(
  (state: AppState) => [state.data] as const,
  ([data]): Map<string, string> => new Map((data?.zones.departement.features ?? []).map((feature) => [feature.properties.code, feature.properties.nom])),
);

/** The offer shown: the default dataset, plus the file opened in this session if any. */
export const selectOffer = memoizeSelector(
  (state: AppState) => [state.data, state.imported] as const,
  ([data, imported]): OfferIndex | null => {
    if (!data) return null;
    if (!imported) return data.offer;
    return indexOffer(mergeDatasets(data.offer.dataset, imported.dataset, IMPORTED_SOURCE_ID));
  },
);

export interface SiteInView {
  site: Site;
  trainings: Training[];
  communeNom: string;
  /** Distance from the place, km, when a place is set. */
  km: number | null;
  /** Estimated travel time from the place, minutes, when a place is set. */
  minutes: number | null;
}

/** Point-in-polygon indexes of the three zonings, once per loaded data. */
export const selectZoneIndexes = memoizeSelector(
  (state: AppState) => [state.data] as const,
  ([data]): Record<Zoning, ZoneIndex<ZoneProperties>> | null =>
    data ? { departement: createZoneIndex(data.zones.departement.features), zone_emploi: createZoneIndex(data.zones.zone_emploi.features), spel: createZoneIndex(data.zones.spel.features), bassin: createZoneIndex(data.zones.bassin.features) } : null,
);

/** The place's point: a commune's representative point, or the rounded position. */
export const selectPlacePoint = memoizeSelector(
  (state: AppState) => [state.where.place, state.data] as const,
  ([place, data]): [number, number] | null => {
    if (!place) return null;
    if (place.kind === 'point') return place.point;
    return data?.gazetteer.byCode.get(place.code)?.point ?? null;
  },
);

/** The zones the place is in (département, zone d'emploi, SPEL), by point-in-polygon. */
export const selectPlaceMemberships = memoizeSelector(
  (state: AppState) => [selectPlacePoint(state), selectZoneIndexes(state)] as const,
  ([point, indexes]): Partial<Record<Zoning, ZoneProperties>> => {
    if (!point || !indexes) return {};
    const found: Partial<Record<Zoning, ZoneProperties>> = {};
    for (const zoning of ZONINGS) {
      const zone = indexes[zoning].zoneAt(point)?.properties;
      if (zone) found[zoning] = zone;
    }
    return found;
  },
);

export interface Reach {
  center: [number, number];
  /** Straight-line distance searched, km. */
  km: number;
  /** Travel time asked, minutes, with its mode; null when searching by radius. */
  minutes: number | null;
  mode: TravelMode;
}

/** How far from the place the list reaches: the radius, or the distance the travel time allows. */
export const selectReach = memoizeSelector(
  (state: AppState) => [selectPlacePoint(state), state.where.rayon, state.where.temps, state.where.mode] as const,
  ([center, rayon, temps, mode]): Reach | null => {
    if (!center) return null;
    return { center, km: temps === null ? rayon : DISTANCE_ESTIMATOR.reachKm(temps, mode), minutes: temps, mode };
  },
);

/** The offer inside the zone named by `dans` (a site's point in the zone's polygon), or all of it. */
export const selectZoneScopedOffer = memoizeSelector(
  (state: AppState) => [selectOffer(state), state.where.dans, selectZoneIndexes(state)] as const,
  ([offer, dans, indexes]): OfferIndex | null => {
    if (!offer || !dans || !indexes) return offer;
    const index = indexes[dans.zoning];
    const sites = offer.dataset.sites.filter((site) => index.zoneAt(site.point)?.properties.code === dans.code);
    const ids = new Set(sites.map((site) => site.id));
    return indexOffer({ ...offer.dataset, sites, trainings: offer.dataset.trainings.filter((training) => ids.has(training.siteId)) });
  },
);

/** The spatial index of the sites (kdbush), once per zone-scoped offer. */
export const selectSiteIndex = memoizeSelector(
  (state: AppState) => [selectZoneScopedOffer(state)] as const,
  ([offer]): SiteIndex<Site> | null => (offer ? createSiteIndex(offer.dataset.sites) : null),
);

/** Sites within reach of the place, with their distance, nearest first (all sites when no place). */
export const selectSitesInReach = memoizeSelector(
  (state: AppState) => [selectSiteIndex(state), selectReach(state)] as const,
  ([index, reach]): Map<string, number> | null => {
    if (!index || !reach) return null;
    return new Map(sitesWithinDistance(index, reach.center, reach.km).map((item) => [item.site.id, item.km]));
  },
);

/**
 * The offer where the person looks: inside the `dans` zone, and within reach of the place (plus,
 * wherever they are, the trainings taught at a distance: "accessible partout").
 */
export const selectWhereOffer = memoizeSelector(
  (state: AppState) => [selectZoneScopedOffer(state), selectSitesInReach(state)] as const,
  ([offer, inReach]): OfferIndex | null => {
    if (!offer || !inReach) return offer;
    return narrowOffer(
      offer,
      offer.dataset.trainings.filter((training) => inReach.has(training.siteId) || training.modalite === 'distance'),
    );
  },
);

/** A training's facets, with its options numbered per dimension (in the order of DIMENSIONS). */
export interface CodedFacets extends TrainingFacets {
  codes: readonly (readonly number[])[];
}

/** Numbered options and the distinct facet profiles; a training's facets are its profile's. */
export interface FacetTable {
  /** The option each number stands for, per dimension. */
  options: readonly (readonly string[])[];
  /** Trainings that no filter but the search can tell apart share a profile: filters are decided once per profile. */
  profiles: readonly CodedFacets[];
  profileOf: ReadonlyMap<Training, number>;
}

/**
 * What each training is, for filtering (domain, level, voies, themes…), once per offer. Options are
 * numbered and identical facets shared, so that a filter change is decided per profile (a few
 * thousand) rather than per training, and counted with array arithmetic.
 */
export const selectTrainingFacets = memoizeSelector(
  (state: AppState) => [selectOffer(state)] as const,
  ([offer]): FacetTable => {
    const numbering = DIMENSIONS.map(() => new Map<string, number>());
    const profileIds = new Map<string, number>();
    const profiles: CodedFacets[] = [];
    const profileOf = new Map<Training, number>();
    for (const training of offer?.dataset.trainings ?? []) {
      const facets = facetsOf(training, themesOf(training));
      const codes = DIMENSIONS.map((dimension, index) => {
        const numbers = numbering[index] ?? new Map<string, number>();
        return facets.keys[dimension].map((key) => {
          const known = numbers.get(key);
          if (known !== undefined) return known;
          numbers.set(key, numbers.size);
          return numbers.size - 1;
        });
      });
      const key = codes.map((list) => list.join(',')).join('|');
      let profile = profileIds.get(key);
      if (profile === undefined) {
        profile = profiles.length;
        profileIds.set(key, profile);
        profiles.push({ ...facets, codes });
      }
      profileOf.set(training, profile);
    }
    return { options: numbering.map((numbers) => [...numbers.keys()]), profiles, profileOf };
  },
);

/**
 * The search hits in force and the dimensions that filter. While a new search runs, the previous
 * results stand (no flash of everything); an empty search text filters nothing.
 */
function activeFilters(filters: AppState['filters'], searchHits: AppState['searchHits']): { hits: ReadonlySet<string> | null; active: Dimension[] } {
  const hits = filters.q.trim() === '' ? null : (searchHits?.ids ?? null);
  return { hits, active: DIMENSIONS.filter((dimension) => (dimension === 'q' ? hits !== null : isDimensionActive(filters, dimension))) };
}

/** Whether a point lies in the map's bounds (`[west, south, east, north]`); everything does before the map reports them. */
function inBounds(point: readonly [number, number], bounds: AppState['bounds']): boolean {
  return !bounds || (point[0] >= bounds[0] && point[0] <= bounds[2] && point[1] >= bounds[1] && point[1] <= bounds[3]);
}

export interface FilterResult {
  /** Whether a training passes every filter, or null when no filter is active (all pass). */
  matching: ((training: Training) => boolean) | null;
  /** How many trainings pass every filter. */
  matchingCount: number;
  /** For each dimension, how many trainings each option would give under the other filters. */
  counts: Readonly<Record<Dimension, ReadonlyMap<string, number>>>;
  /** The search text has been typed but its results are not in yet. */
  searching: boolean;
  /** For each active dimension, how many trainings match when that one filter is removed. */
  without: Readonly<Partial<Record<Dimension, number>>>;
}

/**
 * The one filtered offer every view follows (map, list, zone cards, exports), with live facet
 * counts: for each option, the trainings it would give combined with the other active filters.
 */
export const selectFilterResult = memoizeSelector(
  (state: AppState) => [selectWhereOffer(state), selectTrainingFacets(state), state.filters, state.searchHits, state.searchError] as const,
  ([offer, table, filters, searchHits, searchError]): FilterResult => {
    // A failed search is not "in progress": its error is shown instead.
    const searching = filters.q.trim() !== '' && searchHits?.query !== filters.q.trim() && searchError === null;
    const { hits, active } = activeFilters(filters, searchHits);
    const others = active.filter((dimension) => dimension !== 'q');
    // Trainings of the offer per profile, split by whether the search keeps them.
    const kept = new Uint32Array(table.profiles.length);
    const dropped = new Uint32Array(table.profiles.length);
    for (const training of offer?.dataset.trainings ?? []) {
      const profile = table.profileOf.get(training);
      if (profile === undefined) continue;
      if (hits === null || hits.has(training.id)) kept[profile] = (kept[profile] ?? 0) + 1;
      else dropped[profile] = (dropped[profile] ?? 0) + 1;
    }
    const tallies = table.options.map((options) => new Uint32Array(options.length));
    const passing = new Uint8Array(table.profiles.length);
    const onlyFailing = new Map<Dimension, number>();
    let matchingCount = 0;
    // A group of trainings failing no filter counts for every option; failing one filter, only for
    // that filter's options (they would match without it); failing more, for none.
    const tally = (facets: CodedFacets, count: number, failures: number, failed: Dimension | null) => {
      if (count === 0 || failures > 1) return;
      if (failed === null) matchingCount += count;
      else onlyFailing.set(failed, (onlyFailing.get(failed) ?? 0) + count);
      DIMENSIONS.forEach((dimension, index) => {
        if (failed !== null && dimension !== failed) return;
        const counts = tallies[index];
        for (const code of facets.codes[index] ?? []) if (counts) counts[code] = (counts[code] ?? 0) + count;
      });
    };
    table.profiles.forEach((facets, profile) => {
      const keptCount = kept[profile] ?? 0;
      const droppedCount = dropped[profile] ?? 0;
      if (keptCount + droppedCount === 0) return;
      let failures = 0;
      let failed: Dimension | null = null;
      for (const dimension of others) {
        if (passes(facets, filters, dimension, null, '')) continue;
        failures += 1;
        failed = dimension;
        if (failures > 1) break;
      }
      if (failures === 0) passing[profile] = 1;
      tally(facets, keptCount, failures, failed);
      tally(facets, droppedCount, failures + 1, failures === 0 ? 'q' : failed);
    });
    const counts = Object.fromEntries(
      DIMENSIONS.map((dimension, index) => {
        const counted = tallies[index];
        const options = table.options[index] ?? [];
        return [dimension, new Map(options.flatMap((option, code) => (counted?.[code] ? [[option, counted[code]] as const] : [])))];
      }),
    ) as Record<Dimension, Map<string, number>>;
    const without = Object.fromEntries(active.map((dimension) => [dimension, matchingCount + (onlyFailing.get(dimension) ?? 0)]));
    const matching = (training: Training): boolean => {
      const profile = table.profileOf.get(training);
      return profile !== undefined && passing[profile] === 1 && (hits === null || hits.has(training.id));
    };
    return { matching: active.length === 0 ? null : matching, matchingCount, counts, searching, without };
  },
);

/** The offer as filtered: only matching trainings, and the sites that have at least one. */
export const selectFilteredOffer = memoizeSelector(
  (state: AppState) => [selectWhereOffer(state), selectFilterResult(state).matching] as const,
  ([offer, matching]): OfferIndex | null => {
    if (!offer || matching === null) return offer;
    return narrowOffer(offer, offer.dataset.trainings.filter(matching));
  },
);

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
    for (const site of offer.dataset.sites) {
      if (!inside(site.point)) continue;
      let trainings = offer.trainingsBySite.get(site.id) ?? [];
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
        continue;
      }
      const minutes = reach && km !== undefined ? DISTANCE_ESTIMATOR.minutes(km, reach.mode) : null;
      sites.push({ site, trainings, communeNom: communeNom(site), km: km ?? null, minutes });
    }
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
      for (const { site } of sitesWithinDistance(index, reach.center, km)) {
        for (const training of offer.trainingsBySite.get(site.id) ?? []) {
          const profile = facets.profileOf.get(training);
          const facet = profile === undefined ? undefined : facets.profiles[profile];
          if (facet && active.every((dimension) => passes(facet, filters, dimension, hits, training.id))) count += 1;
        }
      }
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
  | { kind: 'site'; site: Site; trainings: Training[] }
  | { kind: 'organisme'; organisme: Organisme; sites: Site[] }
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

/** Training supply in the selected zone: sites whose commune lies in it, trainings by voie. */
export const selectZoneOffer = memoizeSelector(
  (state: AppState) => [selectZoneSummary(state, state.zone)] as const,
  ([summary]): { sites: number; trainings: number; byVoie: Record<Voie, number> } | null =>
    summary ? { sites: summary.supply.sites, trainings: summary.supply.trainings, byVoie: summary.supply.byVoie } : null,
);

/** The zoning a choropleth is drawn on: the zoning shown, or the départements when none is. */
export const selectChoroplethZoning = (state: AppState): Zoning => (state.couche === 'aucune' ? 'departement' : state.couche);

/** The quarter shown: the one asked for if the data has it, else the latest. */
export const selectQuarter = memoizeSelector(
  (state: AppState) => [state.indicators, state.territory.periode] as const,
  ([indicators, periode]): string | null => {
    const quarters = indicators?.chomage.quarters ?? [];
    return periode && quarters.includes(periode) ? periode : (quarters.at(-1) ?? null);
  },
);

export interface ZoneValue {
  code: string;
  nom: string;
  population: number;
  value: number | null;
}

/** Distance beyond which a commune counts as far from any training (zones blanches), km. */
export const selectWhiteZoneKm = (state: AppState): number => (state.where.temps === null ? state.where.rayon : DISTANCE_ESTIMATOR.reachKm(state.where.temps, state.where.mode));

/** Population of each zone living farther than the threshold from any matching (non-distance) training. */
export const selectFarPopulation = memoizeSelector(
  (state: AppState) => [selectFilteredOffer(state), state.data, selectWhiteZoneKm(state), state.territory.indicateur] as const,
  ([offer, data, km, indicateur]): Map<string, { far: number; total: number }> | null => {
    if (!offer || !data || indicateur !== 'zones-blanches') return null;
    const taught = new Set(offer.dataset.trainings.filter((training) => training.modalite !== 'distance').map((training) => training.siteId));
    const index = createSiteIndex(offer.dataset.sites.filter((site) => taught.has(site.id)));
    const totals = new Map<string, { far: number; total: number }>();
    for (const commune of data.gazetteer.communes) {
      const nearest = nearestSites(index, commune.point, 1)[0];
      const far = !nearest || nearest.km > km;
      for (const code of ZONINGS.map((zoning) => `${zoning}:${commune[COMMUNE_KEYS[zoning]]}`)) {
        const entry = totals.get(code) ?? { far: 0, total: 0 };
        entry.total += commune.population;
        if (far) entry.far += commune.population;
        totals.set(code, entry);
      }
    }
    return totals;
  },
);

/** What the map holds, in words, for the supply indicators' notes. */
const selectHeldSources = memoizeSelector(
  (state: AppState) => [selectOffer(state), state.imported] as const,
  ([offer, imported]): string =>
    `${(offer?.dataset.sources ?? []).filter((source) => !source.role && source.id !== IMPORTED_SOURCE_ID).map((source) => source.label).join(', ')}${imported ? ` et le fichier ${imported.name}` : ''}`,
);

/** Trainings taught in person, and sites with one, per zone of a zoning, for an offer. */
function zoneSupply(offer: OfferIndex | null, data: AppData | null, zoning: Zoning): Map<string, { trainings: number; sites: number }> {
  const supply = new Map<string, { trainings: number; sites: number }>();
  if (!offer || !data) return supply;
  const key = COMMUNE_KEYS[zoning];
  for (const site of offer.dataset.sites) {
    const code = data.gazetteer.byCode.get(site.commune)?.[key];
    if (!code) continue;
    const count = (offer.trainingsBySite.get(site.id) ?? []).filter((training) => training.modalite !== 'distance').length;
    const entry = supply.get(code) ?? { trainings: 0, sites: 0 };
    entry.trainings += count;
    if (count > 0) entry.sites += 1;
    supply.set(code, entry);
  }
  return supply;
}

/** The supply per zone of the choropleth's zoning, for the filtered offer. */
const selectZoneSupply = memoizeSelector(
  (state: AppState) => [selectFilteredOffer(state), state.data, selectChoroplethZoning(state)] as const,
  ([offer, data, zoning]) => zoneSupply(offer, data, zoning),
);

/** The inputs every indicator module reads, for the zoning drawn (see `src/domain/indicators/`). */
export const selectIndicatorInputs = memoizeSelector(
  (state: AppState) => [selectChoroplethZoning(state), state.data, selectZoneSupply(state), selectFarPopulation(state), selectWhiteZoneKm(state), state.indicators, selectQuarter(state), state.labour, state.territory.fap, selectHeldSources(state)] as const,
  ([zoning, data, supply, far, whiteKm, indicators, quarter, labour, fap, held]): IndicatorInputs | null =>
    data ? { zoning, zones: data.zones[zoning].features.map((feature) => feature.properties), supply, far, whiteKm, indicators, quarter, labour, fap: readMetierSelection(fap), held } : null,
);

/**
 * The value of the chosen indicator for every zone of the choropleth's zoning (null where it
 * cannot be computed: unemployment is published per zone d'emploi and per département only, the
 * hiring survey per bassin d'emploi only), by the indicator's module.
 */
export const selectZoneValues = memoizeSelector(
  (state: AppState) => [state.territory.indicateur, selectIndicatorInputs(state)] as const,
  ([indicateur, inputs]): ZoneValue[] => {
    if (!indicateur || !inputs) return [];
    const values = INDICATOR_REGISTRY[indicateur].values(inputs);
    return inputs.zones.map((zone) => ({ code: zone.code, nom: zone.nom, population: zone.population, value: values.get(zone.code) ?? null }));
  },
);

/**
 * The chosen indicator's value for one zone of any zoning (a compared zone, a card), by its module;
 * null when none is chosen, the zone has no value, or the data is not loaded.
 */
export function indicatorValueOf(state: AppState, reference: ZoneReference): { label: string; unit: string; value: number | null; source: string } | null {
  // One answer per state and zone: readers get the same object until the state changes.
  const key = `${reference.zoning}:${reference.code}`;
  const cached = indicatorValueCache.get(state);
  if (cached?.has(key)) return cached.get(key) ?? null;
  const value = computeIndicatorValue(state, reference);
  (cached ?? indicatorValueCache.set(state, new Map()).get(state))?.set(key, value);
  return value;
}

const indicatorValueCache = new WeakMap<AppState, Map<string, ReturnType<typeof computeIndicatorValue>>>();

function computeIndicatorValue(state: AppState, reference: ZoneReference): { label: string; unit: string; value: number | null; source: string } | null {
  const indicateur = state.territory.indicateur;
  const base = selectIndicatorInputs(state);
  if (!indicateur || !base || !state.data) return null;
  const module = INDICATOR_REGISTRY[indicateur];
  const inputs: IndicatorInputs =
    reference.zoning === base.zoning ? base : { ...base, zoning: reference.zoning, zones: state.data.zones[reference.zoning].features.map((feature) => feature.properties), supply: zoneSupply(selectFilteredOffer(state), state.data, reference.zoning) };
  return { label: module.label, unit: module.unit, value: module.values(inputs).get(reference.code) ?? null, source: module.source(inputs) };
}

/** What the legend says of the chosen indicator: its source, its notes, why a zone has no data. */
export const selectIndicatorText = memoizeSelector(
  (state: AppState) => [state.territory.indicateur, selectIndicatorInputs(state)] as const,
  ([indicateur, inputs]): { source: string; notes: string[]; noData: string } | null => {
    if (!indicateur || !inputs) return null;
    const module = INDICATOR_REGISTRY[indicateur];
    return { source: module.source(inputs), notes: module.notes(inputs), noData: module.noData(inputs) };
  },
);

export interface Choropleth {
  indicateur: IndicatorId;
  zoning: Zoning;
  values: ZoneValue[];
  bounds: number[];
  /** Class of each zone code (absent: no data). */
  classes: Map<string, number>;
  /** Zones per class, for the legend. */
  counts: number[];
  noData: number;
  palette: readonly string[];
}

/** Classes and colours of the choropleth (quantiles, equal intervals or natural breaks; diverging for changes). */
export const selectChoropleth = memoizeSelector(
  (state: AppState) => [state.territory.indicateur, selectChoroplethZoning(state), selectZoneValues(state), state.territory.classes] as const,
  ([indicateur, zoning, values, method]): Choropleth | null => {
    if (!indicateur) return null;
    const spec = INDICATOR_SPECS[indicateur];
    const numbers = values.flatMap((zone) => (zone.value === null ? [] : [zone.value]));
    const bounds = spec.scale === 'divergent' ? divergingBounds(numbers) : classBounds(numbers, method);
    const classes = new Map<string, number>();
    const counts = Array.from({ length: Math.max(0, bounds.length - 1) }, () => 0);
    for (const zone of values) {
      if (zone.value === null) continue;
      const index = classOf(zone.value, bounds);
      classes.set(zone.code, index);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    const palette = CHOROPLETH_PALETTES[spec.scale === 'divergent' ? 'divergent' : 'sequentiel'];
    return { indicateur, zoning, values, bounds, classes, counts, noData: values.length - classes.size, palette: counts.length === 5 ? palette : palette.slice(0, counts.length) };
  },
);

export interface ZoneSummary {
  reference: ZoneReference;
  zone: ZoneProperties;
  /** The zone's most populated commune: where "nearest" is measured from. */
  mainCommune: { code: string; nom: string; point: [number, number] } | null;
  unemployment: { value: number | null; quarter: string; rank: number | null; of: number; series: (number | null)[]; quarters: string[]; source: string; note?: string | null } | null;
  supply: { sites: number; trainings: number; byVoie: Record<Voie, number>; byDomain: [string, number][] };
  alliance: { school: AllianceSchool; km: number } | null;
  campus: CampusMetiers[];
  /** Named among the Plan Marshall priority basins of the facts table. */
  marshall: boolean;
  /** Those basins and their source, as the facts table gives them. */
  marshallBasins: { names: string[]; source: string } | null;
}

const summarize = weakMapMemoize(
  (reference: ZoneReference, data: AppData, offer: OfferIndex, indicators: IndicatorsFile | null, quarter: string | null): ZoneSummary | null => {
    const zone = data.zones[reference.zoning].features.find((feature) => feature.properties.code === reference.code)?.properties;
    if (!zone) return null;
    const key = COMMUNE_KEYS[reference.zoning];
    const communes = data.gazetteer.communes.filter((commune) => commune[key] === reference.code);
    const main = [...communes].sort((a, b) => b.population - a.population)[0];
    const inZone = new Set(communes.map((commune) => commune.code));
    const byVoie: Record<Voie, number> = { scolaire: 0, apprentissage: 0, alternance: 0, continue: 0 };
    const byDomainMap = new Map<string, number>();
    let sites = 0;
    let trainings = 0;
    for (const site of offer.dataset.sites) {
      if (!inZone.has(site.commune)) continue;
      const list = offer.trainingsBySite.get(site.id) ?? [];
      sites += 1;
      trainings += list.length;
      for (const training of list) {
        for (const voie of training.voies) byVoie[voie] += 1;
        const domain = domainLabel(training.domaine);
        byDomainMap.set(domain, (byDomainMap.get(domain) ?? 0) + 1);
      }
    }
    let unemployment: ZoneSummary['unemployment'] = null;
    if (indicators && reference.zoning === 'zone_emploi' && quarter) {
      const at = indicators.chomage.quarters.indexOf(quarter);
      const rates = Object.entries(indicators.chomage.zonesEmploi).map(([code, series]) => [code, series[at] ?? null] as const);
      const value = indicators.chomage.zonesEmploi[reference.code]?.[at] ?? null;
      const ranked = rates.filter(([, rate]) => rate !== null).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
      const description = indicators.descriptions.find((item) => item.id === 'chomage');
      unemployment = {
        value,
        quarter,
        rank: value === null ? null : ranked.findIndex(([code]) => code === reference.code) + 1,
        of: ranked.length,
        series: indicators.chomage.zonesEmploi[reference.code] ?? [],
        quarters: indicators.chomage.quarters,
        source: description ? `${description.source}, ${description.licence}` : 'Insee',
        note: wholeZoneNote(indicators, reference.code),
      };
    } else if (indicators && reference.zoning === 'departement') {
      const fact = indicators.chomage.departements[reference.code];
      const ranked = Object.entries(indicators.chomage.departements).sort((a, b) => b[1].taux - a[1].taux);
      if (fact) unemployment = { value: fact.taux, quarter: fact.trimestre, rank: ranked.findIndex(([code]) => code === reference.code) + 1, of: ranked.length, series: [], quarters: [], source: fact.source };
    }
    const origin = main?.point ?? null;
    const alliance = origin
      ? (offer.dataset.alliance.map((school) => ({ school, km: distanceKm(origin, school.point) })).sort((a, b) => a.km - b.km)[0] ?? null)
      : null;
    const campus = offer.dataset.campus.filter((item) => item.communes.some((commune) => inZone.has(commune.code)));
    const basinsFact = offer.dataset.facts.find((fact) => fact.indicateur === COVERAGE_FACTS.bassinsMarshall);
    const names = (basinsFact?.texte ?? '').split(';').map((name) => name.trim()).filter(Boolean);
    const marshall = reference.zoning === 'zone_emploi' && names.some((name) => foldText(name) === foldText(zone.nom));
    return {
      reference,
      zone,
      mainCommune: main ? { code: main.code, nom: main.nom, point: main.point } : null,
      unemployment,
      supply: { sites, trainings, byVoie, byDomain: [...byDomainMap].sort((a, b) => b[1] - a[1]).slice(0, 5) },
      alliance,
      campus,
      marshall,
      marshallBasins: basinsFact ? { names, source: `${basinsFact.source}, ${basinsFact.periode}` } : null,
    };
  },
);

/** "L'essentiel" of a zone: population, unemployment and its rank, supply, schools, campus, Plan Marshall. */
export function selectZoneSummary(state: AppState, reference: ZoneReference | null): ZoneSummary | null {
  const offer = selectFilteredOffer(state);
  if (!reference || !state.data || !offer) return null;
  return summarize(reference, state.data, offer, state.indicators, selectQuarter(state));
}

/** The zones compared (`comparer`), summarised. */
export const selectComparison = memoizeSelector(
  (state: AppState) => [state.territory.comparer, state.data, selectFilteredOffer(state), state.indicators, selectQuarter(state)] as const,
  ([references, data, offer, indicators, quarter]): ZoneSummary[] =>
    !data || !offer ? [] : references.flatMap((reference) => summarize(reference, data, offer, indicators, quarter) ?? []),
);
