import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LIGHT_THEME } from '../../../src/domain/theme.ts';
import { makeLayers, makeStyle } from '../../../src/map/layers.ts';

describe('map layers', () => {
  it('form a valid MapLibre style with no remote source, glyphs or sprite', () => {
    const style = makeStyle(LIGHT_THEME, 'fonts/noto-sans.woff2');
    expect(validateStyleMin(style)).toEqual([]);
    const serialized = JSON.stringify(style);
    expect(serialized).not.toMatch(/https?:\/\//);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('keep their order and ids (snapshot)', async () => {
    await expect(JSON.stringify(makeLayers(LIGHT_THEME), null, 2)).toMatchFileSnapshot('../../fixtures/layers.snapshot.json');
  });
});
