import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { fail, ok, type Result } from '../../../src/domain/result.ts';

type AreaCollection = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/**
 * Checks that `value` is a FeatureCollection of polygons, each with string properties `code` and
 * `nom`; the error names the file, the feature and the field.
 */
export function validateAreaCollection(value: unknown, file: string): Result<AreaCollection> {
  if (typeof value !== 'object' || value === null || (value as { type?: unknown }).type !== 'FeatureCollection') {
    return fail(`${file}: expected a GeoJSON FeatureCollection`);
  }
  const features = (value as { features?: unknown }).features;
  if (!Array.isArray(features)) return fail(`${file}: "features" is not an array`);
  for (const [index, feature] of features.entries()) {
    const properties = (feature as { properties?: Record<string, unknown> } | null)?.properties;
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    const label = `${file}: feature ${index}${typeof properties?.['code'] === 'string' ? ` (code ${properties['code']})` : ''}`;
    if (typeof properties?.['code'] !== 'string' || properties['code'] === '') return fail(`${label}: missing property "code"`);
    if (typeof properties['nom'] !== 'string') return fail(`${label}: missing property "nom"`);
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates)) {
      return fail(`${label}: geometry must be a Polygon or MultiPolygon`);
    }
  }
  return ok(value as AreaCollection);
}
