import { describe, expect, it } from 'vitest';
import { waitForMap } from './browser.ts';
import { DATASET, listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

describe('failures that are said', () => {
  it('one broken card says so and the rest of the app goes on; another site’s card opens', async () => {
    const { page, watch } = await app.open();
    const [broken, other] = DATASET.sites;
    // A training whose voies is not a list (what the codec now refuses), slipped into the loaded offer.
    await page.evaluate((siteId) => {
      const offer = window.carte?.store.getState().data?.offer;
      const training = offer?.trainingsBySite.get(siteId)?.[0];
      if (training) (training as unknown as { voies: unknown }).voies = 'scolaire';
    }, broken?.id ?? '');
    await page.evaluate((siteId) => window.carte?.store.getState().selectSite(siteId), broken?.id ?? '');
    const error = page.getByTestId('guard-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^La fiche du lieu n'a pas pu s'afficher .* Le reste de la carte fonctionne/);
    // The list, the filters and the map are still there.
    expect((await listHeading(page)).trainings).toBeGreaterThan(3000);
    expect(await page.getByRole('combobox', { name: /Rechercher une formation/ }).isVisible()).toBe(true);
    await page.evaluate((siteId) => window.carte?.store.getState().selectSite(siteId), other?.id ?? '');
    await page.getByTestId('site-card').waitFor();
    expect(await page.getByTestId('guard-error').count()).toBe(0);
    expect(watch.errors.some((line) => /la fiche du lieu/.test(line))).toBe(true);
    await page.close();
  });

  it('"Copier le lien" without a clipboard selects the link and says to copy it', async () => {
    const { page } = await app.open('?v=1&q=soudure', undefined, { waitFor: 'map', prepare: (opened) => opened.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true })) });
    await waitForMap(page);
    await page.getByText('Partager, imprimer, exporter').click();
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => page.getByTestId('share').textContent()).toMatch(/le lien est sélectionné, copiez-le/);
    const selected = await page.evaluate(() => {
      const input = document.getElementById('lien-partage') as HTMLInputElement | null;
      return input ? input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0) : '';
    });
    expect(selected).toContain('q=soudure');
    await page.close();
  });
});

describe('printing without a map picture', () => {
  it('prints the sheet without the map when the map cannot give its picture, and says why', async () => {
    const { page } = await app.open('?v=1&zone=ze:3215');
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printed: boolean }).printed = true;
      };
      // A map that cannot draw: its canvas gives no picture.
      HTMLCanvasElement.prototype.toDataURL = () => {
        throw new Error('WebGL indisponible');
      };
    });
    await page.getByTestId('zone-card').getByRole('button', { name: 'Imprimer la fiche' }).click();
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true, undefined, { timeout: 15_000 });
    expect(await page.getByTestId('print-map-missing').textContent()).toMatch(/La carte n'a pas pu être ajoutée à cette fiche/);
    expect(await page.locator('img.print-map').count()).toBe(0);
    await page.close();
  });
});
