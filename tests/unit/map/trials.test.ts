import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { LIGHT_THEME } from '../../../src/domain/theme.ts';
import { LAYERS, makeStyle, SOURCES } from '../../../src/map/layers.ts';
import { MAP_TRIAL, MAP_TRIALS, trialStyle } from '../../../src/map/trials.ts';

const ids = (style: ReturnType<typeof makeStyle>) => style.layers.map((layer) => layer.id);

describe("the bench's map trials (issue 18's speed attempts)", () => {
  it('are off outside the bench’s trial builds', () => {
    expect(MAP_TRIAL).toBeUndefined();
  });

  it('each make a valid style that changes only what it says', () => {
    const base = makeStyle(LIGHT_THEME, 'fonts/noto-sans.woff2');
    for (const trial of MAP_TRIALS) expect(validateStyleMin(trialStyle(base, trial, LIGHT_THEME)), trial).toEqual([]);
    expect(trialStyle(base, 'sans-glyphes-prepares', LIGHT_THEME)).toBe(base);
    expect(trialStyle(base, 'images-intermediaires', LIGHT_THEME)).toBe(base);
    expect(trialStyle(base, 'pret-au-repos', LIGHT_THEME)).toBe(base);
    expect(trialStyle(base, 'tout-ensemble', LIGHT_THEME)).toBe(base);

    const circles = trialStyle(base, 'cercles', LIGHT_THEME);
    expect(circles.sources[SOURCES.sites]).toMatchObject({ cluster: false });
    expect(ids(circles)).not.toContain(LAYERS.sitesCluster);
    expect(ids(circles)).not.toContain(LAYERS.sitesClusterCount);
    expect(circles.layers.find((layer) => layer.id === 'sites-cercles')).toMatchObject({ type: 'circle', maxzoom: 12 });
    expect(circles.layers.find((layer) => layer.id === LAYERS.sitesPoint)).toMatchObject({ type: 'symbol', minzoom: 12 });

    const fewer = trialStyle(base, 'moins-de-symboles', LIGHT_THEME);
    const symbols = (style: ReturnType<typeof makeStyle>) => style.layers.filter((layer) => layer.type === 'symbol').length;
    expect(symbols(fewer)).toBe(symbols(base) - 1);
    expect(ids(fewer)).not.toContain(LAYERS.sitesClusterCount);
    // Every other layer is the app's own.
    expect(ids(fewer).filter((id) => id !== LAYERS.sitesPoint)).toEqual(ids(base).filter((id) => id !== LAYERS.sitesPoint && id !== LAYERS.sitesClusterCount));
  });
});
