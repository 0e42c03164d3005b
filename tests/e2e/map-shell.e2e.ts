import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, type Page } from './browser.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();
const open = (path = '') => app.open(path);

/** Share of canvas pixels that are not the sea colour: the region and its neighbours are drawn. */
async function drawnShare(page: Page): Promise<{ land: number; distinct: number }> {
  return page.evaluate(() => {
    const canvas = window.carte?.adapter?.map.getCanvas();
    if (!canvas) return { land: 0, distinct: 0 };
    const copy = document.createElement('canvas');
    copy.width = 200;
    copy.height = 150;
    const context = copy.getContext('2d');
    if (!context) return { land: 0, distinct: 0 };
    context.drawImage(canvas, 0, 0, 200, 150);
    const { data } = context.getImageData(0, 0, 200, 150);
    let land = 0;
    const colours = new Set<number>();
    for (let index = 0; index < data.length; index += 4) {
      const [r, g, b] = [data[index] ?? 0, data[index + 1] ?? 0, data[index + 2] ?? 0];
      colours.add((r << 16) | (g << 8) | b);
      // Sea is #d7e6ef: bluish. Land colours are near-neutral and light.
      if (Math.abs(r - g) < 12 && Math.abs(g - b) < 12 && r > 200) land += 1;
    }
    return { land: land / (data.length / 4), distinct: colours.size };
  });
}

describe('map shell', () => {
  it('draws the region on the canvas with no console error and no third-party request', async () => {
    const { page, watch } = await open();
    const share = await drawnShare(page);
    expect(share.land).toBeGreaterThan(0.3);
    expect(share.distinct).toBeGreaterThan(20);
    const rendered = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      const count = (layer: string, kind?: string) => map?.queryRenderedFeatures({ layers: [layer] }).filter((feature) => !kind || feature.properties['kind'] === kind).length ?? 0;
      return { region: count('fond-terres', 'region'), zones: count('zones-emploi-limite'), departements: count('departements-limite'), villes: count('villes-prefectures') + count('villes-nom') };
    });
    expect(rendered.region).toBeGreaterThan(0);
    expect(rendered.zones).toBeGreaterThanOrEqual(24);
    expect(rendered.departements).toBeGreaterThanOrEqual(5);
    expect(rendered.villes).toBeGreaterThan(5);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/carte-zones-emploi.png` });
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await page.close();
  });

  it('switches the zoning with the control and writes it to the URL', async () => {
    const { page, watch } = await open();
    await page.getByLabel('SPEL (bassins emploi-formation)').check();
    await page.waitForFunction(() => window.carte?.adapter?.map.getLayoutProperty('spel-limite', 'visibility') === 'visible');
    expect(await page.evaluate(() => window.carte?.adapter?.map.getLayoutProperty('zones-emploi-limite', 'visibility'))).toBe('none');
    expect(new URL(page.url()).searchParams.get('couche')).toBe('spel');
    await expect.poll(() => page.getByRole('heading', { name: /SPEL \(bassins emploi-formation\) \(26\)/ }).count()).toBe(1);
    await page.getByLabel('Aucun zonage').check();
    await page.waitForFunction(() => window.carte?.adapter?.map.getLayoutProperty('spel-limite', 'visibility') === 'none');
    await page.goBack();
    await page.waitForFunction(() => window.carte?.store.getState().couche === 'spel');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('says that a zone card’s counts follow the filters when some are on', async () => {
    const { page } = await open('?v=1&couche=ze&zone=ze:3215&metier=H2913');
    await expect.poll(() => page.getByTestId('zone-supply').textContent()).toMatch(/^\d+ formations? dans \d+ lieux?, selon les filtres/);
    await page.close();
  });

  it('opens a link with a zone selected: card, list and map agree', async () => {
    const { page, watch } = await open('?v=1&couche=ze&zone=ze:3215');
    const card = page.getByTestId('zone-card');
    await expect.poll(() => card.textContent()).toContain('Lens');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('3215');
    expect(text).toMatch(/Pas-de-Calais \(62\)/);
    expect(await page.getByTestId('zone-supply').textContent()).toMatch(/\d+ formations dans \d+ lieux/);
    expect(await page.getByTestId('zone-supply-filtered').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Lens/ }).getAttribute('aria-pressed')).toBe('true');
    const state = await page.evaluate(() => window.carte?.adapter?.map.getFeatureState({ source: 'zones-emploi', id: '3215' }));
    expect(state).toMatchObject({ selected: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/carte-zone-lens.png` });
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('selects a zone by clicking the map and shows its card', async () => {
    // Point layers off, so the click lands on the zone.
    const { page } = await open('?v=1&couche=spel&calques=');
    const point = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      const feature = window.carte?.store.getState().data?.gazetteer.byCode.get('80021'); // Amiens
      if (!map || !feature) return null;
      const projected = map.project(feature.point);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + projected.x, y: box.top + projected.y };
    });
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain("SPEL d'Amiens");
    expect(new URL(page.url()).searchParams.get('zone')).toBe('spel:802');
    await page.close();
  });

  it('falls back to defaults on a malformed link, without an error', async () => {
    const { page, watch } = await open('?v=1&couche=lune&zone=ze:9999&calques=%%%#map=abc');
    expect(await page.evaluate(() => window.carte?.store.getState().couche)).toBe('zone_emploi');
    expect(await page.getByTestId('zone-card').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['375 px wide', { width: 375, height: 740 }],
    ['1280 px wide', { width: 1280, height: 800 }],
  ])('keeps the page itself from scrolling, %s: the panel scrolls within the app, its hidden labels with it', async (_name, viewport) => {
    const { page } = await app.open('?v=1&zone=dep:59&voie=apprentissage', viewport);
    await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain('Nord');
    for (const panel of ['coverage', 'share']) await page.locator(`[data-testid="${panel}"] > summary`).click();
    const sizes = await page.evaluate(() => ({
      page: document.documentElement.scrollHeight - window.innerHeight,
      // The panel has more than it shows: it is the one that scrolls.
      panel: (document.querySelector('aside.panel')?.scrollHeight ?? 0) - (document.querySelector('aside.panel')?.clientHeight ?? 0),
      hiddenLabels: document.querySelectorAll('aside.panel .visually-hidden').length,
    }));
    expect(sizes.hiddenLabels).toBeGreaterThan(3);
    expect(sizes.panel).toBeGreaterThan(200);
    expect(sizes.page).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('never scrolls the panel sideways, whatever it shows', async () => {
    // The hiring indicator's select of métiers (long names), a zone card with its comparison, unemployment.
    for (const view of ['?v=1&indicateur=recrutements&couche=bassin', '?v=1&indicateur=recrutements&couche=bassin&zone=bassin:3227', '?v=1&indicateur=chomage&zone=ze:3215&comparer=ze:3215,ze:3203']) {
      for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 800 }]) {
        const { page } = await app.open(view, viewport);
        await page.getByTestId('territory').waitFor();
        await page.locator('.territory .legend-table, .territory [data-testid="fap"], .territory select').first().waitFor();
        const sideways = await page.evaluate(() => {
          const panel = document.querySelector('aside.panel');
          return panel ? panel.scrollWidth - panel.clientWidth : -1;
        });
        expect({ view, width: viewport.width, sideways }).toEqual({ view, width: viewport.width, sideways: 0 });
        await page.close();
      }
    }
  });

  it('is usable at 375 px wide', async () => {
    const { page } = await app.open('?v=1&zone=dep:59', { width: 375, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain('Nord');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/carte-mobile-375.png`, fullPage: true });
    await page.close();
  });
});
