import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * What the map writes (town and commune names, site names, cluster counts): the letters of French
 * with their accents, digits and the punctuation of names. About 40 of them are used at the region
 * view; each takes ~0.4 ms to draw in software.
 */
export const MAP_GLYPHS: readonly string[] = [...new Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëàâäçîïôöùûüÿœæÉÈÊËÀÂÇÎÏÔÖÙÛÜŸŒÆ -'’().,/&")];

/** How many glyphs one idle slice draws (a few ms of main thread in software rendering). */
const GLYPHS_PER_SLICE = 10;

interface GlyphManagerLike {
  getGlyphs: (glyphs: Record<string, Record<string, string[]>>) => Promise<unknown>;
}

/**
 * The glyph cache of MapLibre's style (not public API: when a MapLibre release renames it, the
 * prewarm does nothing and the map draws its glyphs on demand, as before; a browser test says so).
 */
function glyphManagerOf(map: MapLibreMap): GlyphManagerLike | undefined {
  const manager = (map as unknown as { style?: { glyphManager?: Partial<GlyphManagerLike> } }).style?.glyphManager;
  return typeof manager?.getGlyphs === 'function' ? (manager as GlyphManagerLike) : undefined;
}

type Schedule = (task: () => void) => void;
const whenIdle: Schedule = (task) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 500 });
  else setTimeout(task, 0);
};

/**
 * Loads the style's font and draws the map's glyphs into MapLibre's glyph cache while the zones are
 * being cut, in idle slices. Without it the offer's first label tiles wait, on the way to "ready",
 * for the font file to be fetched and each glyph to be drawn on the main thread between frames (the
 * bench's `trials` section measures the app without it). Call once the style is loaded.
 */
export function prewarmGlyphs(map: MapLibreMap, fontStack: string, schedule: Schedule = whenIdle): void {
  const manager = glyphManagerOf(map);
  if (!manager) return;
  let next = 0;
  const slice = () => {
    const glyphs = MAP_GLYPHS.slice(next, next + GLYPHS_PER_SLICE);
    next += GLYPHS_PER_SLICE;
    if (glyphs.length === 0) return;
    void manager.getGlyphs({ [fontStack]: { default: glyphs } }).then(() => schedule(slice), () => undefined);
  };
  slice();
}
