import * as v from 'valibot';
import type { Topology } from 'topojson-specification';
import { checkSchema, count, locateByPath, text, type SchemaPath } from './schema.ts';
import type { Result } from './result.ts';

/** Properties every drawn area carries: its code and name. */
export const AREA_PROPERTIES = v.object({ code: text, nom: text });
/** A zone of a zoning: code, name, population, communes, départements. */
export const ZONE_PROPERTIES = v.object({ code: text, nom: text, population: count, communes: count, departements: v.array(text), partieRegionale: v.optional(v.boolean()) });

/** `geo/communes.topo.json`: the communes, by INSEE code and name. */
export const COMMUNE_OBJECTS = { communes: AREA_PROPERTIES };

const geometry = (properties: v.GenericSchema) =>
  v.object({
    type: v.picklist(['Polygon', 'MultiPolygon']),
    arcs: v.array(v.array(v.unknown())),
    properties,
  });

/** A topology holding these objects, each a collection of polygons with these properties. */
export function topologySchema(objects: Readonly<Record<string, v.GenericSchema>>) {
  return v.object({
    type: v.literal('Topology'),
    arcs: v.array(v.array(v.unknown())),
    objects: v.object(Object.fromEntries(Object.entries(objects).map(([name, properties]) => [name, v.object({ type: v.literal('GeometryCollection'), geometries: v.pipe(v.array(geometry(properties)), v.minLength(1)) })]))),
  });
}

/** "objet « spel », zone 021, champ « population »". */
function locateInTopology(path: SchemaPath, data: unknown): string {
  const [first, name, second, index, third, ...rest] = path;
  if (first !== 'objects' || typeof name !== 'string') return locateByPath(path, data);
  if (second !== 'geometries' || typeof index !== 'number') return `objet « ${name} »`;
  const properties = (data as Topology).objects[name]?.type === 'GeometryCollection' ? ((data as { objects: Record<string, { geometries: { properties?: { code?: unknown } }[] }> }).objects[name]?.geometries[index]?.properties ?? {}) : {};
  const zone = typeof properties.code === 'string' ? properties.code : `n° ${index + 1}`;
  return `objet « ${name} », zone ${zone}${third === undefined ? '' : `, ${locateByPath(third === 'properties' && rest.length > 0 ? rest : [third, ...rest], data)}`}`;
}

/**
 * Checks a TopoJSON file holds the objects the app draws, with their properties.
 * @param objects - object name → schema of its geometries' properties
 */
export function checkTopology(data: unknown, file: string, objects: Readonly<Record<string, v.GenericSchema>>): Result<Topology> {
  return checkSchema(topologySchema(objects), data, file, locateInTopology) as Result<Topology>;
}
