import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { area } from '@turf/turf';
import type { AssignedCommune } from './commune-assignment.ts';

/** Column order of `public/data/communes.json` (see data/SCHEMAS.md). */
export const GAZETTEER_FIELDS = ['code', 'nom', 'codesPostaux', 'population', 'departement', 'zoneEmploi', 'spel', 'bassin', 'lng', 'lat'] as const;

export interface Gazetteer {
  version: 1;
  fields: typeof GAZETTEER_FIELDS;
  rows: (string | number | string[])[][];
}

/**
 * One row per current commune, with a representative point: the pole of inaccessibility of its
 * largest polygon, which always lies well inside the commune (a centroid may not).
 */
export function buildGazetteer(
  communes: readonly AssignedCommune[],
  source: FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>,
  currentCodeOf: ReadonlyMap<string, string>,
  bassinOf: ReadonlyMap<string, string>,
): Gazetteer {
  const largestPolygon = new Map<string, { rings: Position[][]; area: number }>();
  for (const feature of source.features) {
    const code = currentCodeOf.get(String(feature.properties['code']));
    if (!code) continue;
    const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const rings of polygons) {
      const size = area({ type: 'Polygon', coordinates: rings });
      const best = largestPolygon.get(code);
      if (!best || size > best.area) largestPolygon.set(code, { rings, area: size });
    }
  }
  const rows = communes.map((commune) => {
    const polygon = largestPolygon.get(commune.code);
    if (!polygon) throw new Error(`commune ${commune.code} has no polygon`);
    const point = polylabel(polygon.rings as [number, number][][], 0.0005);
    return [
      commune.code,
      commune.nom,
      commune.codesPostaux,
      commune.population,
      commune.departement,
      commune.zoneEmploi,
      commune.spel,
      bassinOf.get(commune.code) ?? '',
      round(point[0] ?? 0),
      round(point[1] ?? 0),
    ];
  });
  return { version: 1, fields: GAZETTEER_FIELDS, rows };
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
