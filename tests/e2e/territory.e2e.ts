import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, waitForMap, type Page } from './browser.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();
const indicators = JSON.parse(readFileSync('public/data/indicators.json', 'utf8')) as { chomage: { quarters: string[]; zonesEmploi: Record<string, (number | null)[]> } };
const rate = (code: string, quarter: string) => indicators.chomage.zonesEmploi[code]?.[indicators.chomage.quarters.indexOf(quarter)] ?? null;

const indicatorsLoaded = (page: Page) => page.waitForFunction(() => window.carte?.store.getState().indicators !== null);
/** The class the map colours a zone with (feature-state), -1 for no data. */
const zoneClass = (page: Page, source: string, code: string) => page.evaluate(([from, id]) => Number(window.carte?.adapter?.map.getFeatureState({ source: from ?? '', id: id ?? '' })['classe'] ?? -1), [source, code]);

describe('read the territory', () => {
  it('draws unemployment by zone d’emploi, with a legend that counts the zones, and switches indicators', async () => {
    const { page, watch } = await app.open();
    await indicatorsLoaded(page);
    await page.getByLabel('Indicateur').selectOption('chomage');
    await waitForMap(page);
    const legend = page.getByTestId('legend');
    const counts = await legend.locator('li').evaluateAll((items) => items.map((item) => Number(/\((\d+) zones?\)/.exec(item.textContent ?? '')?.[1] ?? 0)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(24);
    expect(await page.evaluate(() => window.carte?.adapter?.map.getLayoutProperty('choroplethe-zones-emploi', 'visibility'))).toBe('visible');
    // The zone with the highest rate is in the top class, the lowest in the first.
    const last = indicators.chomage.quarters.at(-1) ?? '';
    const ranked = Object.keys(indicators.chomage.zonesEmploi).sort((a, b) => (rate(b, last) ?? 0) - (rate(a, last) ?? 0));
    expect(await zoneClass(page, 'zones-emploi', ranked[0] ?? '')).toBe(4);
    expect(await zoneClass(page, 'zones-emploi', ranked.at(-1) ?? '')).toBe(0);
    expect(new URL(page.url()).searchParams.get('indicateur')).toBe('chomage');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/territoire-chomage.png` });

    await page.getByLabel('Indicateur').selectOption('zones-blanches');
    await expect.poll(() => page.getByTestId('coverage-note').textContent()).toMatch(/pas un désert de formation/);
    await page.getByLabel('Indicateur').selectOption('offre');
    await expect.poll(() => page.getByTestId('legend').textContent()).toMatch(/zones?\)/);
    expect(await page.getByTestId('coverage-note').textContent()).toMatch(/Compte seulement ce que la carte contient\s: Parcoursup/);
    await page.getByLabel('Indicateur').selectOption('lieux');
    await expect.poll(() => page.getByTestId('legend').getAttribute('aria-label')).toBe('Légende : Lieux de formation');
    await page.getByLabel('Indicateur').selectOption('offre');
    // The table behind it, sorted by value, and its CSV.
    await page.getByText(/^Tableau \(24 territoires\)/).click();
    const values = await page.getByTestId('territory-table').locator('tbody td').evaluateAll((cells) => cells.map((cell) => Number((cell.textContent ?? '').replace(/\s/g, '').replace(',', '.'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le tableau (CSV)' }).click()]);
    expect(readFileSync(await download.path(), 'utf8').split('\r\n')[0]).toBe('\uFEFFcode;territoire;population;Offre de formation (formations pour 10 000 hab.)');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('moves through the quarters with the slider and plays them', async () => {
    const { page } = await app.open('?v=1&indicateur=chomage&periode=2010-T1&zone=ze:3215');
    await indicatorsLoaded(page);
    await expect.poll(() => page.getByTestId('quarter').textContent()).toBe('1er trimestre 2010');
    await expect.poll(() => page.getByTestId('essentials-rate').textContent()).toContain(`${String(rate('3215', '2010-T1')).replace('.', ',')} % au 1er trimestre 2010`);
    const slider = page.getByRole('slider', { name: /Trimestre/ });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('quarter').textContent()).toBe('2e trimestre 2010');
    expect(new URL(page.url()).searchParams.get('periode')).toBe('2010-T2');
    await page.getByRole('button', { name: /Lecture/ }).click();
    await expect.poll(() => page.getByTestId('quarter').textContent(), { timeout: 10_000 }).not.toBe('2e trimestre 2010');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.close();
  });

  it('draws this year’s edition: 2025-T4 on the slider, the cross-border zones said to be whole; an old chomage-evol1 link still opens', async () => {
    const { page } = await app.open('?v=1&indicateur=chomage');
    await indicatorsLoaded(page);
    await expect.poll(() => page.getByTestId('quarter').textContent()).toBe('4e trimestre 2025');
    expect(await page.locator('#trimestre').getAttribute('aria-valuetext')).toBe('4e trimestre 2025');
    expect(await page.getByTestId('whole-zone-note').textContent()).toMatch(/Zones 0054 et 0058 .* zone entière/);
    // Beauvais (0054) says it on its card too.
    const beauvais = await app.open('?v=1&zone=ze:0054');
    await indicatorsLoaded(beauvais.page);
    await expect.poll(() => beauvais.page.getByTestId('unemployment-note').textContent()).toMatch(/taux de la zone entière/);
    // Issue #10's spellings, in a link shared then.
    const old = await app.open('?v=1&indicateur=chomage-evol1&classes=egal');
    await indicatorsLoaded(old.page);
    await old.page.waitForFunction(() => window.carte?.store.getState().territory.indicateur === 'chomage-evol-1');
    expect(await old.page.evaluate(() => window.carte?.store.getState().territory.classes)).toBe('egales');
    expect(await old.page.getByTestId('legend').getAttribute('aria-label')).toMatch(/Évolution du chômage sur 1 an/);
    for (const opened of [page, beauvais.page, old.page]) await opened.close();
  });

  it('opens a zone’s essentials: rate as in INSEE’s workbook with its rank, supply, schools, Plan Marshall', async () => {
    const { page } = await app.open('?v=1&zone=ze:3215');
    await indicatorsLoaded(page);
    const essentials = page.getByTestId('essentials');
    // The latest edition held (INSEE's CSV to 2025-T4): Lens at 10.8 % in 2025-T4, as in the file.
    await expect.poll(() => page.getByTestId('essentials-rate').textContent()).toMatch(/^10,8\s% au 4e trimestre 2025 · \d+e sur 24/);
    expect(await essentials.locator('svg.sparkline').count()).toBe(1);
    // The series in words for a screen reader, and under it, quarters as French writes them (not "2003-T1").
    expect(await essentials.locator('svg.sparkline').getAttribute('aria-label')).toMatch(/^Taux de chômage, du 1er trimestre 2003 \(\d+,\d\s%\) au 4e trimestre 2025 \(10,8\s%\)$/);
    expect(await essentials.textContent()).toMatch(/1er\strim\.\s2003 → 4e\strim\.\s2025/);
    expect(await essentials.textContent()).not.toMatch(/\d{4}-T\d/);
    // The period once, then the source, as in the key figures (it read "…, bilan 2023-2025, 2023-2025").
    expect(await page.getByTestId('essentials-marshall').textContent()).toMatch(/^bassin prioritaire du Plan Marshall \(2023-2025\s;\sRégion Hauts-de-France, bilan 2023-2025\)$/);
    expect(await essentials.textContent()).toMatch(/École Alliance Emploi la plus proche.*km de Lens/);
    // The card gives the counts by voie once (its "Offre de formation"), says why they add up to more
    // than the trainings, and the essentials name the main domains as such.
    const card = page.getByTestId('zone-card');
    expect(await card.textContent()).toMatch(/Formation initiale \(scolaire\)\s:\s\d+/);
    expect(await essentials.textContent()).not.toMatch(/Formation initiale|Apprentissage\s:/);
    expect(await page.getByTestId('zone-supply-voies').textContent()).toMatch(/plusieurs voies compte dans chacune/);
    expect(await essentials.locator('dt', { has: page.locator('xpath=following-sibling::dd[1][@data-testid="essentials-domains"]') }).textContent()).toMatch(/^5 principaux domaines sur \d+$/);
    expect((await page.getByTestId('essentials-domains').textContent())?.match(/\(\d+\)/g)).toHaveLength(5);
    // The card's two lists of facts line up, and nothing sticks out of the card (the sparkline did).
    const valueLeft = (list: string) => card.locator(list).first().evaluate((element) => Math.round(element.getBoundingClientRect().left));
    expect(await valueLeft('> dl.facts > dd')).toBe(await valueLeft('[data-testid="essentials"] dl.facts > dd'));
    const right = await card.evaluate((element) => element.getBoundingClientRect().right);
    expect(await essentials.locator('svg.sparkline').evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(right);
    await page.close();
  });

  it('compares territories side by side from the URL and from the cards', async () => {
    const { page } = await app.open('?v=1&comparer=ze:3215,ze:3203');
    await indicatorsLoaded(page);
    const compare = page.getByTestId('compare');
    await expect.poll(() => compare.locator('thead th').count()).toBe(3);
    expect(await compare.textContent()).toMatch(/Zone d'emploi Lens.*Zone d'emploi Arras/);
    expect(await compare.locator('svg.sparkline').count()).toBe(2);
    // Quarters and the series' years as the data say them, in French ("2025-T4" and a fixed "2003" before).
    expect(await compare.textContent()).toMatch(/10,8\s%\s\(4e\strim\.\s2025\).*Chômage de 2003 à 2025/);
    expect(await compare.textContent()).not.toMatch(/\d{4}-T\d/);
    await page.getByRole('button', { name: /^Valenciennes/ }).click();
    await page.getByTestId('zone-card').getByRole('button', { name: 'Comparer' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('comparer')).toBe('ze:3215,ze:3203,ze:3222');
    await page.getByRole('button', { name: 'Retirer Lens de la comparaison' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('comparer')).toBe('ze:3203,ze:3222');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/territoire-comparaison.png`, fullPage: true });
    await page.close();
  });

  it('prints a territory as a clean A4 sheet', async () => {
    const { page } = await app.open('?v=1&zone=ze:3215&indicateur=chomage');
    await indicatorsLoaded(page);
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
    });
    // Printed on the first of a month, late in the evening: "1er décembre", that day's date.
    await page.clock.setFixedTime(new Date(2026, 11, 1, 23, 30));
    await page.getByTestId('zone-card').getByRole('button', { name: 'Imprimer la fiche' }).click();
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await sheet.textContent()).toMatch(/Zone d'emploi\s: Lens.*Fiche du 1er décembre 2026.*L'essentiel.*Population.*10,8\s%.*Sources et licences/);
    // No filter on: the counts are the zone's whole offer, and the sheet does not say otherwise.
    expect(await sheet.textContent()).toMatch(/Formations\d+ formations dans \d+ lieuxFormation initiale/);
    expect(await sheet.locator('img.print-map').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fiche-territoire-imprimee.png`, fullPage: true });
    await page.close();
  });

  it('shows the region’s key figures with their sources', async () => {
    const { page } = await app.open();
    await page.getByText('Chiffres clés des Hauts-de-France').click();
    expect(await page.getByTestId('key-figures').textContent()).toMatch(/CFA\s: 277 centres \(2024-2025\s; Centre Inffo/);
    await page.close();
  });
});
