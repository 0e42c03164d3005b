import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LIGHT_THEME } from '../../../src/domain/theme.ts';
import { BOUNDARY_TOLERANCE_PX, makeLayers, makeStyle, SOURCES } from '../../../src/map/layers.ts';

describe('map layers', () => {
  it('form a valid MapLibre style with no remote source, glyphs or sprite', () => {
    const style = makeStyle(LIGHT_THEME, 'fonts/noto-sans.woff2');
    expect(validateStyleMin(style)).toEqual([]);
    const serialized = JSON.stringify(style);
    expect(serialized).not.toMatch(/https?:\/\//);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('carry the data known when the map is created, and simplify only the boundaries to 1 px', () => {
    const region = { type: 'FeatureCollection' as const, features: [] };
    const style = makeStyle(LIGHT_THEME, 'fonts/noto-sans.woff2', { [SOURCES.fond]: region });
    expect(validateStyleMin(style)).toEqual([]);
    const fond = style.sources[SOURCES.fond];
    expect(fond?.type === 'geojson' && fond.data).toBe(region);
    expect(fond?.type === 'geojson' && fond.tolerance).toBe(BOUNDARY_TOLERANCE_PX);
    for (const source of [SOURCES.departements, SOURCES.zonesEmploi, SOURCES.spel]) expect(style.sources[source]).toMatchObject({ tolerance: 1, promoteId: 'code' });
    for (const source of [SOURCES.sites, SOURCES.villes, SOURCES.lieu]) expect(style.sources[source]).not.toHaveProperty('tolerance');
    expect(style.sources[SOURCES.sites]).toMatchObject({ data: { type: 'FeatureCollection', features: [] } });
  });

  it('keep their order and ids (snapshot)', async () => {
    await expect(JSON.stringify(makeLayers(LIGHT_THEME), null, 2)).toMatchFileSnapshot('../../fixtures/layers.snapshot.json');
  });
});
