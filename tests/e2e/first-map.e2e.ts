import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, waitForMap, type Page } from './browser.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

/** Holds trainings.json back until `release` is called: the map shows what it has without the offer. */
async function holdOffer(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/data/trainings.json', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/**
 * Forgets the offline copy an earlier test of this file registered (one browser per file): its
 * cache would answer trainings.json and map-sites.json before any route could hold or change them.
 */
async function forgetOfflineCopy(page: Page): Promise<void> {
  // Through the DevTools protocol: a navigation to the app's origin would be answered by the service worker.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(app.url()).origin, storageTypes: 'service_workers,cache_storage' });
  await cdp.detach();
}

/** A link (the default view: '') on a cold cache, `init` run in the page before the app; resolves once the app is ready (carte:pret). */
const openReadyWith = (link: string, init: () => void) =>
  app.open(link, undefined, {
    waitFor: 'mark',
    prepare: async (target) => {
      await forgetOfflineCopy(target);
      await target.addInitScript(init);
    },
  });

/** Rendered site symbols and clusters, and town names, on the canvas now. */
const rendered = (page: Page) =>
  page.evaluate(() => {
    const map = window.carte?.adapter?.map;
    if (!map) return { sites: 0, towns: 0 };
    return { sites: map.queryRenderedFeatures({ layers: ['sites-groupes', 'sites-lieux'] }).length, towns: map.queryRenderedFeatures({ layers: ['villes-prefectures', 'villes-nom'] }).length };
  });

/** Counts the diffs the sites source gets from now on. */
const countDiffs = (page: Page) =>
  page.evaluate(() => {
    const source = window.carte?.adapter?.map.getSource('sites') as { updateData: (diff: unknown) => unknown } | undefined;
    if (!source) throw new Error('no sites source');
    const update = source.updateData.bind(source);
    (window as unknown as { diffs: number }).diffs = 0;
    source.updateData = (diff) => {
      (window as unknown as { diffs: number }).diffs += 1;
      return update(diff);
    };
  });
const diffs = (page: Page) => page.evaluate(() => (window as unknown as { diffs: number }).diffs);

describe('the default view’s sites come with the zones (map-sites.json), before the offer is parsed', () => {
  it('draws the sites, Alliance schools and town names while trainings.json is still held back; the offer then changes nothing on the map', async () => {
    let release: () => void = () => undefined;
    const { page, watch } = await app.open('', undefined, { waitFor: 'nothing', prepare: async (target) => void (release = await holdOffer(target)) });
    await expect.poll(async () => (await rendered(page)).sites, { timeout: 30_000 }).toBeGreaterThan(20);
    expect((await rendered(page)).towns).toBeGreaterThan(4);
    expect(await page.evaluate(() => window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['alliance-ecoles'] }).length)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.carte?.store.getState().data)).toBeNull();
    // The filters do not say "0" of what the map already shows: their counts are not known yet.
    const counts = await page.locator('.facet-count').allTextContents();
    expect(counts.length).toBeGreaterThan(5);
    expect(new Set(counts)).toEqual(new Set(['(…)']));
    expect(await page.locator('input[name="voies"]:disabled').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/carte-avant-offre.png` });
    const before = await rendered(page);
    await countDiffs(page);
    release();
    await waitForMap(page);
    await page.waitForFunction(() => performance.getEntriesByName('carte:pret', 'mark').length > 0, undefined, { timeout: 30_000 });
    // The file is the offer's default view: nothing to send, nothing redrawn.
    expect(await diffs(page)).toBe(0);
    expect(await rendered(page)).toEqual(before);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('waits for the offer when the link filters (never shows sites the filter leaves out)', async () => {
    let release: () => void = () => undefined;
    const { page } = await app.open('?v=1&voie=apprentissage', undefined, {
      waitFor: 'nothing',
      prepare: async (target) => {
        await forgetOfflineCopy(target);
        release = await holdOffer(target);
      },
    });
    await expect.poll(async () => (await rendered(page)).towns, { timeout: 30_000 }).toBeGreaterThan(4);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.carte?.store.getState().data)).toBeNull();
    expect((await rendered(page)).sites).toBe(0);
    release();
    await waitForMap(page);
    expect((await rendered(page)).sites).toBeGreaterThan(0);
    const voies = await page.evaluate(() => [...new Set(window.carte?.adapter?.map.querySourceFeatures('sites').filter((feature) => !feature.properties['point_count']).map((feature) => String(feature.properties['voie'])))]);
    expect(voies.every((voie) => voie === 'apprentissage' || voie === 'mixte')).toBe(true);
    await page.close();
  });

  it('corrects a stale file once the offer is in, and goes on without a damaged one', async () => {
    const stale = JSON.parse(readFileSync('public/data/map-sites.json', 'utf8')) as { sites: [string, string, number, number, string, number, string][] };
    const removed = stale.sites.splice(0, 1)[0];
    const changed = stale.sites[0];
    if (!removed || !changed) throw new Error('empty map-sites.json');
    changed[5] += 7;
    const { page } = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: async (target) => {
        await forgetOfflineCopy(target);
        await target.route('**/data/map-sites.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stale) }));
      },
    });
    await waitForMap(page);
    const shown = await page.evaluate(async ([id, other]) => {
      const source = window.carte?.adapter?.map.getSource('sites') as { getData: () => Promise<GeoJSON.FeatureCollection> } | undefined;
      const data = (await source?.getData())?.features ?? [];
      return Object.fromEntries(data.filter((feature) => [id, other].includes(String(feature.properties?.['id']))).map((feature) => [String(feature.properties?.['id']), Number(feature.properties?.['formations'])]));
    }, [removed[0], changed[0]]);
    const offer = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, window.carte?.store.getState().data?.offer.trainingsBySite.get(id)?.length])), [removed[0], changed[0]]);
    expect(Object.keys(offer)).toHaveLength(2);
    expect(shown).toEqual(offer);
    await page.close();

    const warnings: string[] = [];
    const damaged = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: async (target) => {
        target.on('console', (message) => {
          if (message.type() === 'warning') warnings.push(message.text());
        });
        await forgetOfflineCopy(target);
        await target.route('**/data/map-sites.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"version":1,"sites":"?"}' }));
      },
    });
    await waitForMap(damaged.page);
    await damaged.page.waitForFunction(() => performance.getEntriesByName('carte:pret', 'mark').length > 0, undefined, { timeout: 30_000 });
    expect((await rendered(damaged.page)).sites).toBeGreaterThan(20);
    expect(warnings.join('\n')).toMatch(/map-sites\.json\s: champ « siteFields »/);
    expect(damaged.watch.errors).toEqual([]);
    await damaged.page.close();
  });

  it('draws no frame between the zones and the sites: the frames MapLibre asks for while their tiles are cut are held (repaint-hold.ts)', async () => {
    // Each frame the map draws, and whether it had the zones and the sites.
    const { page, watch } = await openReadyWith('', () => {
      const frames: { zones: boolean; sites: boolean }[] = [];
      (window as unknown as { frames_: typeof frames }).frames_ = frames;
      const watchMap = setInterval(() => {
        const map = window.carte?.adapter?.map;
        if (!map) return;
        clearInterval(watchMap);
        map.on('render', () => {
          frames.push({
            zones: map.isSourceLoaded('zones-emploi') && map.isSourceLoaded('departements'),
            sites: map.isSourceLoaded('sites') && map.querySourceFeatures('sites').length > 0,
          });
        });
      }, 1);
    });
    const frames = await page.evaluate(() => (window as unknown as { frames_: { zones: boolean; sites: boolean }[] }).frames_);
    // The first frame with the zones, then the sites with the next frame drawn (without the hold, two
    // or three frames redrew the zones alone in between).
    expect(frames.filter((frame) => frame.zones && !frame.sites)).toHaveLength(1);
    expect(frames.some((frame) => frame.zones && frame.sites)).toBe(true);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('draws no frame of the background alone while the zones are cut: before them, only the first frame and one after each source is described (which asks for its tiles)', async () => {
    // Frames ("f", "Z" once the zones are loaded) and sources described ("m"), in order, from the map's creation.
    const { page, watch } = await openReadyWith('', () => {
      const log: string[] = [];
      (window as unknown as { log_: string[] }).log_ = log;
      let debug: { adapter?: unknown } | undefined;
      Object.defineProperty(window, 'carte', {
        configurable: true,
        get: () => debug,
        set: (value: { adapter?: unknown }) => {
          let adapter: unknown;
          Object.defineProperty(value, 'adapter', {
            configurable: true,
            get: () => adapter,
            // Set right after the map is made, before any of its events.
            set: (made: NonNullable<Window['carte']>['adapter']) => {
              adapter = made;
              const map = made?.map;
              if (!map) return;
              map.on('data', (event) => {
                if ((event as { sourceDataType?: string }).sourceDataType === 'metadata') log.push('m');
              });
              map.on('render', () => log.push(map.isSourceLoaded('zones-emploi') && map.isSourceLoaded('departements') ? 'Z' : 'f'));
            },
          });
          debug = value;
        },
      });
    });
    const log = (await page.evaluate(() => (window as unknown as { log_: string[] }).log_)).join('');
    const beforeZones = log.slice(0, log.indexOf('Z'));
    expect(log).toContain('Z');
    // The first frame, then no frame of the background alone without a source described before it
    // (without the hold: "ffmmfmff" and the like, a frame per tile that came back).
    expect(beforeZones.startsWith('f') || beforeZones.startsWith('m')).toBe(true);
    expect(beforeZones.replace(/^m*f/, '')).not.toMatch(/ff|^f/);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['the default view', ''],
    ['a link that filters (the sites wait for the offer)', '?v=1&voie=apprentissage'],
  ])('says "ready" on the frame that completes the map, %s: the frame MapLibre draws after it (to place the new labels again) draws the same picture', async (_view, link) => {
    const { page, watch } = await openReadyWith(link, () => {
      const mark = performance.mark.bind(performance);
      const shots: { atReady?: string; atIdle?: string; framesAfter: number } = { framesAfter: 0 };
      (window as unknown as { shots_: typeof shots }).shots_ = shots;
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        const entry = mark(name, options);
        const map = window.carte?.adapter?.map;
        if (name === 'carte:pret' && map) {
          // The test build keeps the drawing buffer: this is the frame on screen.
          shots.atReady = map.getCanvas().toDataURL('image/png');
          map.on('render', () => {
            shots.framesAfter += 1;
          });
          map.once('idle', () => {
            shots.atIdle = map.getCanvas().toDataURL('image/png');
          });
        }
        return entry;
      };
    });
    await page.waitForFunction(() => (window as unknown as { shots_: { atIdle?: string } }).shots_.atIdle !== undefined, undefined, { timeout: 20_000 });
    const shots = await page.evaluate(() => (window as unknown as { shots_: { atReady?: string; atIdle?: string; framesAfter: number } }).shots_);
    expect(shots.framesAfter).toBeGreaterThan(0);
    expect(shots.atReady?.length).toBeGreaterThan(10_000);
    expect(shots.atIdle === shots.atReady).toBe(true);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('lets a person’s input through at once: a pointer move during the hold ends it', async () => {
    // Right after the first frame (the hold has just begun), the pointer moves over the page.
    const { page, watch } = await openReadyWith('', () => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        const entry = mark(name, options);
        if (name === 'carte:premier-rendu') {
          queueMicrotask(() => {
            const adapter = window.carte?.adapter as unknown as { repaintHold: { active: boolean } | null } | undefined;
            const before = adapter?.repaintHold?.active ?? null;
            document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
            (window as unknown as { holdCheck: unknown }).holdCheck = { before, after: adapter?.repaintHold?.active ?? null };
          });
        }
        return entry;
      };
    });
    expect(await page.evaluate(() => (window as unknown as { holdCheck: unknown }).holdCheck)).toEqual({ before: true, after: false });
    expect((await rendered(page)).sites).toBeGreaterThan(20);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
