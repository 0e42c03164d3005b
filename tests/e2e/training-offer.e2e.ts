import { describe, expect, it } from 'vitest';
import { IMPORTED_SOURCE_ID } from '../../src/domain/training.ts';
import { SCREENSHOT_DIR, tabTo, waitForMap, type Page } from './browser.ts';
import { DATASET } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();
// What the heading must say, from the committed dataset itself (not from the UI).
const thousands = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s?');
const heading = (trainings: number, sites: number) => new RegExp(`^${thousands(trainings)} formations dans ${thousands(sites)} lieux`);
const affelnetRejected = DATASET.sources.find((source) => source.id === 'affelnet-2022')?.counts?.rejected ?? -1;
const PAUL_HAZARD = 'uai:0590010R:59017';

const rendered = (page: Page, layer: string) =>
  page.evaluate((id) => window.carte?.adapter?.map.queryRenderedFeatures({ layers: [id] }).length ?? 0, layer);

/** Screen position of a lng/lat on the page. */
async function screenPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((point) => {
    const map = window.carte?.adapter?.map;
    if (!map) throw new Error('no map');
    const projected = map.project(point);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + projected.x, y: box.top + projected.y };
  }, lngLat);
}

describe('training offer on the map', () => {
  it('draws the real sites as clusters and symbols, and lists them as "N formations dans N lieux"', async () => {
    const { page, watch } = await app.open();
    expect(await rendered(page, 'sites-groupes')).toBeGreaterThan(10);
    expect(await rendered(page, 'alliance-ecoles')).toBeGreaterThanOrEqual(5);
    const text = (await page.getByTestId('offer-count').textContent()) ?? '';
    expect(text).toMatch(heading(DATASET.trainings.length, DATASET.sites.length));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/offre-region.png` });
    await page.locator('.credits summary').click();
    const credits = (await page.locator('.credits').textContent()) ?? '';
    const parcoursup = DATASET.sources.find((source) => source.id === 'parcoursup')?.counts;
    expect(credits).toMatch(new RegExp(`Parcoursup \\(formations et coordonnées\\).*${thousands(parcoursup?.read ?? -1)} enregistrements lus : ${thousands(parcoursup?.kept ?? -1)} formations sur la carte`));
    expect(credits).toMatch(new RegExp(`Affelnet.*${thousands(affelnetRejected)} écartés avec leur motif`));
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await page.close();
  });

  it('expands a cluster on click and updates the list to the view', async () => {
    const { page } = await app.open('?v=1&calques=sites#map=8/50.55/2.9');
    const before = await page.evaluate(() => window.carte?.adapter?.map.getZoom() ?? 0);
    const cluster = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      const feature = map?.queryRenderedFeatures({ layers: ['sites-groupes'] }).sort((a, b) => Number(b.properties['formations']) - Number(a.properties['formations']))[0];
      return feature?.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : null;
    });
    expect(cluster).not.toBeNull();
    const countBefore = (await page.getByTestId('offer-count').textContent()) ?? '';
    const point = await screenPoint(page, cluster ?? [0, 0]);
    await page.mouse.click(point.x, point.y);
    await page.waitForFunction((zoom) => (window.carte?.adapter?.map.getZoom() ?? 0) > zoom + 0.5, before);
    await waitForMap(page);
    await expect.poll(() => page.getByTestId('offer-count').textContent()).not.toBe(countBefore);
    await page.close();
  });

  it('switches the layers off and on', async () => {
    const { page } = await app.open();
    await page.getByRole('checkbox', { name: 'Lieux de formation' }).uncheck();
    await page.waitForFunction(() => window.carte?.adapter?.map.getLayoutProperty('sites-lieux', 'visibility') === 'none');
    expect(await page.getByTestId('offer-count').count()).toBe(0);
    await page.getByRole('checkbox', { name: /Campus des métiers/ }).check();
    await waitForMap(page);
    expect(await rendered(page, 'campus-liens')).toBeGreaterThan(5);
    expect(new URL(page.url()).searchParams.get('calques')).toBe('alliance,campus');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/offre-campus.png` });
    await page.close();
  });

  it('syncs list and map both ways: hover rings the site, a click opens its card with sources', async () => {
    const { page } = await app.open('#map=12/50.6883/2.87634');
    const item = page.locator(`[data-site="${PAUL_HAZARD}"]`);
    await item.hover();
    await waitForMap(page);
    expect(await rendered(page, 'site-focus')).toBe(1);
    await item.click();
    const card = page.getByTestId('site-card');
    await expect.poll(() => card.textContent()).toContain('Lycée Paul Hazard');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('BTS - Services - Comptabilité et gestion');
    expect(text).toMatch(/Source\s: Parcoursup \(formations et coordonnées\).*ligne \d+\s; Parcoursup BTS/);
    expect(new URL(page.url()).searchParams.get('site')).toBe(PAUL_HAZARD);
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/offre-fiche-lieu.png` });
    // Map → list: hovering the symbol highlights its list item (two schools share this address:
    // the one drawn on top is the one hovered).
    const point = await screenPoint(page, [2.87634, 50.6883]);
    await page.mouse.move(point.x + 40, point.y + 40);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await page.waitForFunction(() => window.carte?.store.getState().hover?.kind === 'site');
    const hovered = await page.evaluate(() => {
      const hover = window.carte?.store.getState().hover;
      return hover?.kind === 'site' ? hover.site : '';
    });
    expect(hovered).toMatch(/^uai:059\d{4}[A-Z]:59017$/);
    await expect.poll(() => page.locator(`[data-site="${hovered}"]`).getAttribute('class')).toContain('is-hovered');
    await page.close();
  });

  it('opens a site card from the map symbol and from a shared link', async () => {
    const { page } = await app.open(`?v=1&site=${PAUL_HAZARD}`);
    await expect.poll(() => page.getByTestId('site-card').textContent()).toContain('Armentières');
    await page.getByRole('button', { name: 'Fermer la fiche' }).first().click();
    expect(await page.getByTestId('site-card').count()).toBe(0);
    await page.evaluate(() => window.carte?.adapter?.map.jumpTo({ center: [2.87634, 50.6883], zoom: 13 }));
    await waitForMap(page);
    const point = await screenPoint(page, [2.87634, 50.6883]);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => page.getByTestId('site-card').textContent()).toContain('Lycée Paul Hazard');
    await page.close();
  });

  it('leads from a site to the other schools at the same address', async () => {
    const ids = await app.open('?v=1').then(async ({ page }) => {
      const found = await page.evaluate(() => {
        const sites = window.carte?.store.getState().data?.offer.dataset.sites ?? [];
        return sites.filter((site) => site.point[0] === 2.76764 && site.point[1] === 50.4129).map((site) => site.id);
      });
      await page.close();
      return found;
    });
    expect(ids).toHaveLength(2);
    const { page } = await app.open(`?v=1&site=${ids[0] ?? ''}`);
    const card = page.getByTestId('site-card');
    await expect.poll(() => card.textContent()).toMatch(/Au même endroit\s:/);
    await card.locator('.note', { hasText: 'Au même endroit' }).getByRole('button', { name: /Henri Darras/ }).click();
    await page.waitForFunction((id) => window.carte?.store.getState().site === id, ids[1]);
    await page.close();
  });

  it('shows an Alliance Emploi school with its partner companies', async () => {
    const { page } = await app.open('?v=1&site=ae-cambrai-maintenance');
    const card = page.getByTestId('alliance-card');
    await expect.poll(() => card.textContent()).toContain('Cambrai');
    expect(await card.textContent()).toMatch(/Entreprises partenaires.*Trémois/);
    await page.close();
  });

  it('lists the campus and opens one from the list, drawn as the network of its communes', async () => {
    const { page } = await app.open('?v=1&calques=campus');
    await page.getByRole('button', { name: /Image et design/ }).click();
    const card = page.getByTestId('campus-card');
    await expect.poll(() => card.textContent()).toMatch(/Campus d'excellence.*Image et design.*Roubaix/);
    expect(await rendered(page, 'campus-communes')).toBeGreaterThan(10);
    await page.close();
  });

  it('is fully usable from the keyboard: Tab to a site, Enter opens its card', async () => {
    const { page } = await app.open('#map=12/50.6883/2.87634');
    const item = page.locator(`[data-site="${PAUL_HAZARD}"]`);
    await tabTo(page, item);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('site-card').textContent()).toContain('Lycée Paul Hazard');
    expect(new URL(page.url()).searchParams.get('site')).toBe(PAUL_HAZARD);
    await page.close();
  });
});

describe('opening a file', () => {
  it('reads an LHEO file in a worker, adds its trainings for the session and shows the report', async () => {
    const { page, watch } = await app.open();
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/lheo/hdf-offres-2.3.xml');
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/7 enregistrements lus, 2 formations ajoutées à la carte dans 2 lieux, 1 doublon fusionné, 4 enregistrements écartés/);
    await result.getByText("Rapport d'import").click();
    expect(await result.textContent()).toMatch(/formation TEST-F1 action A3 \(champ code-INSEE-commune\)\s: hors des Hauts-de-France/);
    await expect.poll(() => page.getByTestId('offer-count').textContent()).toMatch(heading(DATASET.trainings.length + 2, DATASET.sites.length + 2));
    // The file's title carries an escaped <script> and its URL is javascript:. The card shows the
    // title as text with the script dropped by the importer, and the URL as no link at all.
    const imported = await page.evaluate((prefix) => {
      const state = window.carte?.store.getState();
      const found = state?.imported?.dataset.trainings.find((training) => training.intitule.startsWith('Développeur web'));
      return found ? `${prefix}~${found.siteId}` : '';
    }, IMPORTED_SOURCE_ID);
    expect(imported).not.toBe('');
    await page.evaluate((id) => window.carte?.store.getState().selectSite(id), imported);
    const card = page.getByTestId('site-card');
    await expect.poll(() => card.textContent()).toContain('Développeur web & web mobile');
    expect(await card.textContent()).not.toMatch(/alert|<script/);
    expect(await card.locator('a[href^="javascript:"]').count()).toBe(0);
    // Its RNCP code (37674) leads, through Certif Info's table, to its job: one click away.
    expect(await card.locator('.job-links button[data-rome="M1805"]').first().textContent()).toBe('Développeur / Développeuse informatique');
    await page.getByRole('button', { name: 'Fermer la fiche' }).first().click();
    await page.locator('.file-import').screenshot({ path: `${SCREENSHOT_DIR}/offre-fichier-ouvert.png` });
    await page.getByRole('button', { name: 'Retirer ce fichier de la carte' }).click();
    await expect.poll(() => page.getByTestId('offer-count').textContent()).toMatch(heading(DATASET.trainings.length, DATASET.sites.length));
    expect(watch.external).toEqual([]);
    await page.close();
  });

  it('explains why a file cannot be read', async () => {
    const { page } = await app.open();
    await page.getByTestId('file-input').setInputFiles({ name: 'page.xml', mimeType: 'text/xml', buffer: Buffer.from('<html><body>pas du LHEO</body></html>') });
    await expect.poll(() => page.getByTestId('import-error').textContent(), { timeout: 20_000 }).toMatch(/pas un document LHEO/);
    await page.close();
  });
});
