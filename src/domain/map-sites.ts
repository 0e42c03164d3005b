import * as v from 'valibot';
import { ok, type Result } from './result.ts';
import { siteVoie, type SiteVoie } from './offer-index.ts';
import { checkSchema, columns, count, lngLat, locateInRows, nonEmptyText, rowOf, text, versionOf } from './schema.ts';
import type { LocationPrecision, TrainingDataset } from './training.ts';

/**
 * `public/data/map-sites.json`: what the map draws of the default view (every training site, with
 * its symbol and count, and the Alliance Emploi schools), made by the pipeline from the same
 * dataset as `trainings.json`, in ~20 KB gzipped. The map draws it with the zones, before the
 * ~260 KB offer is parsed; once the offer is in, the map checks it against it (a stale file is
 * corrected by a diff, never left on screen). It holds nothing that is not in `trainings.json`.
 */
export const MAP_SITES_FILE = 'map-sites.json';
export const MAP_SITES_VERSION = 1;

export const MAP_SITE_FIELDS = ['id', 'nom', 'lng', 'lat', 'voie', 'formations', 'precision'] as const;
export const MAP_ALLIANCE_FIELDS = ['id', 'nom', 'lng', 'lat'] as const;

export interface MapSite {
  id: string;
  nom: string;
  point: [number, number];
  voie: SiteVoie;
  formations: number;
  precision: LocationPrecision;
}

export interface MapSites {
  sites: MapSite[];
  alliance: { id: string; nom: string; point: [number, number] }[];
}

type SiteRow = [string, string, number, number, SiteVoie, number, LocationPrecision];
type AllianceRow = [string, string, number, number];

export interface EncodedMapSites {
  version: number;
  siteFields: readonly string[];
  sites: SiteRow[];
  allianceFields: readonly string[];
  alliance: AllianceRow[];
}

/** The default view's sites of a dataset (each site with its trainings' symbol and count) and its schools. */
export function encodeMapSites(dataset: TrainingDataset): EncodedMapSites {
  const bySite = new Map<string, TrainingDataset['trainings']>();
  for (const training of dataset.trainings) {
    const list = bySite.get(training.siteId);
    if (list) list.push(training);
    else bySite.set(training.siteId, [training]);
  }
  return {
    version: MAP_SITES_VERSION,
    siteFields: MAP_SITE_FIELDS,
    sites: dataset.sites.map((site): SiteRow => {
      const trainings = bySite.get(site.id) ?? [];
      return [site.id, site.nom, site.point[0], site.point[1], siteVoie(trainings), trainings.length, site.precision];
    }),
    allianceFields: MAP_ALLIANCE_FIELDS,
    alliance: dataset.alliance.map((school): AllianceRow => [school.id, school.nom, school.point[0], school.point[1]]),
  };
}

const SCHEMA = v.object({
  version: v.literal(MAP_SITES_VERSION),
  siteFields: columns(MAP_SITE_FIELDS, 'sites'),
  sites: v.array(rowOf(MAP_SITE_FIELDS, [nonEmptyText, text, lngLat.items[0], lngLat.items[1], v.picklist(['scolaire', 'apprentissage', 'continue', 'mixte']), count, v.picklist(['address', 'commune', 'siege'])])),
  allianceFields: columns(MAP_ALLIANCE_FIELDS, 'alliance'),
  alliance: v.array(rowOf(MAP_ALLIANCE_FIELDS, [nonEmptyText, text, lngLat.items[0], lngLat.items[1]])),
});

/** "lieu uai:…, champ « voie »" or "école Alliance …, champ « lng »". */
function locate(path: readonly (string | number)[], data: unknown): string {
  const file = data as { sites?: unknown[]; alliance?: unknown[] };
  return path[0] === 'alliance'
    ? locateInRows('école Alliance Emploi', MAP_ALLIANCE_FIELDS, () => file.alliance, { table: 'alliance' })(path, data)
    : locateInRows('lieu', MAP_SITE_FIELDS, () => file.sites, { table: 'sites' })(path, data);
}

/** Reads `map-sites.json`; the message names the site or school and the field. */
export function decodeMapSites(data: unknown): Result<MapSites> {
  const version = versionOf(MAP_SITES_FILE, data, MAP_SITES_VERSION);
  if (!version.ok) return version;
  const checked = checkSchema(SCHEMA, data, MAP_SITES_FILE, locate);
  if (!checked.ok) return checked;
  return ok({
    sites: checked.value.sites.map((row) => {
      const [id, nom, lng, lat, voie, formations, precision] = row as SiteRow;
      return { id, nom, point: [lng, lat], voie, formations, precision };
    }),
    alliance: checked.value.alliance.map((row) => {
      const [id, nom, lng, lat] = row as AllianceRow;
      return { id, nom, point: [lng, lat] };
    }),
  });
}
