import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { GeometryObject, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

export type AreaFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
type ZoneGeometry = (TopoPolygon | TopoMultiPolygon) & { properties: Record<string, unknown> };

export interface ZoningSpec {
  /** Object name in the topology. */
  name: string;
  /** Zone key of a commune; communes with the same key are merged. */
  keyOf: (communeCode: string) => string;
  propertiesOf: (key: string, communeCodes: readonly string[]) => Record<string, unknown>;
}

export interface ZoningTopologyOptions {
  /** Visvalingam weight under which points are dropped (in squared degrees, planar). */
  minimumWeight: number;
  /** Grid size of the quantized output. */
  quantization: number;
}

/**
 * Builds one topology of the current communes and of every zoning, merged from the communes with
 * `mergeArcs` so that neighbouring zones share their borders exactly, then simplified on the shared
 * arcs (no gaps or slivers can open between neighbours) and quantized.
 * @param sourceCommunes - commune polygons, property `code` (possibly former codes)
 * @param currentCodeOf - maps each source code to its current commune
 * @param zonings - the zonings to derive
 */
export function buildZoningTopology(
  sourceCommunes: FeatureCollection<Polygon | MultiPolygon>,
  currentCodeOf: ReadonlyMap<string, string>,
  zonings: readonly ZoningSpec[],
  communePropertiesOf: (code: string) => Record<string, unknown>,
  options: ZoningTopologyOptions,
): Topology {
  const raw = topology({ source: sourceCommunes }) as unknown as Topology;
  const source = raw.objects['source'];
  if (!source || source.type !== 'GeometryCollection') throw new Error('topology has no source collection');
  const byCommune = groupBy(source.geometries, (geometry) => {
    const code = String((geometry.properties as { code?: unknown } | undefined)?.code ?? '');
    const current = currentCodeOf.get(code);
    if (!current) throw new Error(`commune polygon ${code} maps to no current commune`);
    return current;
  });
  const communes = [...byCommune.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, parts]) => toZoneGeometry(mergeArcs(raw, parts as (TopoPolygon | TopoMultiPolygon)[]), communePropertiesOf(code)));
  const objects: Record<string, GeometryObject> = {};
  for (const zoning of zonings) {
    const groups = groupBy(communes, (commune) => zoning.keyOf(String(commune.properties['code'])));
    objects[zoning.name] = {
      type: 'GeometryCollection',
      geometries: [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, members]) =>
          toZoneGeometry(
            mergeArcs(raw, members),
            zoning.propertiesOf(key, members.map((member) => String(member.properties['code']))),
          ),
        ),
    };
  }
  objects['region'] = {
    type: 'GeometryCollection',
    geometries: [toZoneGeometry(mergeArcs(raw, communes), { code: 'region', nom: 'Hauts-de-France' })],
  };
  objects['communes'] = { type: 'GeometryCollection', geometries: communes };
  const merged: Topology = { type: 'Topology', arcs: raw.arcs, objects, ...(raw.bbox ? { bbox: raw.bbox } : {}) };
  const weighted = presimplify(merged as unknown as Parameters<typeof presimplify>[0]);
  const simplified = simplify(weighted, options.minimumWeight);
  // Rings that the simplification shrank to nothing (tiny islands, slivers) are dropped.
  const cleaned = filter(simplified, filterWeight(simplified, options.minimumWeight)) as unknown as Topology;
  return quantize(stripWeights(cleaned) as unknown as Parameters<typeof quantize>[0], options.quantization) as unknown as Topology;
}

/** Keeps only the named objects and the arcs they use, renumbering arcs. */
export function pickObjects(source: Topology, names: readonly string[]): Topology {
  const used = new Map<number, number>();
  const arcs: Topology['arcs'] = [];
  const remap = (index: number): number => {
    const absolute = index < 0 ? ~index : index;
    let next = used.get(absolute);
    if (next === undefined) {
      next = arcs.length;
      used.set(absolute, next);
      const arc = source.arcs[absolute];
      if (!arc) throw new Error(`arc ${absolute} missing`);
      arcs.push(arc);
    }
    return index < 0 ? ~next : next;
  };
  const objects: Record<string, GeometryObject> = {};
  for (const name of names) {
    const object = source.objects[name];
    if (!object || object.type !== 'GeometryCollection') throw new Error(`object ${name} missing`);
    objects[name] = {
      type: 'GeometryCollection',
      geometries: object.geometries.map((geometry) => {
        if (geometry.type === 'Polygon') return { ...geometry, arcs: geometry.arcs.map((ring) => ring.map(remap)) };
        if (geometry.type === 'MultiPolygon') {
          return { ...geometry, arcs: geometry.arcs.map((polygon) => polygon.map((ring) => ring.map(remap))) };
        }
        return geometry;
      }) as GeometryObject[],
    };
  }
  return { type: 'Topology', ...(source.transform ? { transform: source.transform } : {}), ...(source.bbox ? { bbox: source.bbox } : {}), arcs, objects };
}

function toZoneGeometry(geometry: TopoMultiPolygon, properties: Record<string, unknown>): ZoneGeometry {
  const polygons = geometry.arcs.filter((polygon) => polygon.length > 0);
  if (polygons.length === 1 && polygons[0]) return { type: 'Polygon', arcs: polygons[0], properties };
  return { type: 'MultiPolygon', arcs: polygons, properties };
}

function stripWeights(source: Topology): Topology {
  return { ...source, arcs: source.arcs.map((arc) => arc.map((position) => [position[0] ?? 0, position[1] ?? 0])) };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
