import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { createZoneIndex, type ZoneIndex } from './zone-index.ts';

const cache = new WeakMap<Topology, Map<string, ZoneIndex<{ code: string }>>>();

/**
 * The code of the zone of `objectName` (départements, zones_emploi, spel…) holding a point, by
 * point-in-polygon on the topology; undefined outside every zone. The index of each object is
 * built once per topology.
 */
export function zoneAt(topology: Topology, objectName: string, point: readonly [number, number]): string | undefined {
  let byObject = cache.get(topology);
  if (!byObject) {
    byObject = new Map();
    cache.set(topology, byObject);
  }
  let index = byObject.get(objectName);
  if (!index) {
    const object = topology.objects[objectName];
    if (!object) return undefined;
    const collection = feature(topology, object) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
    index = createZoneIndex(collection.features);
    byObject.set(objectName, index);
  }
  return index.zoneAt(point)?.properties.code;
}
