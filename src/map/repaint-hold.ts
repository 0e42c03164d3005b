/**
 * Holds the map's repaints while sources it was just given are cut into tiles, so that their
 * content reaches the screen in one frame instead of after frames that redraw what is already there.
 *
 * Why: after `setData`, MapLibre asks for a frame when its worker has the data, then one per tile
 * that comes back. Until every tile of the source is in, those frames draw the previous tiles again:
 * the same picture. On a machine without a GPU (and in headless Chromium) a frame of the region costs
 * 100–160 ms of the main thread, so two such frames delayed the sites by about 300 ms.
 *
 * The hold only defers `triggerRepaint` (MapLibre's public "draw a frame" call, which its own
 * sources, handlers and style changes go through): no state is skipped, the frame asked for meanwhile
 * is drawn at release. It ends when every held source is loaded, at the first key press, pointer
 * (a move too: hovering a zone highlights it) or wheel input anywhere in the page (a person never
 * waits for a frame), or after `maxMs` whatever happens.
 */
export interface RepaintTarget {
  triggerRepaint(): void;
  isSourceLoaded(id: string): boolean;
}

export interface RepaintHold {
  /** Ends the hold (at once; idempotent), drawing the frame asked for meanwhile. */
  release(): void;
  /** Whether the hold is still on. */
  readonly active: boolean;
}

// A pointer moving counts too: hovering a zone highlights it.
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export interface HoldOptions {
  /** The longest the hold may last, in ms. */
  maxMs: number;
  /** Where a person's input ends the hold (the page). */
  inputTarget?: EventTarget | null;
  /** Whether a source is loaded (default: the map's `isSourceLoaded`). */
  isLoaded?: (id: string) => boolean;
  /** Asked when a frame is held: true lets this one frame through (the hold goes on). */
  letThrough?: () => boolean;
  /** Called once when the hold ends, whatever ends it. */
  onRelease?: () => void;
}

export function holdRepaints(map: RepaintTarget, sources: readonly string[], options: HoldOptions): RepaintHold {
  const hadOwn = Object.prototype.hasOwnProperty.call(map, 'triggerRepaint');
  const own = map.triggerRepaint;
  let asked = false;
  let active = true;
  let checkQueued = false;
  const input = options.inputTarget ?? null;
  const release = (): void => {
    if (!active) return;
    active = false;
    clearTimeout(timer);
    for (const type of INPUT_EVENTS) input?.removeEventListener(type, release, true);
    if (hadOwn) map.triggerRepaint = own;
    else delete (map as Partial<RepaintTarget>).triggerRepaint;
    options.onRelease?.();
    if (asked) map.triggerRepaint();
  };
  // Checked after the event that asked for the frame has run to its end: a source that has its data
  // from the worker fires "metadata" (its old tiles still loaded) just before "content" marks them
  // for reloading, and must not be taken as loaded in between.
  const isLoaded = options.isLoaded ?? ((id: string) => map.isSourceLoaded(id));
  const check = (): void => {
    checkQueued = false;
    if (!active) return;
    if (sources.every(isLoaded)) release();
    else if (asked && options.letThrough?.()) {
      asked = false;
      own.call(map);
    }
  };
  map.triggerRepaint = () => {
    asked = true;
    if (checkQueued) return;
    checkQueued = true;
    queueMicrotask(check);
  };
  const timer = setTimeout(release, options.maxMs);
  for (const type of INPUT_EVENTS) input?.addEventListener(type, release, { capture: true, passive: true });
  return {
    release,
    get active() {
      return active;
    },
  };
}

/** What holdFirstFrames needs of the map besides RepaintTarget. */
export interface FirstFramesTarget extends RepaintTarget {
  on(type: 'data', listener: (event: { sourceId?: string; sourceDataType?: string }) => void): unknown;
  off(type: 'data', listener: (event: { sourceId?: string; sourceDataType?: string }) => void): unknown;
  getSource(id: string): unknown;
}

/**
 * The same hold from the map's creation until the sources of its first style are loaded (the
 * zones). A source asks MapLibre for its tiles in a frame drawn after it is described ("metadata"
 * from the worker): that frame, and the very first, are let through, one each. The frames asked for
 * meanwhile (each tile that comes back) would draw the background again, and are held, so the first
 * frame drawn after them has the zones.
 */
export function holdFirstFrames(map: FirstFramesTarget, sources: readonly string[], options: Omit<HoldOptions, 'isLoaded' | 'letThrough' | 'onRelease'>): RepaintHold {
  let described = true;
  const onData = (event: { sourceId?: string; sourceDataType?: string }): void => {
    if (event.sourceDataType === 'metadata' && event.sourceId !== undefined && sources.includes(event.sourceId)) described = true;
  };
  map.on('data', onData);
  return holdRepaints(map, sources, {
    ...options,
    // Before the style is in, a source does not exist yet (and is not loaded).
    isLoaded: (id) => map.getSource(id) !== undefined && map.isSourceLoaded(id),
    letThrough: () => {
      const through = described;
      described = false;
      return through;
    },
    onRelease: () => map.off('data', onData),
  });
}
