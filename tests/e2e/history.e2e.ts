import { describe, expect, it } from 'vitest';
import { waitForMap, type Page } from './browser.ts';
import { listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

/**
 * What the list should say for the map as it is now, computed from the loaded dataset and the
 * map's own bounds (not from the UI): trainings and sites whose point is in view.
 */
async function expectedInView(page: Page): Promise<{ trainings: number; sites: number }> {
  return page.evaluate(() => {
    const map = window.carte?.adapter?.map;
    const offer = window.carte?.store.getState().data?.offer;
    if (!map || !offer) throw new Error('no map or data');
    const bounds = map.getBounds();
    const inside = offer.dataset.sites.filter((site) => bounds.contains(site.point));
    return { sites: inside.length, trainings: inside.reduce((sum, site) => sum + (offer.trainingsBySite.get(site.id)?.length ?? 0), 0) };
  });
}

const listed = listHeading;

/** Drags the map by a person's mouse, from the centre of the canvas. */
async function drag(page: Page, dx: number, dy: number): Promise<void> {
  const box = await page.locator('#map canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
  await page.mouse.move(x + dx, y + dy, { steps: 5 });
  await page.mouse.up();
  await waitForMap(page);
}

const hashOf = (page: Page) => new URL(page.url()).hash;

describe('history and shared links', () => {
  it('keeps the list, the map and the URL in step after moving the map, Back, Forward and reload', async () => {
    const { page, watch } = await app.open('?v=1#map=9/50.45/2.85');
    await page.getByLabel('SPEL (bassins emploi-formation)').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('couche') === 'spel');
    const before = hashOf(page);
    await drag(page, -420, 260);
    await page.waitForFunction((hash) => location.hash !== hash, before);
    const moved = hashOf(page);
    expect(await listed(page)).toEqual(await expectedInView(page));

    await page.goBack();
    await page.waitForFunction(() => window.carte?.store.getState().couche === 'zone_emploi');
    await waitForMap(page);
    expect(hashOf(page)).toBe('#map=9/50.45/2.85');
    await expect.poll(() => listed(page)).toEqual(await expectedInView(page));
    const back = await listed(page);

    await page.goForward();
    await page.waitForFunction(() => window.carte?.store.getState().couche === 'spel');
    await waitForMap(page);
    expect(hashOf(page)).toBe(moved);
    await expect.poll(() => listed(page)).toEqual(await expectedInView(page));
    expect(await listed(page)).not.toEqual(back);
    const forward = await listed(page);

    await page.reload();
    await waitForMap(page);
    expect(hashOf(page)).toBe(moved);
    expect(await listed(page)).toEqual(forward);
    expect(await listed(page)).toEqual(await expectedInView(page));
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('opens a link that names only a SPEL with the SPEL zoning drawn', async () => {
    const { page } = await app.open('?zone=spel:627');
    await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain('SPEL de');
    const visibility = await page.evaluate(() => {
      const map = window.carte?.adapter?.map;
      return { spel: map?.getLayoutProperty('spel-limite', 'visibility'), ze: map?.getLayoutProperty('zones-emploi-limite', 'visibility') };
    });
    expect(visibility).toEqual({ spel: 'visible', ze: 'none' });
    expect(await page.getByRole('radio', { name: /SPEL/ }).isChecked()).toBe(true);
    await page.close();
  });

  it('does not pretend to understand a link of another version', async () => {
    const { page, watch } = await app.open('?v=99&couche=spel&zone=spel:627#map=//');
    expect(await page.evaluate(() => window.carte?.store.getState().couche)).toBe('zone_emploi');
    expect(await page.getByTestId('zone-card').count()).toBe(0);
    // The camera fell back to the whole region, not to 0/0 zoom 0.
    const center = await page.evaluate(() => window.carte?.adapter?.map.getCenter().toArray());
    expect(center?.[0]).toBeGreaterThan(1.3);
    expect(center?.[1]).toBeGreaterThan(48.8);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('Back while a search is still being typed restores the view left, and the typing does not come back', async () => {
    const { page } = await app.open('?v=1');
    await page.getByLabel('SPEL (bassins emploi-formation)').check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('couche') === 'spel');
    const entries = await page.evaluate(() => history.length);
    // Typing and Back in the same task: Back lands inside the search box's 180 ms wait.
    await page.getByLabel('Rechercher une formation').evaluate((input: HTMLInputElement) => {
      input.value = 'cariste';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      history.back();
    });
    await page.waitForFunction(() => window.carte?.store.getState().couche === 'zone_emploi');
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => ({ q: window.carte?.store.getState().filters.q, search: location.search, length: history.length }))).toEqual({ q: '', search: '', length: entries });
    expect(await page.getByLabel('Rechercher une formation').inputValue()).toBe('');
    await page.close();
  });
});
