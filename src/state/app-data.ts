import type { MapSites } from '../domain/map-sites.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { OfferIndex } from '../domain/offer-index.ts';
import type { Zoning, ZoneProperties } from '../domain/zones.ts';

export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>;
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;

/** What comes first: the zonings, the region and the grey context (the first map frame), and the communes (places to search from). */
export interface Boundaries {
  zones: Readonly<Record<Zoning, ZoneCollection>>;
  region: AreaCollection;
  context: { departements: AreaCollection; pays: AreaCollection };
  /** The communes: places to search from, town labels on the map. */
  gazetteer: Gazetteer;
  /** The default view's sites and Alliance schools (map-sites.json), drawn before the offer is parsed; null when the file failed. */
  firstSites?: MapSites | null;
}

/** What the app loads at start-up: the boundaries, then the offer. */
export interface AppData extends Boundaries {
  /** The default training offer (public/data/trainings.json). */
  offer: OfferIndex;
}
