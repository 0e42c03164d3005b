import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { MAP_GLYPHS, prewarmGlyphs } from '../../../src/map/glyph-prewarm.ts';

function fakeMap(glyphManager: unknown): MapLibreMap {
  return { style: { glyphManager } } as unknown as MapLibreMap;
}

describe('the glyph prewarm', () => {
  it('asks MapLibre’s glyph cache for every glyph of the map, once, in idle slices', async () => {
    const asked: string[][] = [];
    const tasks: (() => void)[] = [];
    const manager = {
      getGlyphs: (glyphs: Record<string, Record<string, string[]>>) => {
        expect(Object.keys(glyphs)).toEqual(['Noto Sans Regular']);
        asked.push(glyphs['Noto Sans Regular']?.['default'] ?? []);
        return Promise.resolve({});
      },
    };
    prewarmGlyphs(fakeMap(manager), 'Noto Sans Regular', (task) => tasks.push(task));
    // The first slice at once (it starts the font's download), the others when the page is idle.
    expect(asked).toHaveLength(1);
    for (let turn = 0; turn < 50; turn += 1) {
      await Promise.resolve();
      tasks.shift()?.();
    }
    expect(asked.length).toBeGreaterThan(5);
    for (const slice of asked) expect(slice.length).toBeLessThanOrEqual(10);
    expect(asked.flat()).toEqual(MAP_GLYPHS);
    expect(MAP_GLYPHS).toEqual(expect.arrayContaining(['é', 'ç', 'œ', "'", '’', '-', '0', '9', 'É']));
  });

  it('does nothing when MapLibre has no such cache (a release that renamed it)', () => {
    expect(() => prewarmGlyphs(fakeMap(undefined), 'Noto Sans Regular', () => undefined)).not.toThrow();
    expect(() => prewarmGlyphs({} as MapLibreMap, 'Noto Sans Regular', () => undefined)).not.toThrow();
  });

  it('stops at the first refusal', async () => {
    let calls = 0;
    const tasks: (() => void)[] = [];
    prewarmGlyphs(fakeMap({ getGlyphs: () => ((calls += 1), Promise.reject(new Error('font failed'))) }), 'Noto Sans Regular', (task) => tasks.push(task));
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toBe(1);
    expect(tasks).toHaveLength(0);
  });
});
