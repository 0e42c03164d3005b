import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { SCREENSHOT_DIR, waitForMap, type Page } from './browser.ts';
import { DATASET, GAZETTEER, listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

// Independent answers: Turf distances and point-in-polygon over the committed files.
const { trainings, sites } = DATASET;
const LENS = GAZETTEER.byCode.get('62498');
if (!LENS) throw new Error('no Lens');
const topology = JSON.parse(readFileSync('public/geo/hauts-de-france.topo.json', 'utf8')) as Topology;
const zones = feature(topology, topology.objects['zones_emploi'] as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>;

const within = (center: [number, number], km: number) => {
  const near = sites.filter((site) => distance(center, site.point, { units: 'kilometers' }) <= km);
  const ids = new Set(near.map((site) => site.id));
  return { sites: near.length, trainings: trainings.filter((training) => ids.has(training.siteId)).length };
};

const heading = listHeading;

/** The distances shown in the list, in km, in list order. */
const listedKm = (page: Page) => page.locator('.offer-list [data-km]').evaluateAll((elements) => elements.map((element) => Number((element as HTMLElement).dataset['km'])));

describe('where: a place, a radius, a zone', () => {
  it('finds the trainings within 30 km of Lens, nearest first, and the same after a reload', async () => {
    const { page, watch } = await app.open();
    const input = page.getByRole('combobox', { name: 'Commune ou code postal' });
    await input.fill('Lens');
    await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/^Lens/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('place-current').textContent()).toMatch(/Autour de Lens \(62498\)/);
    expect(await page.getByTestId('place-zones').textContent()).toMatch(/Département\s: Pas-de-Calais.*Zone d'emploi\s: Lens.*SPEL\s: Lens/);
    await page.getByRole('slider', { name: 'Rayon en kilomètres' }).fill('30');
    await page.waitForFunction(() => window.carte?.store.getState().where.rayon === 30);
    await waitForMap(page);
    const want = within(LENS.point, 30);
    await expect.poll(() => heading(page)).toEqual(want);
    expect(await page.getByTestId('offer-count').textContent()).toMatch(/à moins de 30\skm de Lens/);
    const km = await listedKm(page);
    expect(km.length).toBeGreaterThan(10);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(km.every((value) => value <= 30)).toBe(true);
    expect(await page.locator('.offer-list .distance').first().textContent()).toMatch(/km|m/);
    // A site placed at its commune's point (or its head office) is "≈ 1 km" at the least, never "0 m".
    const distances = await page.evaluate(() => {
      const offer = window.carte?.store.getState().data?.offer;
      return [...document.querySelectorAll('.offer-list [data-site]')].map((button) => ({
        precision: offer?.sitesById.get(button.getAttribute('data-site') ?? '')?.precision,
        text: button.querySelector('.distance')?.textContent?.replace(/^\s*·\s*/, '') ?? '',
      }));
    });
    const approximate = distances.filter((item) => item.precision !== 'address');
    expect(approximate.length).toBeGreaterThan(0);
    for (const item of approximate) expect(item.text).toMatch(/^≈\u00a0\d+\u00a0km/);
    for (const item of distances.filter((entry) => entry.precision === 'address')) expect(item.text).toMatch(/^\d+(,\d)?\u00a0k?m/);
    expect(new URL(page.url()).searchParams.get('lieu')).toBe('62498');
    expect(new URL(page.url()).searchParams.get('rayon')).toBe('30');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/lieu-lens-30km.png` });

    await page.reload();
    await waitForMap(page);
    expect(await heading(page)).toEqual(want);
    expect(await listedKm(page)).toEqual(km);
    expect(watch.external).toEqual([]);
    await page.close();
  });

  it('estimates travel time by mode, says it is estimated, and offers a longer time when nothing is in reach', async () => {
    const { page } = await app.open('?v=1&lieu=62498&temps=15&mode=pied&niveau=8');
    const empty = page.getByTestId('empty-state');
    await expect.poll(() => empty.textContent()).toMatch(/Aucune formation à 15\smin \(temps estimé\)/);
    expect(await page.getByText(/ce n'est pas un calcul d'itinéraire/).count()).toBe(1);
    await page.close();
    const { page: byCar } = await app.open('?v=1&lieu=62498&temps=30&mode=voiture');
    // 30 min by car = 30/60 × 50 km/h / 1.3 detour ≈ 19.2 km straight.
    await expect.poll(() => heading(byCar)).toEqual(within(LENS.point, (30 / 60) * 50 / 1.3));
    expect(await byCar.getByTestId('offer-count').textContent()).toMatch(/30\smin en voiture de Lens, temps estimé/);
    await byCar.close();
  });

  it('says so when geolocation is refused, and when the position is outside the region', async () => {
    const { page } = await app.open();
    await page.context().clearPermissions();
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => page.getByTestId('place-message').textContent()).toMatch(/refusé l'accès à votre position/);
    await page.context().grantPermissions(['geolocation'], { origin: new URL(app.url()).origin });
    await page.context().setGeolocation({ latitude: 48.8566, longitude: 2.3522 }); // Paris
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => page.getByTestId('place-message').textContent()).toMatch(/hors des Hauts-de-France/);
    await page.context().setGeolocation({ latitude: 50.431_234, longitude: 2.831_789 }); // Lens
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => new URL(page.url()).hash).toContain('lieu=2.832,50.431');
    // The position stays in the hash, rounded: never in the query the host sees.
    expect(new URL(page.url()).search).not.toContain('lieu');
    await page.context().clearPermissions();
    await page.close();
  });

  it('says when no commune matches what was typed, and hands a job typed there to the search', async () => {
    const { page } = await app.open();
    const placeBox = page.getByRole('combobox', { name: 'Commune ou code postal' });
    const noMatch = page.getByTestId('place-no-match');
    // A place the gazetteer has: its suggestions, no message.
    await placeBox.fill('Lens');
    await page.getByRole('option', { name: /^Lens/ }).first().waitFor();
    expect(await noMatch.textContent()).toBe('');
    // The communes proposed hang under the box, as wide as it (they spanned the whole panel).
    const boxEdges = await placeBox.boundingBox();
    const listEdges = await page.locator('#communes-proposees').boundingBox();
    expect([Math.round(listEdges?.x ?? 0), Math.round((listEdges?.x ?? 0) + (listEdges?.width ?? 0))]).toEqual([Math.round(boxEdges?.x ?? -1), Math.round((boxEdges?.x ?? -1) + (boxEdges?.width ?? 0))]);
    // Leaving the box closes them (they stayed over the buttons below).
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('#communes-proposees').count()).toBe(0);
    expect(await placeBox.getAttribute('aria-expanded')).toBe('false');
    // A place outside the region ("Paris" finds Le Touquet-Paris-Plage, "Marseille"
    // Marseille-en-Beauvaisis), and a postcode of another region: said, in the live region.
    await placeBox.fill('Toulouse');
    await expect.poll(() => noMatch.textContent()).toMatch(/^Aucune commune des Hauts-de-France ne correspond à «\s?Toulouse\s?»/);
    expect(await noMatch.getAttribute('role')).toBe('status');
    await placeBox.fill('75001');
    await expect.poll(() => noMatch.textContent()).toMatch(/^Aucune commune des Hauts-de-France n'a le code «\s?75001\s?»\.$/);
    expect(await axeViolations(page)).toEqual([]);
    // A job typed in the place box: one click takes it to the search, which suggests the job.
    await placeBox.fill('cariste');
    await noMatch.getByRole('button', { name: 'Chercher « cariste » parmi les formations et les métiers' }).click();
    await page.waitForFunction(() => window.carte?.store.getState().filters.q === 'cariste');
    expect(await placeBox.inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche');
    await page.locator('[data-testid="suggestions"] [role="option"][data-rome="N1101"]').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('cariste');
    await page.close();
  });

  it('sets the place with a click on the map', async () => {
    const { page } = await app.open('?v=1&calques=#map=10/50.43/2.83');
    await page.getByRole('button', { name: 'Choisir sur la carte' }).click();
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('place-current').textContent()).toMatch(/un point de la carte/);
    const [lng, lat] = (new URLSearchParams(new URL(page.url()).hash.slice(1)).get('lieu') ?? '').split(',').map(Number);
    expect(lng).toBeCloseTo(2.83, 1);
    expect(lat).toBeCloseTo(50.43, 1);
    expect(await page.getByTestId('place-zones').textContent()).toMatch(/Zone d'emploi\s: Lens/);
    await page.close();
  });

  it('lists exactly the sites inside a zone with dans=ze:3215', async () => {
    const { page } = await app.open('?v=1&dans=ze:3215');
    const zone = zones.features.find((item) => item.properties.code === '3215');
    if (!zone) throw new Error('no zone 3215');
    // In the zone: its commune is (the one definition); on today's data every such site's point is inside the outline too.
    const inside = sites.filter((site) => GAZETTEER.byCode.get(site.commune)?.zoneEmploi === '3215');
    expect(inside.every((site) => booleanPointInPolygon(site.point, zone))).toBe(true);
    const ids = new Set(inside.map((site) => site.id));
    await expect.poll(() => heading(page)).toEqual({ sites: inside.length, trainings: trainings.filter((training) => ids.has(training.siteId)).length });
    const listed = await page.locator('.offer-list [data-site]').evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset['site'] ?? ''));
    expect(new Set(listed)).toEqual(ids);
    expect(await page.getByTestId('offer-count').textContent()).toMatch(/dans zone d'emploi Lens/);
    await page.close();
  });

  it('orients a person at street zoom: commune boundaries and names, a route link on the card', async () => {
    const { page, watch } = await app.open('?v=1&site=uai:0590010R:59017#map=13/50.6883/2.87634');
    await page.waitForFunction(() => (window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['communes-limite'] }).length ?? 0) > 3, undefined, { timeout: 30_000 });
    await waitForMap(page);
    const names = await page.evaluate(() => window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['villes-nom'] }).map((item) => String(item.properties['nom'])));
    expect(names).toContain('Armentières');
    expect(await page.getByTestId('itineraire').getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/directions\?.*50\.6883%2C2\.87634/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/rue-communes.png` });
    // The route planner is a link: the app itself made no request to it.
    expect(watch.external).toEqual([]);
    await page.close();
  });
});
