/** Selectors of the offer and of "where": the loaded offer, the place, its reach, the zone scope. */
import { siteInZone } from '../../domain/gazetteer.ts';
import { indexOffer, mergeDatasets, narrowOffer, type OfferIndex } from '../../domain/offer-index.ts';
import { IMPORTED_SOURCE_ID, type Site, type Training } from '../../domain/training.ts';
import { ZONINGS, type Zoning, type ZoneProperties } from '../../domain/zones.ts';
import { createSiteIndex, forEachWithinDistance, type SiteIndex } from '../../geo/site-index.ts';
import { compareFr } from '../../domain/text.ts';
import { hasActiveFilters } from '../../domain/filters.ts';
import { DISTANCE_ESTIMATOR, type TravelMode } from '../../geo/travel.ts';
import { createZoneIndex, type ZoneIndex } from '../../geo/zone-index.ts';
import { memoizeSelector } from '../memo.ts';
import type { AppState } from '../store.ts';

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
  trainings: readonly Training[];
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
  (state: AppState) => [selectOffer(state), state.where.dans, state.data] as const,
  ([offer, dans, data]): OfferIndex | null => {
    if (!offer || !dans || !data) return offer;
    // In the zone: its commune is (one definition, shared with the zone cards and the choropleths).
    const sites = offer.dataset.sites.filter((site) => siteInZone(site, dans, data.gazetteer));
    const ids = new Set(sites.map((site) => site.id));
    return indexOffer({ ...offer.dataset, sites, trainings: offer.dataset.trainings.filter((training) => ids.has(training.siteId)) });
  },
);

/** The spatial index of the sites (kdbush), once per zone-scoped offer. */
export const selectSiteIndex = memoizeSelector(
  (state: AppState) => [selectZoneScopedOffer(state)] as const,
  ([offer]): SiteIndex<Site> | null => (offer ? createSiteIndex(offer.dataset.sites) : null),
);

/** Sites within reach of the place, with their distance (null when no place). */
export const selectSitesInReach = memoizeSelector(
  (state: AppState) => [selectSiteIndex(state), selectReach(state)] as const,
  ([index, reach]): Map<string, number> | null => {
    if (!index || !reach) return null;
    // Order does not matter here (the list sorts what it shows): no sort, nothing allocated per site.
    const within = new Map<string, number>();
    forEachWithinDistance(index, reach.center, reach.km, (site, km) => within.set(site.id, km));
    return within;
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
    return narrowOffer(offer, (training) => inReach.has(training.siteId) || training.modalite === 'distance');
  },
);

/**
 * Whether the view shows every site of the default offer: no filter, no place, no zone, no file
 * opened. Then the map can draw map-sites.json before the offer is parsed.
 */
export function selectShowsEverySite(state: AppState): boolean {
  return state.imported === null && state.where.place === null && state.where.dans === null && !hasActiveFilters(state.filters);
}

/** Zoom from which the map says which commune its centre is in (the on-map legend's first line). */
export const VIEW_COMMUNE_FROM_ZOOM = 11;

/** The commune boundaries' spatial index (Flatbush), once per load of the boundaries. */
export const selectCommuneIndex = memoizeSelector(
  (state: AppState) => [state.communeBoundaries] as const,
  ([boundaries]): ZoneIndex<{ code: string; nom: string }> | null => (boundaries ? createZoneIndex(boundaries.features) : null),
);

/**
 * The commune at the centre of the view, at street zooms (from the commune boundaries, loaded from
 * zoom 9.5): what orients a person when no town name is in view. Null further out or before the
 * boundaries are in.
 */
export const selectViewCommune = memoizeSelector(
  (state: AppState) => [state.camera, selectCommuneIndex(state), state.data?.gazetteer] as const,
  ([camera, index, gazetteer]): { code: string; nom: string; departement: string } | null => {
    if (!camera || !index || camera.zoom < VIEW_COMMUNE_FROM_ZOOM) return null;
    const found = index.zoneAt(camera.center)?.properties;
    if (!found) return null;
    return { code: found.code, nom: found.nom, departement: gazetteer?.byCode.get(found.code)?.departement ?? found.code.slice(0, 2) };
  },
);

/** The name of the place's commune (its code if unknown), or null when the place is a point or unset. */
export const selectPlaceCommuneName = memoizeSelector(
  (state: AppState) => [state.where.place, state.data?.gazetteer] as const,
  ([place, gazetteer]): string | null => (place?.kind === 'commune' ? (gazetteer?.byCode.get(place.code)?.nom ?? place.code) : null),
);

/** The name of the `dans` zone (its code if unknown), or null without one. */
export const selectDansZoneName = memoizeSelector(
  (state: AppState) => [state.where.dans, state.data?.zones] as const,
  ([dans, zones]): string | null => (dans ? (zones?.[dans.zoning].features.find((feature) => feature.properties.code === dans.code)?.properties.nom ?? dans.code) : null),
);

const NO_JOBS: readonly string[] = [];

/**
 * The jobs (ROME codes) a person asked for: the job filter (`metier=`), or else the job the search
 * text names ("cariste" typed and searched). One definition for the list's "no training leads to
 * this job" and the search box's line under it.
 */
export const selectAskedJobs = memoizeSelector(
  (state: AppState) => [state.filters.metiers, state.filters.q, state.searchHits] as const,
  ([metiers, q, hits]): readonly string[] => {
    if (metiers.length > 0) return metiers;
    return hits?.via === 'metier' && hits.query === q.trim() ? (hits.romes ?? NO_JOBS) : NO_JOBS;
  },
);

/** Whether filters or a search are on: the counts shown follow them, and the cards say so. */
export const selectFiltersOn = (state: AppState): boolean => hasActiveFilters(state.filters);
