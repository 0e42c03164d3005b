import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdRepaints } from '../../../src/map/repaint-hold.ts';

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

describe('the hold on repaints while new sources are cut into tiles', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws no frame until every held source is loaded, then exactly one, and gives MapLibre its method back', async () => {
    const map = new FakeMap();
    const hold = holdRepaints(map, ['sites', 'villes'], { maxMs: 1500 });
    map.triggerRepaint();
    map.triggerRepaint();
    await flush();
    map.loaded.set('sites', true);
    map.triggerRepaint();
    await flush();
    expect(map.frames).toBe(0);
    expect(hold.active).toBe(true);
    map.loaded.set('villes', true);
    map.triggerRepaint();
    await flush();
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
