import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bboxClip } from '@turf/turf';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology } from 'topojson-specification';

/** What the basemap shows around the region: [west, south, east, north]. */
export const CONTEXT_BBOX: [number, number, number, number] = [-1.5, 47.6, 6.2, 52.2];

/** Natural Earth (world-atlas) ids of the countries around the region, with French names. */
const NEIGHBOUR_COUNTRIES: Readonly<Record<string, string>> = {
  '056': 'Belgique',
  '826': 'Royaume-Uni',
  '528': 'Pays-Bas',
  '442': 'Luxembourg',
  '276': 'Allemagne',
};

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

/**
 * The grey context of the basemap: départements around the region and the neighbouring countries,
 * clipped to CONTEXT_BBOX and simplified. The sea is the map background.
 */
export function buildContext(
  departements: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>,
  regionDepartements: readonly string[],
  countries: unknown,
): Topology {
  const neighbours = departements.features
    .filter((item) => !regionDepartements.includes(String(item.properties['code'])))
    .map((item) => clip(item, { code: String(item.properties['code']), nom: String(item.properties['nom']) }))
    .filter((item): item is Area => item !== undefined)
    .sort((a, b) => String(a.properties['code']).localeCompare(String(b.properties['code'])));
  const world = countries as Topology;
  const countryObject = world.objects['countries'];
  if (!countryObject) throw new Error('world-atlas topology has no countries object');
  const all = feature(world, countryObject) as FeatureCollection<Polygon | MultiPolygon>;
  const pays = all.features
    .filter((item) => typeof item.id === 'string' && item.id in NEIGHBOUR_COUNTRIES)
    .map((item) => clip(item as Area, { code: String(item.id), nom: NEIGHBOUR_COUNTRIES[String(item.id)] ?? '' }))
    .filter((item): item is Area => item !== undefined)
    .sort((a, b) => String(a.properties['code']).localeCompare(String(b.properties['code'])));
  const collections: Record<string, FeatureCollection> = {
    departements_voisins: { type: 'FeatureCollection', features: neighbours },
    pays: { type: 'FeatureCollection', features: pays },
  };
  const built = topology(collections, 1e4) as unknown as Topology;
  return simplify(presimplify(built as unknown as Parameters<typeof presimplify>[0]), 1e-6) as unknown as Topology;
}

function clip(item: Area, properties: Record<string, unknown>): Area | undefined {
  const geometry = bboxClip(item, CONTEXT_BBOX).geometry as Polygon | MultiPolygon;
  const empty = geometry.type === 'Polygon' ? geometry.coordinates.every((ring) => ring.length < 4) : geometry.coordinates.length === 0;
  if (empty) return undefined;
  return { type: 'Feature', properties, geometry };
}
