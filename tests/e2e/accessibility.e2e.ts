import { describe, expect, it } from 'vitest';
import { tabTo } from './browser.ts';
import { axeViolations } from './axe.ts';
import { MAP_LOCALE_FR } from '../../src/map/map-locale.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

describe('accessibility', () => {
  it('has no axe-core violation, with a zone card open', async () => {
    const { page } = await app.open('?v=1&zone=ze:3215');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no axe-core violation with a training site card and the campus layer open', async () => {
    const { page } = await app.open('?v=1&calques=sites,alliance,campus&site=uai:0590010R:59017');
    await expect.poll(() => page.getByTestId('site-card').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no axe-core violation with filters active, the selection, the share panel and the coverage open', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage&domaine=industrie&calques=sites,cfa#note=Note&epingles=x:y');
    await page.locator('details.filter-group:has(input[name="domaines"]) > summary').click();
    await page.getByText('Partager, imprimer, exporter').click();
    await page.getByText('Couverture des données').click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no axe-core violation on the territory views: choropleth, legend, table, essentials, comparison, key figures', async () => {
    const { page } = await app.open('?v=1&indicateur=chomage&zone=ze:3215&comparer=ze:3215,ze:3203&lieu=62498');
    await page.waitForFunction(() => window.carte?.store.getState().indicators !== null);
    await page.getByText(/^Tableau \(/).click();
    await page.getByText('Chiffres clés des Hauts-de-France').click();
    await expect.poll(() => page.getByTestId('essentials').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('has no axe-core violation on an empty result', async () => {
    const { page } = await app.open('?v=1&niveau=8&voie=apprentissage&domaine=agriculture');
    await expect.poll(() => page.getByTestId('empty-state').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('goes from the search box to a training’s card and back with the keyboard alone; the count is said once per search, not on a pan', async () => {
    const { page } = await app.open();
    // Once the offer is in, the hidden count says what the list's heading says (not the 0 of before).
    const announce = page.getByTestId('offer-announce');
    const heading = (await page.getByTestId('offer-count').textContent()) ?? '';
    expect(heading).toMatch(/^[\d\u202f\u00a0]+ formations dans \d+ lieux/);
    expect(heading.startsWith((await announce.textContent()) ?? '-')).toBe(true);
    const box = page.getByRole('combobox', { name: /Rechercher une formation/ });
    await tabTo(page, box);
    await page.keyboard.type('bts mco');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.carte?.store.getState().searchHits?.query === 'bts mco');
    await expect.poll(() => announce.textContent()).toMatch(/^\d+ formations dans \d+ lieux$/);
    const said = await announce.textContent();
    // A pan changes the list's count "in view", but says nothing.
    await page.evaluate(() => window.carte?.store.getState().setCamera({ center: [2.3, 50.7], zoom: 9 }, 'map', [2.0, 50.5, 2.6, 50.9]));
    await expect.poll(() => page.getByTestId('offer-count').textContent()).not.toMatch(new RegExp(`^${said ?? ''}`));
    expect(await announce.textContent()).toBe(said);
    await page.evaluate(() => window.carte?.store.getState().setCamera({ center: [2.75, 49.95], zoom: 7.2 }, 'map', [1.38, 48.83, 4.26, 51.09]));
    // Tab to the first listed site, Enter: its card opens with the focus on its heading.
    const first = page.locator('.offer-list li button[data-site]').first();
    await tabTo(page, first, 800);
    await page.keyboard.press('Enter');
    await page.getByTestId('site-card').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('point-card-title');
    // One close button, named after the card; Enter closes it and the focus goes back to the list item.
    const close = page.getByTestId('site-card').getByRole('button', { name: /^Fermer la fiche / });
    expect(await close.count()).toBe(1);
    expect(await close.getAttribute('aria-labelledby')).toBe('point-card-title-fermer point-card-title');
    await tabTo(page, close, 60);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('site-card').count()).toBe(0);
    expect(await first.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  }, 180_000);

  it('selects a zone from the list with the keyboard alone', async () => {
    const { page } = await app.open();
    const item = page.getByRole('button', { name: /^Arras/ });
    // Every control of the panel comes before the zone list: many real Tab presses.
    await tabTo(page, item, 800);
    // Hover state follows keyboard focus, so the map highlights what the list has in focus.
    await expect.poll(() => page.evaluate(() => window.carte?.adapter?.map.getFeatureState({ source: 'zones-emploi', id: '3203' }))).toMatchObject({ hover: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain('3203');
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => window.carte?.adapter?.map.getFeatureState({ source: 'zones-emploi', id: '3203' }))).toMatchObject({ selected: true });
    // The card opened takes the focus on its heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('zone-card-title');
    await page.close();
  }, 180_000);

  it('starts with skip links, and pans and zooms the map from the keyboard', async () => {
    const { page } = await app.open();
    await page.keyboard.press('Tab');
    const first = page.locator(':focus');
    expect(await first.textContent()).toBe('Aller à la carte');
    expect(await first.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('carte-interactive');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/flèches pour se déplacer/);
    const before = await page.evaluate(() => ({ center: window.carte?.adapter?.map.getCenter().lng ?? 0, zoom: window.carte?.adapter?.map.getZoom() ?? 0 }));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((start) => (window.carte?.adapter?.map.getCenter().lng ?? 0) > start.center && !window.carte?.adapter?.map.isMoving(), before);
    await page.keyboard.press('Equal');
    await page.waitForFunction((start) => (window.carte?.adapter?.map.getZoom() ?? 0) > start.zoom + 0.5 && !window.carte?.adapter?.map.isMoving(), before);
    await page.close();
  });

  it("names the map's own buttons in French, every MapLibre interface string translated", async () => {
    const { page } = await app.open();
    const zoom = await page.evaluate(() =>
      [...document.querySelectorAll('.maplibregl-ctrl-zoom-in, .maplibregl-ctrl-zoom-out')].map((button) => [button.getAttribute('aria-label'), button.getAttribute('title')]),
    );
    expect(zoom).toEqual([
      ['Zoom avant', 'Zoom avant'],
      ['Zoom arrière', 'Zoom arrière'],
    ]);
    await expect(page.getByRole('button', { name: 'Zoom avant' }).isVisible()).resolves.toBe(true);
    // MapLibre's table as the map holds it: its English defaults patched by ours, none left over.
    const table = await page.evaluate(() => window.carte?.adapter?.map._locale ?? {});
    expect(table).toEqual(MAP_LOCALE_FR);
    await page.close();
  });

  it('says what stays in the browser and what the accessibility checks cover', async () => {
    const { page } = await app.open();
    await page.getByText('Confidentialité').click();
    expect(await page.getByTestId('confidentialite').textContent()).toMatch(/ne quittent votre navigateur/);
    await page.getByText("Déclaration d'accessibilité").click();
    expect(await page.getByTestId('accessibilite').textContent()).toMatch(/Ce qui n'est pas couvert/);
    await page.close();
  });

  it('has no axe-core violation on the printed sheets (list and territory)', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage&zone=ze:3215#note=Note&epingles=x:y');
    await page.waitForFunction(() => window.carte?.store.getState().indicators !== null);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-sheet').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.evaluate(() => window.carte?.store.getState().setPrintMode('territoire'));
    await expect.poll(() => page.getByTestId('print-sheet').textContent()).toMatch(/Zone d'emploi\s: Lens/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('moves the camera without animation when reduced motion is asked for', async () => {
    const { page } = await app.open('#map=11/49.9/2.3');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const moving = await page.evaluate(() => {
      window.carte?.store.getState().selectSite('uai:0590010R:59017');
      return window.carte?.adapter?.map.isMoving();
    });
    expect(moving).toBe(false);
    const center = await page.evaluate(() => window.carte?.adapter?.map.getCenter().toArray());
    expect(center?.[0]).toBeCloseTo(2.876, 2);
    await page.close();
  });
});
