import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { checkTopology, COMMUNE_OBJECTS } from '../domain/topology-check.ts';
import { readGazetteer } from '../domain/gazetteer.ts';
import { createZoneIndex } from '../geo/zone-index.ts';
import { Locator } from './locator.ts';
import { ok, type Result } from '../domain/result.ts';

/**
 * Builds a Locator from the app's own files (`data/communes.json` and `geo/communes.topo.json`),
 * already parsed; used by the pipeline in Node and by the import worker in the browser.
 */
export function createCommuneLocator(gazetteerData: unknown, communeTopology: unknown, formerNames: ReadonlyMap<string, string> = new Map()): Result<Locator> {
  const gazetteer = readGazetteer(gazetteerData);
  if (!gazetteer.ok) return gazetteer;
  const topology = checkTopology(communeTopology, 'geo/communes.topo.json', COMMUNE_OBJECTS);
  if (!topology.ok) return topology;
  const communes = feature(topology.value, topology.value.objects['communes'] as GeometryCollection) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  const index = createZoneIndex(communes.features);
  return ok(new Locator(gazetteer.value, (point) => index.zoneAt(point)?.properties.code, new Map(), formerNames));
}
