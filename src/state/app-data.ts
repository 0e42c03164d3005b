import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Gazetteer } from '../domain/gazetteer.ts';
import type { OfferIndex } from '../domain/offer-index.ts';
import type { Zoning, ZoneProperties } from '../domain/zones.ts';

export type ZoneCollection = FeatureCollection<Polygon | MultiPolygon, ZoneProperties>;
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, { code: string; nom: string }>;

/** What the first map frame needs: the zonings, the region, the grey context around it, the town names. */
export interface Boundaries {
  zones: Readonly<Record<Zoning, ZoneCollection>>;
  region: AreaCollection;
  context: { departements: AreaCollection; pays: AreaCollection };
  /** The communes: town labels on the map, places to search from. */
  gazetteer: Gazetteer;
}

/** What the app loads at start-up: the boundaries, then the offer. */
export interface AppData extends Boundaries {
  /** The default training offer (public/data/trainings.json). */
  offer: OfferIndex;
}
