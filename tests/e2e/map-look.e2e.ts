import { describe, expect, it } from 'vitest';
import { MAP_GLYPHS } from '../../src/map/glyph-prewarm.ts';
import { PLAN_IGN_TILES } from '../../src/map/plan-ign.ts';
import { PLAN_PREFERENCE_KEY } from '../../src/state/device-preferences.ts';
import { SCREENSHOT_DIR, waitForMap, type Page } from './browser.ts';
import { FIXTURE_TILE_COLOUR, serveFixturePlan } from './fixture-tiles.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

/** Share of the canvas drawn in the fixture tile's colour: the plan is on screen. */
async function planShare(page: Page): Promise<number> {
  return page.evaluate(([r, g, b]) => {
    const canvas = window.carte?.adapter?.map.getCanvas();
    if (!canvas) return 0;
    const copy = document.createElement('canvas');
    copy.width = 160;
    copy.height = 120;
    const context = copy.getContext('2d');
    if (!context) return 0;
    context.drawImage(canvas, 0, 0, 160, 120);
    const { data } = context.getImageData(0, 0, 160, 120);
    let matching = 0;
    for (let index = 0; index < data.length; index += 4) if (Math.abs((data[index] ?? 0) - r) < 6 && Math.abs((data[index + 1] ?? 0) - g) < 6 && Math.abs((data[index + 2] ?? 0) - b) < 6) matching += 1;
    return matching / (data.length / 4);
  }, FIXTURE_TILE_COLOUR);
}

const planSwitch = (page: Page) => page.getByLabel('Plan détaillé (rues, IGN)');

