import type { FeatureCollection, Point } from 'geojson';
import type { Commune } from '../domain/gazetteer.ts';

/**
 * Label points for the largest towns: rank 1 is the most populous; the label layer shows more
 * ranks as the map zooms in, and the préfectures at every zoom.
 */
/** The préfectures of the region's départements (INSEE codes): Laon, Lille, Beauvais, Arras, Amiens. */
export const PREFECTURES: ReadonlySet<string> = new Set(['02408', '59350', '60057', '62041', '80021']);

export function makeTownLabels(communes: readonly Commune[], limit = 400): FeatureCollection<Point, { nom: string; population: number; rang: number; prefecture: boolean }> {
  const ranked = [...communes].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code)).slice(0, limit);
  return {
    type: 'FeatureCollection',
    features: ranked.map((commune, index) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: commune.point },
      properties: { nom: commune.nom, population: commune.population, rang: index + 1, prefecture: PREFECTURES.has(commune.code) },
    })),
  };
}
