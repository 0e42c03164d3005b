import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/domain/typography.ts';
import { bassinHiring, closestMetier, decodeLabour, metiersOfRomes, readMetierSelection } from '../../src/domain/labour.ts';
import { axeViolations } from './axe.ts';
import { SCREENSHOT_DIR, waitForMap, type Page } from './browser.ts';
import { DATASET, GAZETTEER, listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();
const decoded = decodeLabour(JSON.parse(readFileSync('public/data/bmo.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const labour = decoded.value;
const labourLoaded = (page: Page) => page.waitForFunction(() => window.carte?.store.getState().labour !== null);
/** The class the map colours a zone with (feature-state), -1 for no data. */
const zoneClass = (page: Page, code: string) => page.evaluate((id) => Number(window.carte?.adapter?.map.getFeatureState({ source: 'bassins', id })['classe'] ?? -1), code);

describe('where the jobs are: hiring needs by bassin d’emploi', () => {
  it('draws the bassins d’emploi (couche=bassin) and the hiring choropleth with its legend, withheld figures as unknown', async () => {
    const { page, watch } = await app.open('?v=1&couche=bassin&indicateur=recrutements');
    await labourLoaded(page);
    await waitForMap(page);
    expect(await page.evaluate(() => window.carte?.adapter?.map.getLayoutProperty('bassins-limite', 'visibility'))).toBe('visible');
    expect(await page.evaluate(() => window.carte?.adapter?.map.getLayoutProperty('choroplethe-bassins', 'visibility'))).toBe('visible');
    const legend = page.getByTestId('legend');
    const counts = await legend.locator('li').evaluateAll((items) => items.map((item) => Number(/\((\d+) zones?\)/.exec(item.textContent ?? '')?.[1] ?? 0)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(28);
    // Projects are counted: whole numbers in both legends, each class starting one after the last
    // ends (they read "3 153,6 projets" before). The least and the most projects close them.
    const wholeRanges = async (items: ReturnType<Page['locator']>) =>
      (await items.allTextContents())
        .map((text) => /^\s*([\d ]+?)(?: projets)? à ([\d ]+?)(?: projets)?(?: \(|$)/.exec(text.replace(/[\u00a0\u202f]/g, ' ')))
        .filter((match) => match !== null)
        .map((match) => match.slice(1).map((number) => Number(number.replace(/ /g, ''))));
    const projects = Object.keys(labour.bassins).map((code) => bassinHiring(labour, code, readMetierSelection(null)).projets);
    for (const ranges of [await wholeRanges(legend.locator('li')), await wholeRanges(page.getByTestId('map-legend').locator('li'))]) {
      expect(ranges).toHaveLength(5);
      expect(ranges.flat().every(Number.isInteger)).toBe(true);
      for (let index = 1; index < ranges.length; index += 1) expect(ranges[index]?.[0]).toBe((ranges[index - 1]?.[1] ?? NaN) + 1);
      expect([ranges[0]?.[0], ranges.at(-1)?.[1]]).toEqual([Math.min(...projects), Math.max(...projects)]);
    }
    // The bassin with the most hiring projects is in the top class.
    const all = readMetierSelection(null);
    const ranked = Object.keys(labour.bassins).sort((a, b) => bassinHiring(labour, b, all).projets - bassinHiring(labour, a, all).projets);
    expect(await zoneClass(page, ranked[0] ?? '')).toBe(4);
    expect(await page.getByTestId('indicator-source').textContent()).toMatch(/France Travail, enquête Besoins en main-d'œuvre 2024/);
    expect(await page.locator('[data-testid="indicator-note"]').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/masquées par France Travail \(secret statistique/)]));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/bmo-choroplethe.png` });
    // One métier: the soudeurs; a bassin where its figure is withheld is drawn as no data.
    await page.getByTestId('fap').selectOption('D1X33');
    await waitForMap(page);
    const withheld = Object.keys(labour.bassins).find((code) => (labour.bassins[code] ?? []).some((figure) => figure.metier === 'D1X33' && figure.projets === null));
    expect(withheld).toBeDefined();
    await expect.poll(() => zoneClass(page, withheld ?? '')).toBe(-1);
    expect(new URL(page.url()).searchParams.get('fap')).toBe('D1X33');
    // On the zones d'emploi the survey has no value: said, with a way to the bassins.
    await page.getByLabel("Zones d'emploi (INSEE 2020)").check();
    await page.getByTestId('indicator-zoning').waitFor();
    // The zoning's name inside the sentence keeps its proper nouns and acronyms (it read "france travail, enquête bmo").
    expect(await page.getByTestId('indicator-zoning').textContent()).toContain(typeset("n'est publié que pour les bassins d'emploi (France Travail, enquête BMO)."));
    expect(await page.getByTestId('indicator-zoning').getByRole('button').textContent()).toBe("Afficher les bassins d'emploi (France Travail, enquête BMO)");
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('with the job filter on, the hiring map offers that job’s métiers of the survey, and draws one in a click', async () => {
    const { page, watch } = await app.open('?v=1&metier=H2913&couche=bassin&indicateur=recrutements');
    await labourLoaded(page);
    await waitForMap(page);
    // The survey's métiers for the welder's ROME code, by the DARES table, from the committed file.
    const expected = metiersOfRomes(labour, ['H2913']);
    expect(expected.length).toBeGreaterThan(0);
    const line = page.getByTestId('job-hiring');
    expect(await line.textContent()).toContain('Le métier recherché (Soudeur / Soudeuse) correspond dans l');
    expect(await line.getByRole('button').allTextContents()).toEqual(expected.map((metier) => metier.libelle));
    // Before: every métier's projects ("tous métiers").
    expect(await page.getByTestId('indicator-source').textContent()).toContain('tous métiers');
    const first = expected[0];
    await line.getByRole('button', { name: first?.libelle ?? '' }).click();
    await page.waitForFunction((code) => window.carte?.store.getState().territory.fap === code, first?.code);
    expect(new URL(page.url()).searchParams.get('fap')).toBe(first?.code);
    expect(await line.getByRole('button', { name: first?.libelle ?? '' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('indicator-source').textContent()).not.toContain('tous métiers');
    // The bassin with the most projects of that métier is in the top class.
    const selection = readMetierSelection(first?.code ?? null);
    const ranked = Object.keys(labour.bassins).sort((a, b) => bassinHiring(labour, b, selection).projets - bassinHiring(labour, a, selection).projets);
    await expect.poll(() => zoneClass(page, ranked[0] ?? '')).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/bmo-metier-du-filtre.png` });
    // From the job chip, with no indicator drawn: "Où ce métier recrute" draws the hiring of the
    // job's closest métier on the bassins, and takes the focus to the line that offers the others.
    await page.goto(page.url().replace(/\?.*$/, '?v=1&metier=H2913'));
    await labourLoaded(page);
    await page.getByTestId('job-hiring-map').click();
    const closest = closestMetier(labour, 'H2913');
    expect(closest?.libelle).toBe('Soudeurs');
    await page.waitForFunction((code) => window.carte?.store.getState().territory.fap === code, closest?.code);
    const asked = new URL(page.url()).searchParams;
    expect([asked.get('indicateur'), asked.get('couche'), asked.get('fap'), asked.get('metier')]).toEqual(['recrutements', 'bassin', closest?.code, 'H2913']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('job-hiring');
    expect(await line.getByRole('button', { name: 'Soudeurs' }).getAttribute('aria-pressed')).toBe('true');
    // A job no training of the map leads to, typed in the search ("aide-soignant"): the line under
    // the box that says so leads to where that job is hiring.
    await page.goto(page.url().replace(/\?.*$/, '?v=1&q=aide-soignant'));
    await labourLoaded(page);
    await page.waitForFunction(() => window.carte?.store.getState().searchHits?.query === 'aide-soignant');
    const carers = closestMetier(labour, 'J1501');
    expect(carers?.libelle).toBe('Aides-soignants');
    await page.getByTestId('job-none').getByTestId('job-none-hiring').click();
    await page.waitForFunction((code) => window.carte?.store.getState().territory.fap === code, carers?.code);
    const typed = new URL(page.url()).searchParams;
    expect([typed.get('indicateur'), typed.get('couche'), typed.get('fap'), typed.get('q')]).toEqual(['recrutements', 'bassin', carers?.code, 'aide-soignant']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('job-hiring');
    expect(await line.textContent()).toContain('Le métier recherché (Aide-soignant / Aide-soignante) correspond dans l');
    expect(await line.getByRole('button', { name: 'Aides-soignants' }).getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/bmo-aide-soignant.png` });
    // A job the DARES table gives no survey métier (public administration, K14…): said, no button.
    const unmatched = ['K1401', 'K1403', 'K1404', 'E1201'].find((code) => metiersOfRomes(labour, [code]).length === 0);
    expect(unmatched).toBeDefined();
    await page.goto(page.url().replace(/\?.*$/, `?v=1&metier=${unmatched ?? ''}&couche=bassin&indicateur=recrutements`));
    await labourLoaded(page);
    await expect.poll(() => line.textContent()).toMatch(/^Aucun métier de l'enquête ne correspond au métier recherché \(/);
    expect(await line.getByRole('button').count()).toBe(0);
    // …and its chip offers no hiring map.
    expect(await page.getByTestId('job-hiring-map').count()).toBe(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('a bassin’s card lists the métiers that hire, each leading to its trainings through metier=, and those without a training', async () => {
    const { page } = await app.open('?v=1&zone=bassin:3227');
    await labourLoaded(page);
    const card = page.getByTestId('bassin-hiring');
    await card.waitFor();
    expect(await page.getByTestId('bassin-note').textContent()).toMatch(/Ce n'est pas une zone d'emploi de l'Insee/);
    // The first row is the métier with the most projects in Lens' bassin.
    const top = [...(labour.bassins['3227'] ?? [])].sort((a, b) => (b.projets ?? -1) - (a.projets ?? -1))[0];
    expect(await card.locator('li[data-fap]').first().getAttribute('data-fap')).toBe(top?.metier);
    expect(await page.getByTestId('bassin-without-training').textContent()).toMatch(/Aides-soignants.*La carte ne contient pas toute l'offre/s);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('zone-card').screenshot({ path: `${SCREENSHOT_DIR}/bmo-bassin-lens.png` });
    // A métier with trainings in the bassin: the link filters the offer to them.
    const row = card.locator('li[data-fap]:has(button[data-scope="bassin"])').first();
    const fap = (await row.getAttribute('data-fap')) ?? '';
    const romes = labour.metiers.find((metier) => metier.code === fap)?.romes ?? [];
    await row.locator('button[data-scope="bassin"]').click();
    await page.waitForFunction((count) => window.carte?.store.getState().filters.metiers.length === count, romes.length);
    expect(new URL(page.url()).searchParams.get('metier')?.split(',')).toEqual([...romes]);
    expect(new URL(page.url()).searchParams.get('dans')).toBe('bassin:3227');
    const inBassin = new Set(GAZETTEER.communes.filter((commune) => commune.bassin === '3227').map((commune) => commune.code));
    const siteCommune = new Map(DATASET.sites.map((site) => [site.id, site.commune]));
    const expected = DATASET.trainings.filter((training) => (training.romes ?? []).some((rome) => romes.includes(rome)) && inBassin.has(siteCommune.get(training.siteId) ?? ''));
    await waitForMap(page);
    await expect.poll(async () => (await listHeading(page)).trainings).toBe(expected.length);
    await page.close();
  });

  it('a training’s card gives its jobs’ hiring projects in its bassin and the region; the Plan Marshall view compares them with the trainings and the Alliance schools', async () => {
    const welding = DATASET.trainings.find((training) => (training.romes ?? []).includes('H2913'));
    const { page } = await app.open(`?v=1&site=${encodeURIComponent(welding?.siteId ?? '')}`);
    await labourLoaded(page);
    const line = page.getByTestId('training-hiring').first();
    await line.waitFor();
    expect(await line.textContent()).toMatch(/Recrutements prévus pour ces métiers .* projets dans le bassin d'emploi .* dans la région, dont .* difficiles .*France Travail, enquête Besoins en main-d'œuvre 2024/);
    await page.goto(page.url().replace(/\?.*$/, '?v=1'));
    await labourLoaded(page);
    await page.getByRole('button', { name: /Vue Plan Marshall/ }).click();
    await page.getByTestId('marshall-table').waitFor();
    expect(new URL(page.url()).searchParams.get('fap')).toBe('marshall');
    expect(new URL(page.url()).searchParams.get('couche')).toBe('bassin');
    expect(await page.getByTestId('marshall-table').locator('tbody tr').count()).toBe(28);
    expect(await page.getByTestId('marshall-table').textContent()).toMatch(/École de la Maintenance/);
    await waitForMap(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/bmo-plan-marshall.png` });
    await page.close();
  });

  it('compares bassins on the indicator drawn, and the card and sheet say its value, all from the indicator’s module', async () => {
    const { page } = await app.open('?v=1&couche=bassin&indicateur=recrutements&comparer=bassin:3227,bassin:3216&zone=bassin:3216');
    await labourLoaded(page);
    const all = readMetierSelection(null);
    const projects = (code: string) => bassinHiring(labour, code, all).projets.toLocaleString('fr-FR');
    const table = page.getByTestId('compare');
    await expect.poll(() => table.textContent()).toMatch(/Projets de recrutement \(indicateur affiché\)/);
    const text = ((await table.textContent()) ?? '').replace(/\u202f|\u00a0/g, ' ');
    expect(text).toContain(`${projects('3227').replace(/\u202f|\u00a0/g, ' ')} projets`);
    expect(text).toContain(`${projects('3216').replace(/\u202f|\u00a0/g, ' ')} projets`);
    expect(((await page.getByTestId('indicator-line').textContent()) ?? '').replace(/\u202f|\u00a0/g, ' ')).toMatch(new RegExp(`Projets de recrutement : ${projects('3216').replace(/\u202f|\u00a0/g, ' ')} projets`));
    await page.close();
  });
});