describe('the detailed plan (IGN), on request only', () => {
  it('asks nothing of IGN before the person turns it on; then the canvas draws its tiles, under the app’s layers, with its attribution', async () => {
    // The plan's and the embedded version's code are chunks of their own, off the start-up path.
    const chunks: string[] = [];
    const { page, watch } = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: async (target) => {
        target.on('request', (request) => {
          const chunk = /\/assets\/(plan-ign|EmbedApp)-[\w-]+\.js$/.exec(request.url());
          if (chunk?.[1]) chunks.push(chunk[1]);
        });
        await serveFixturePlan(target);
      },
    });
    const asked = await serveFixturePlan(page);
    await waitForMap(page);
    await page.evaluate(() => window.carte?.adapter?.map.jumpTo({ center: [2.83, 50.43], zoom: 13 }));
    await waitForMap(page);
    expect(asked).toEqual([]);
    expect(watch.external).toEqual([]);
    expect(chunks).toEqual([]);
    expect(await planShare(page)).toBeLessThan(0.01);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/plan-z13-sans.png` });

    await planSwitch(page).check();
    await expect.poll(() => page.evaluate(() => window.carte?.store.getState().plan.status), { timeout: 20_000 }).toBe('ok');
    await waitForMap(page);
    expect(asked.length).toBeGreaterThan(0);
    expect(chunks).toEqual(['plan-ign']);
    // Each request is the template's, with the tile's zoom, row and column filled in.
    const pattern = new RegExp(`^${PLAN_IGN_TILES.replace(/[.?*+^$()[\]\\|]/g, '\\$&').replace('{z}', '\\d+').replace('{y}', '\\d+').replace('{x}', '\\d+')}$`);
    for (const url of asked) expect(url).toMatch(pattern);
    expect(await planShare(page)).toBeGreaterThan(0.3);
    // Under the app's layers: the boundaries and points are drawn over it.
    const order = await page.evaluate(() => window.carte?.adapter?.map.getStyle().layers.map((layer) => layer.id) ?? []);
    expect(order.indexOf('plan-ign')).toBeLessThan(order.indexOf('departements-limite'));
    expect(order.indexOf('plan-ign')).toBeGreaterThan(order.indexOf('fond-terres'));
    expect(await page.locator('.map-attribution').textContent()).toContain('Plan IGN © IGN');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/plan-z13-avec.png` });
    // At the region view and street zooms, the plan is under the app's layers at every zoom.
    for (const zoom of [7, 12, 15]) {
      await page.evaluate((z) => window.carte?.adapter?.map.jumpTo({ center: [2.83, 50.432], zoom: z }), zoom);
      await waitForMap(page);
      expect(await planShare(page), `zoom ${zoom}`).toBeGreaterThan(0.2);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/plan-z${zoom}-avec.png` });
    }
    await page.close();
  });

  it('keeps the choice on this device (a reload keeps it) but never in a link (its recipient asks nothing of IGN)', async () => {
    const { page } = await app.open('?v=1&couche=spel', undefined, { waitFor: 'nothing', prepare: async (target) => void (await serveFixturePlan(target)) });
    await waitForMap(page);
    await planSwitch(page).check();
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), PLAN_PREFERENCE_KEY)).toBe('oui');
    expect(page.url()).not.toMatch(/plan|ign/i);
    const shared = page.url();
    await page.reload();
    await waitForMap(page);
    expect(await planSwitch(page).isChecked()).toBe(true);
    await expect.poll(() => page.evaluate(() => window.carte?.store.getState().plan.status), { timeout: 20_000 }).toBe('ok');
    await page.close();

    // The same link opened where nobody turned the plan on: no request to IGN.
    const { page: recipient, watch } = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: async (target) => {
        await target.addInitScript((key) => localStorage.removeItem(key), PLAN_PREFERENCE_KEY);
      },
    });
    const asked = await serveFixturePlan(recipient);
    await recipient.goto(shared);
    await waitForMap(recipient);
    expect(await planSwitch(recipient).isChecked()).toBe(false);
    expect(asked).toEqual([]);
    expect(watch.external.filter((url) => url.includes('geopf'))).toEqual([]);
    await recipient.evaluate((key) => localStorage.setItem(key, 'non'), PLAN_PREFERENCE_KEY);
    await recipient.close();
  });

  it('says so when the service fails, and keeps the app’s own basemap', async () => {
    const { page } = await app.open('#map=12/50.43/2.83', undefined, { waitFor: 'nothing', prepare: async (target) => void (await serveFixturePlan(target, 'panne')) });
    await waitForMap(page);
    await planSwitch(page).check();
    await expect.poll(() => page.evaluate(() => window.carte?.store.getState().plan.status), { timeout: 20_000 }).toBe('erreur');
    await expect.poll(() => page.getByText('Le plan IGN ne répond pas').count()).toBe(1);
    expect(await planShare(page)).toBeLessThan(0.01);
    await planSwitch(page).uncheck();
    await page.close();
  });
});

/** Town names the map has drawn (placed, not hidden by a collision) in the current view. */
const townLabels = (page: Page) => page.evaluate(() => [...new Set(window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['villes-prefectures', 'villes-nom'] }).map((feature) => String(feature.properties['nom'])) ?? [])]);

describe('labels that never collide', () => {
  it('prepares the glyphs of every label with the style: MapLibre’s glyph cache comes to hold them all', async () => {
    const { page } = await app.open('');
    await waitForMap(page);
    // Without the prewarm the cache holds only the ~40 glyphs the region view's labels asked for
    // ("Ÿ", "Œ" or "&" never); with it, every glyph of MAP_GLYPHS, drawn in idle slices.
    const cached = () =>
      page.evaluate(() => {
        const manager = (window.carte?.adapter?.map as unknown as { style?: { glyphManager?: { entries?: Record<string, { glyphs: { default: Record<string, unknown> } }> } } } | undefined)?.style?.glyphManager;
        return Object.keys(manager?.entries?.['Noto Sans Regular']?.glyphs.default ?? {});
      });
    await expect.poll(cached, { timeout: 15_000 }).toEqual(expect.arrayContaining([...MAP_GLYPHS]));
    await page.close();
  });

  it('shows the five préfectures on a phone too, where the whole region fits a narrow map', async () => {
    const { page } = await app.open('', { width: 390, height: 800 });
    expect(await townLabels(page)).toEqual(expect.arrayContaining(['Lille', 'Amiens', 'Beauvais', 'Arras', 'Laon']));
    await page.locator('#carte-interactive').screenshot({ path: `${SCREENSHOT_DIR}/labels-telephone.png` });
    await page.close();
  });

  it('shows the five préfectures at zoom 7, over the clusters; a town keeps its name at street zoom among site names', async () => {
    const { page } = await app.open('#map=7/49.95/2.75');
    const regionLabels = await townLabels(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/labels-z7.png` });
    expect(regionLabels).toEqual(expect.arrayContaining(['Lille', 'Amiens', 'Beauvais', 'Arras', 'Laon']));
    // Drawn above the clusters (never covered by them). The counts and the site symbols, placed
    // first (the layers above), take part in collisions: a town name keeps clear of them (it moves
    // to a free side of its point), and so do the site names, placed last.
    const order = await page.evaluate(() => window.carte?.adapter?.map.getStyle().layers.map((layer) => layer.id) ?? []);
    for (const towns of ['villes-nom', 'villes-prefectures']) {
      expect(order.indexOf(towns), towns).toBeGreaterThan(order.indexOf('sites-groupes'));
      expect(order.indexOf(towns), towns).toBeLessThan(order.indexOf('sites-lieux'));
      expect(order.indexOf(towns), towns).toBeLessThan(order.indexOf('sites-groupes-nombre'));
      expect(order.indexOf('sites-noms'), towns).toBeLessThan(order.indexOf(towns));
    }
    // The Alliance schools too are placed before the other town names (Dunkerque's name moves off
    // its school), after the préfectures (a school never pushes one off), below the cluster counts.
    expect(order.indexOf('alliance-ecoles')).toBeGreaterThan(order.indexOf('villes-nom'));
    expect(order.indexOf('alliance-ecoles')).toBeLessThan(order.indexOf('villes-prefectures'));
    expect(order.indexOf('alliance-ecoles')).toBeLessThan(order.indexOf('sites-groupes-nombre'));
    // The place's marker covers a site symbol but never a cluster's count (the count at the chosen
    // town is drawn over it).
    expect(order.indexOf('lieu-point')).toBeGreaterThan(order.indexOf('sites-lieux'));
    expect(order.indexOf('lieu-point')).toBeLessThan(order.indexOf('sites-groupes-nombre'));
    const placement = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      return [map?.getLayoutProperty('sites-groupes-nombre', 'text-ignore-placement'), map?.getLayoutProperty('sites-lieux', 'icon-ignore-placement'), map?.getLayoutProperty('alliance-ecoles', 'icon-ignore-placement')];
    });
    expect(placement).not.toContain(true);
    await page.evaluate(() => window.carte?.adapter?.map.jumpTo({ center: [2.83, 50.432], zoom: 12 }));
    await waitForMap(page);
    // Lens and Liévin each have a site symbol on their label point: the names move beside it.
    expect(await townLabels(page)).toEqual(expect.arrayContaining(['Lens', 'Liévin']));
    const siteNames = await page.evaluate(() => window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['sites-noms'] }).length ?? 0);
    expect(siteNames).toBeGreaterThan(3);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/labels-z12.png` });
    await page.evaluate(() => window.carte?.adapter?.map.jumpTo({ center: [2.83, 50.432], zoom: 15 }));
    await waitForMap(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/labels-z15.png` });
    // Away from the town's label point, the legend on the map says which commune the view is in,
    // and the communes whose boundaries are in view are named along them.
    await expect.poll(() => page.getByTestId('view-commune').textContent()).toMatch(/^Vous regardez\s: Lens, dans le Pas-de-Calais$/);
    const communeNames = await page.evaluate(() => [...new Set(window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['communes-nom'] }).map((feature) => String(feature.properties['nom'])) ?? [])]);
    expect(communeNames.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the chosen place among the labels', () => {
  it('draws the place’s marker as a pin that town names keep clear of: "Lens" beside it, never through it', async () => {
    // The welders' trainings: no cluster at Lens itself, whose name would move off it anyway.
    const { page } = await app.open('?v=1&metier=H2913&lieu=62498#map=10/50.43/2.83');
    await waitForMap(page);
    const layer = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      const style = map?.getStyle().layers.find((item) => item.id === 'lieu-point');
      return { type: style?.type, overlap: map?.getLayoutProperty('lieu-point', 'icon-allow-overlap'), ignore: map?.getLayoutProperty('lieu-point', 'icon-ignore-placement'), anchor: map?.getLayoutProperty('lieu-point', 'icon-anchor') };
    });
    // Always drawn, and taking part in collisions (a circle layer takes none); a pin whose tip is the
    // place, so a cluster's count at the place stays in view.
    expect(layer).toEqual({ type: 'symbol', overlap: true, ignore: undefined, anchor: 'bottom' });
    // At the marker (the place's point on screen), the marker is drawn and no town name is placed;
    // Lens is still named, beside it.
    const atMarker = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      const marker = map?.queryRenderedFeatures({ layers: ['lieu-point'] })[0];
      if (!map || !marker || marker.geometry.type !== 'Point') return null;
      const { x, y } = map.project(marker.geometry.coordinates as [number, number]);
      const box: [[number, number], [number, number]] = [
        [x - 4, y - 4],
        [x + 4, y + 4],
      ];
      return {
        marker: map.queryRenderedFeatures(box, { layers: ['lieu-point'] }).length,
        towns: map.queryRenderedFeatures(box, { layers: ['villes-nom', 'villes-prefectures'] }).map((feature) => String(feature.properties['nom'])),
      };
    });
    expect(atMarker).toEqual({ marker: 1, towns: [] });
    expect(await townLabels(page)).toContain('Lens');
    // The legend on the map names it, with the same pin.
    expect(await page.getByTestId('map-legend').locator('li', { hasText: 'Lieu choisi' }).locator('svg.place-chip path').count()).toBe(1);
    await page.locator('#carte-interactive').screenshot({ path: `${SCREENSHOT_DIR}/lieu-marqueur-lens.png` });
    await page.close();
  });
});

