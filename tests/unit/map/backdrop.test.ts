import { describe, expect, it } from 'vitest';
import type { AreaCollection } from '../../../src/state/app-data.ts';
import { makeBackdrop } from '../../../src/map/backdrop.ts';

const square = (code: string, x: number): AreaCollection['features'][number] => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
  properties: { code, nom: `Zone ${code}` },
});
const collection = (...features: AreaCollection['features']): AreaCollection => ({ type: 'FeatureCollection', features });

describe('makeBackdrop', () => {
  it('tags countries, neighbouring départements and the region, in drawing order (region last, on top)', () => {
    const backdrop = makeBackdrop({
      region: collection(square('32', 0)),
      context: { pays: collection(square('FR', -5), square('BE', 5)), departements: collection(square('08', 2), square('76', -2)) },
    });
    expect(backdrop.features.map((item) => `${item.properties.kind}:${item.properties.code}`)).toEqual(['pays:FR', 'pays:BE', 'voisin:08', 'voisin:76', 'region:32']);
    expect(backdrop.features[4]?.geometry).toEqual(square('32', 0).geometry);
    expect(backdrop.features[2]?.properties.nom).toBe('Zone 08');
  });
});
