import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';
import { bbox, booleanPointInPolygon } from '@turf/turf';

export interface ZoneIndex<P extends GeoJsonProperties> {
  /** The zone containing `point` (`[lng, lat]`), or undefined. */
  zoneAt: (point: readonly [number, number]) => Feature<Polygon | MultiPolygon, P> | undefined;
}

/**
 * Indexes polygons by bounding box (Flatbush) so that "which zone is this point in" tests only the
 * few polygons whose box holds the point, not every polygon.
 * @param features - non-overlapping polygons (communes, zones)
 */
export function createZoneIndex<P extends GeoJsonProperties>(features: readonly Feature<Polygon | MultiPolygon, P>[]): ZoneIndex<P> {
  const index = new Flatbush(Math.max(features.length, 1));
  for (const feature of features) {
    const [west, south, east, north] = bbox(feature);
    index.add(west, south, east, north);
  }
  if (features.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return {
    zoneAt: (point) => {
      const [lng, lat] = point;
      for (const candidate of index.search(lng, lat, lng, lat)) {
        const feature = features[candidate];
        if (feature && booleanPointInPolygon([lng, lat], feature)) return feature;
      }
      return undefined;
    },
  };
}
