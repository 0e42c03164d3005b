import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdFirstFrames, holdRepaints } from '../../../src/map/repaint-hold.ts';

/** Stands in for MapLibre's map: `triggerRepaint` on the prototype, as MapLibre has it. */
class FakeMap {
  frames = 0;
  readonly loaded = new Map<string, boolean>();
  triggerRepaint(): void {
    this.frames += 1;
  }
  isSourceLoaded(id: string): boolean {
    return this.loaded.get(id) ?? false;
  }
}

const flush = () => Promise.resolve();

/** A source's last tile comes back: it is loaded and MapLibre asks for a frame (checked after the event). */
async function lastTileIn(map: FakeMap, id: string): Promise<void> {
  map.loaded.set(id, true);
  map.triggerRepaint();
  await flush();
}

// Both holds end after maxMs: every test runs on fake timers.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the hold on repaints while new sources are cut into tiles', () => {
  it('draws no frame until every held source is loaded, then exactly one, and gives MapLibre its method back', async () => {
    const map = new FakeMap();
    const hold = holdRepaints(map, ['sites', 'villes'], { maxMs: 1500 });
    map.triggerRepaint();
    map.triggerRepaint();
    await flush();
    await lastTileIn(map, 'sites');
    expect(map.frames).toBe(0);
    expect(hold.active).toBe(true);
    await lastTileIn(map, 'villes');
    expect(map.frames).toBe(1);
    expect(hold.active).toBe(false);
    expect(Object.prototype.hasOwnProperty.call(map, 'triggerRepaint')).toBe(false);
    // Afterwards every call draws, as before.
    map.triggerRepaint();
    expect(map.frames).toBe(2);
  });

  it('does not take a source for loaded between its "metadata" and its "content" events', async () => {
    const map = new FakeMap();
    const hold = holdRepaints(map, ['sites'], { maxMs: 1500 });
    // The worker's answer: "metadata" (the old tiles still loaded)…
    map.loaded.set('sites', true);
    map.triggerRepaint();
    // …then, in the same task, "content" marks them for reloading.
    map.loaded.set('sites', false);
    map.triggerRepaint();
    await flush();
    expect(hold.active).toBe(true);
    expect(map.frames).toBe(0);
  });

  it('ends at the first key press or pointer input, drawing the frame asked for', async () => {
    for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']) {
      const map = new FakeMap();
      const page = new EventTarget();
      const hold = holdRepaints(map, ['sites'], { maxMs: 1500, inputTarget: page });
      map.triggerRepaint();
      await flush();
      page.dispatchEvent(new Event(type));
      expect(hold.active, type).toBe(false);
      expect(map.frames, type).toBe(1);
      // The listener is gone with the hold.
      page.dispatchEvent(new Event(type));
      expect(map.frames, type).toBe(1);
    }
  });

  it('ends after maxMs whatever happens', async () => {
    const map = new FakeMap();
    const hold = holdRepaints(map, ['sites'], { maxMs: 1500 });
    map.triggerRepaint();
    await flush();
    vi.advanceTimersByTime(1499);
    expect(hold.active).toBe(true);
    vi.advanceTimersByTime(1);
    expect(hold.active).toBe(false);
    expect(map.frames).toBe(1);
  });

  it('draws nothing at release when no frame was asked for, and releases once', () => {
    const map = new FakeMap();
    const hold = holdRepaints(map, ['sites'], { maxMs: 1500 });
    hold.release();
    hold.release();
    vi.advanceTimersByTime(2000);
    expect(map.frames).toBe(0);
  });

  it('puts back a triggerRepaint of the map’s own', () => {
    const map = new FakeMap();
    const own = vi.fn();
    map.triggerRepaint = own;
    const hold = holdRepaints(map, ['sites'], { maxMs: 1500 });
    map.triggerRepaint();
    expect(own).not.toHaveBeenCalled();
    hold.release();
    expect(map.triggerRepaint).toBe(own);
    expect(own).toHaveBeenCalledTimes(1);
  });
});

type DataEvent = { sourceId?: string; sourceDataType?: string };

/** The map as it is created: sources appear with the style, are described by the worker, then loaded. */
class FakeNewMap extends FakeMap {
  readonly sources = new Set<string>();
  readonly listeners = new Set<(event: DataEvent) => void>();
  on(_type: 'data', listener: (event: DataEvent) => void): void {
    this.listeners.add(listener);
  }
  off(_type: 'data', listener: (event: DataEvent) => void): void {
    this.listeners.delete(listener);
  }
  getSource(id: string): unknown {
    if (!this.sources.has(id)) return undefined;
    return { id };
  }
  override isSourceLoaded(id: string): boolean {
    // MapLibre reports (as an error event) a source it does not have: never asked for before it exists.
    if (!this.sources.has(id)) throw new Error(`no source ${id}`);
    return super.isSourceLoaded(id);
  }
  /** The worker's answer for a source: MapLibre fires "data" and asks for a frame. */
  describe(id: string): void {
    for (const listener of this.listeners) listener({ sourceId: id, sourceDataType: 'metadata' });
    this.triggerRepaint();
  }
}

describe('the hold on the first frames, until the zones are in', () => {
  it('lets through the first frame and one after each source is described, holds the frames of tiles coming back, then draws the zones in one', async () => {
    const map = new FakeNewMap();
    const hold = holdFirstFrames(map, ['zones', 'departements'], { maxMs: 2000 });
    // The style loads: its first frame, before any source is described.
    map.triggerRepaint();
    await flush();
    expect(map.frames).toBe(1);
    map.sources.add('zones');
    map.sources.add('departements');
    map.describe('zones');
    await flush();
    expect(map.frames).toBe(2);
    // A tile of the zones comes back: a frame would draw the background again.
    map.triggerRepaint();
    await flush();
    expect(map.frames).toBe(2);
    map.describe('departements');
    await flush();
    expect(map.frames).toBe(3);
    await lastTileIn(map, 'zones');
    expect(map.frames).toBe(3);
    expect(hold.active).toBe(true);
    await lastTileIn(map, 'departements');
    expect(map.frames).toBe(4);
    expect(hold.active).toBe(false);
    // Its listener goes with it, and frames are drawn as before.
    expect(map.listeners.size).toBe(0);
    map.triggerRepaint();
    expect(map.frames).toBe(5);
  });

  it('takes no notice of other sources described meanwhile', async () => {
    const map = new FakeNewMap();
    holdFirstFrames(map, ['zones'], { maxMs: 2000 });
    map.triggerRepaint();
    await flush();
    map.sources.add('zones');
    map.sources.add('lieu');
    map.describe('zones');
    await flush();
    expect(map.frames).toBe(2);
    map.describe('lieu');
    await flush();
    expect(map.frames).toBe(2);
  });

  it('ends at a person\'s input or after maxMs, and its listener with it', async () => {
    const map = new FakeNewMap();
    const page = new EventTarget();
    const hold = holdFirstFrames(map, ['zones'], { maxMs: 2000, inputTarget: page });
    map.triggerRepaint();
    await flush();
    map.triggerRepaint();
    await flush();
    expect(map.frames).toBe(1);
    page.dispatchEvent(new Event('pointermove'));
    expect(hold.active).toBe(false);
    expect(map.frames).toBe(2);
    expect(map.listeners.size).toBe(0);
    const later = new FakeNewMap();
    const timed = holdFirstFrames(later, ['zones'], { maxMs: 2000 });
    vi.advanceTimersByTime(2000);
    expect(timed.active).toBe(false);
    expect(later.listeners.size).toBe(0);
  });
});
