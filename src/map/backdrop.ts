import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Boundaries } from '../state/app-data.ts';

/** What a backdrop polygon is: a country, a neighbouring département, or the region itself. */
export type BackdropKind = 'pays' | 'voisin' | 'region';

export type BackdropCollection = FeatureCollection<Polygon | MultiPolygon, { kind: BackdropKind; code: string; nom: string }>;

/**
 * The grey context and the light region as one source, in drawing order (countries, then the
 * neighbouring départements, then the region on top): one fill layer draws all three, where three
 * layers cost three draws per tile and per frame.
 */
export function makeBackdrop(boundaries: Pick<Boundaries, 'region' | 'context'>): BackdropCollection {
  const tag = (kind: BackdropKind) => (feature: Feature<Polygon | MultiPolygon, { code: string; nom: string }>) => ({
    ...feature,
    properties: { kind, code: feature.properties.code, nom: feature.properties.nom },
  });
  return {
    type: 'FeatureCollection',
    features: [...boundaries.context.pays.features.map(tag('pays')), ...boundaries.context.departements.features.map(tag('voisin')), ...boundaries.region.features.map(tag('region'))],
  };
}
