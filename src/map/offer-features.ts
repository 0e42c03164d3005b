import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import type { MapSites } from '../domain/map-sites.ts';
import { siteVoie, type OfferIndex } from '../domain/offer-index.ts';
import type { AllianceSchool, Site, Training } from '../domain/training.ts';

export interface SiteFeatureProperties {
  id: string;
  nom: string;
  voie: string;
  formations: number;
  precision: string;
}

/** A site's point on the map, from what it shows: its symbol (voie) and its number of trainings. */
function pointFeature(site: Pick<Site, 'id' | 'nom' | 'point' | 'precision'>, voie: string, formations: number): Feature<Point, SiteFeatureProperties> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: site.point }, properties: { id: site.id, nom: site.nom, voie, formations, precision: site.precision } };
}

function siteFeature(site: Site, trainings: readonly Training[]): Feature<Point, SiteFeatureProperties> {
  return pointFeature(site, siteVoie(trainings), trainings.length);
}

/** One point per training site (identified by its `id` property); `formations` is summed by the clusters. */
export function makeSiteFeatures(offer: OfferIndex): FeatureCollection<Point, SiteFeatureProperties> {
  return { type: 'FeatureCollection', features: offer.dataset.sites.map((site, index) => siteFeature(site, offer.siteTrainings[index] ?? [])) };
}

/**
 * The same points from `map-sites.json` (the default view, drawn before the offer is parsed):
 * equal to `makeSiteFeatures` of the offer that file was made with (a data test checks it).
 */
export function makeMapSiteFeatures(mapSites: MapSites): FeatureCollection<Point, SiteFeatureProperties> {
  return { type: 'FeatureCollection', features: mapSites.sites.map((site) => pointFeature(site, site.voie, site.formations)) };
}

/** What the map's site source holds for each site, by site id: enough to tell what changed. */
export type ShownSites = ReadonlyMap<string, Pick<SiteFeatureProperties, 'voie' | 'formations'>>;

export function shownSitesOf(features: FeatureCollection<Point, SiteFeatureProperties>): ShownSites {
  return new Map(features.features.map((feature) => [feature.properties.id, { voie: feature.properties.voie, formations: feature.properties.formations }]));
}

/**
 * The change from the sites the map shows to those of `offer`, as a MapLibre source diff: sites
 * that no longer match are removed, new ones added, and only the counts and symbols that changed
 * are updated. A filter change sends this instead of every site again (at 100,000 sites, copying
 * them all to the map's worker took ~150 ms of the main thread).
 */
export function diffSiteFeatures(shown: ShownSites, offer: OfferIndex): { diff: GeoJSONSourceDiff; shown: ShownSites } {
  const next = new Map<string, Pick<SiteFeatureProperties, 'voie' | 'formations'>>();
  const add: Feature<Point, SiteFeatureProperties>[] = [];
  const update: NonNullable<GeoJSONSourceDiff['update']> = [];
  offer.dataset.sites.forEach((site, index) => {
    const trainings = offer.siteTrainings[index] ?? [];
    const now = { voie: siteVoie(trainings), formations: trainings.length };
    next.set(site.id, now);
    const before = shown.get(site.id);
    if (!before) add.push(siteFeature(site, trainings));
    else if (before.voie !== now.voie || before.formations !== now.formations) {
      update.push({ id: site.id, addOrUpdateProperties: [{ key: 'voie', value: now.voie }, { key: 'formations', value: now.formations }] });
    }
  });
  const remove: string[] = [];
  for (const id of shown.keys()) if (!next.has(id)) remove.push(id);
  return { diff: { remove, add, update }, shown: next };
}

/** Apprenticeship organisations, one point each (at their commune). */
export function makeOrganismeFeatures(offer: OfferIndex): FeatureCollection<Point, { id: string; nom: string }> {
  return {
    type: 'FeatureCollection',
    features: offer.dataset.organismes.map((organisme) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: organisme.point },
      properties: { id: organisme.id, nom: organisme.nom },
    })),
  };
}

/** The Alliance Emploi schools, from the offer (`offer.dataset.alliance`) or from map-sites.json. */
export function makeAllianceFeatures(schools: readonly Pick<AllianceSchool, 'id' | 'nom' | 'point'>[]): FeatureCollection<Point, { id: string; nom: string }> {
  return {
    type: 'FeatureCollection',
    features: schools.map((school) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: school.point },
      properties: { id: school.id, nom: school.nom },
    })),
  };
}

/**
 * The Campus des métiers as networks: a point per commune the source names, and lines from the
 * first-named commune to the others (the source lists no hub; the first is drawn as one).
 */
export function makeCampusFeatures(offer: OfferIndex): {
  lines: FeatureCollection<LineString, { id: string }>;
  points: FeatureCollection<Point, { id: string; nom: string; commune: string }>;
} {
  const lines: Feature<LineString, { id: string }>[] = [];
  const points: Feature<Point, { id: string; nom: string; commune: string }>[] = [];
  for (const campus of offer.dataset.campus) {
    const [hub, ...others] = campus.communes;
    for (const commune of campus.communes) {
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: commune.point }, properties: { id: campus.id, nom: campus.nom, commune: commune.nom } });
    }
    if (!hub) continue;
    for (const other of others) {
      lines.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [hub.point, other.point] }, properties: { id: campus.id } });
    }
  }
  return { lines: { type: 'FeatureCollection', features: lines }, points: { type: 'FeatureCollection', features: points } };
}

/** The hovered and selected points, drawn as rings above everything (even inside a cluster). */
export function makeFocusFeatures(points: readonly { point: [number, number]; role: 'hover' | 'selected' }[]): FeatureCollection<Point, { role: string }> {
  return {
    type: 'FeatureCollection',
    features: points.map((item) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: item.point }, properties: { role: item.role } })),
  };
}
