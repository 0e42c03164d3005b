import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, tabTo, waitForMap, type Page } from './browser.ts';
import { DATASET } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

const rendered = (page: Page, layer: string) => page.evaluate((id) => window.carte?.adapter?.map.queryRenderedFeatures({ layers: [id] }).length ?? 0, layer);

describe('data coverage in the app', () => {
  it('draws the apprenticeship organisations as a layer, lists them and opens one with its trainings', async () => {
    const { page, watch } = await app.open('?v=1&calques=sites,cfa#map=10.5/50.42/2.83');
    expect(await rendered(page, 'organismes-apprentissage')).toBeGreaterThan(5);
    // The list says how many are in view: checked against the dataset and the map's bounds.
    const expected = await page.evaluate(
      (organismes) => {
        const bounds = window.carte?.adapter?.map.getBounds();
        return organismes.filter((point) => bounds?.contains(point)).length;
      },
      DATASET.organismes.map((organisme) => organisme.point),
    );
    await expect.poll(async () => ((await page.getByTestId('organisme-count').textContent()) ?? '').replace(/\s/g, '')).toMatch(new RegExp(`^${expected}organismes`));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cfa-calque.png` });
    // An organisation that shares its UAI with a training site, reached with the keyboard.
    const linked = DATASET.organismes.filter((item) => DATASET.sites.some((site) => site.uai === item.uai)).map((item) => item.id);
    const id = await page.evaluate((ids) => [...document.querySelectorAll<HTMLElement>('[data-organisme]')].map((element) => element.dataset['organisme'] ?? '').find((candidate) => ids.includes(candidate)) ?? '', linked);
    const organisme = DATASET.organismes.find((item) => item.id === id);
    expect(organisme).toBeDefined();
    const item = page.locator(`[data-organisme="${id}"]`);
    await tabTo(page, item);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('organisme-card');
    await expect.poll(() => card.textContent()).toContain(`UAI${organisme?.uai ?? ''}`);
    expect(await card.textContent()).toMatch(/Formations sous cet UAI.*formation/);
    expect(new URL(page.url()).searchParams.get('calques')).toBe('sites,cfa');
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('says when a site is only the head office of the awarding institution', async () => {
    const siege = DATASET.sites.find((site) => site.precision === 'siege' && site.nom === "Université d'Artois");
    expect(siege).toBeDefined();
    const { page } = await app.open(`?v=1&site=${siege?.id ?? ''}`);
    const card = page.getByTestId('site-card');
    await expect.poll(() => card.textContent()).toContain("Université d'Artois");
    expect(await page.getByTestId('precision-note').textContent()).toMatch(/Lieu exact non connu\s: siège de l'établissement/);
    expect(await card.textContent()).toMatch(/Master/);
    await waitForMap(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fiche-siege.png` });
    await page.close();
  });

  it('shows places and first-choice wishes on a training, with their source and year', async () => {
    const { page } = await app.open('?v=1&site=uai:0593255T:59178');
    const card = page.getByTestId('site-card');
    await expect.poll(() => card.textContent()).toMatch(/2nde\s: 21 vœux en premier choix pour 32 places — Affelnet 2022/);
    expect(await card.textContent()).toMatch(/1re\s: 0 vœu en premier choix pour 3 places — Affelnet 2022/);
    await page.close();
  });

  it('explains the coverage of the data per voie, with what exists and what is missing', async () => {
    const { page } = await app.open();
    await page.getByText('Couverture des données').click();
    const panel = page.getByTestId('coverage');
    const continuing = (await panel.locator('[data-voie="continue"]').textContent()) ?? '';
    expect(continuing).toMatch(/3\s?516 organismes \(2024/);
    expect(continuing).toMatch(/53\s?700 entrées/);
    expect(continuing).toMatch(/ouvrez un fichier LHEO/);
    const apprenticeship = (await panel.locator('[data-voie="apprentissage"]').textContent()) ?? '';
    expect(apprenticeship).toMatch(/277 centres/);
    const inApprenticeship = DATASET.trainings.filter((training) => training.voies.includes('apprentissage')).length;
    expect(apprenticeship.replace(/\s/g, '')).toContain(`${inApprenticeship}formations`);
    await panel.screenshot({ path: `${SCREENSHOT_DIR}/couverture.png` });
    await page.close();
  });
});