describe('the legend on the map', () => {
  it('shows the symbols of the layers shown, and an indicator’s classes, "no data", period and source; folds on a phone', async () => {
    const { page } = await app.open('?v=1&indicateur=chomage');
    const legend = page.getByTestId('map-legend');
    await expect.poll(() => legend.locator('section').count(), { timeout: 20_000 }).toBe(1);
    const text = (await legend.textContent()) ?? '';
    expect(text).toMatch(/Taux de chômage, 4e trimestre 2025/);
    expect(text).toMatch(/\d+,\d\s%\sà\s\d+,\d\s%/);
    expect(text).toMatch(/Source\s: Insee/);
    expect(text).toContain('Formation initiale');
    // The swatches are the map's colours, class by class.
    const swatches = await legend.locator('section .swatch:not(.no-data)').evaluateAll((items) => items.map((item) => getComputedStyle(item).backgroundColor));
    expect(swatches.length).toBeGreaterThanOrEqual(3);
    expect(new Set(swatches).size).toBe(swatches.length);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/legende-chomage.png` });
    // Turning a layer off takes its symbols out of the legend.
    await page.getByRole('checkbox', { name: 'Lieux de formation' }).uncheck();
    await expect.poll(() => legend.textContent()).not.toContain('Formation initiale');
    await page.getByRole('checkbox', { name: 'Lieux de formation' }).check();
    await page.close();

    const { page: phone } = await app.open('?v=1&indicateur=chomage', { width: 390, height: 800 });
    expect(await phone.getByTestId('map-legend').evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    await phone.close();
  });
});

