import { describe, expect, it } from 'vitest';
import { OFFER_GAPS_NOTE } from '../../src/domain/jobs.ts';
import { typeset } from '../../src/domain/typography.ts';
import { axeViolations } from './axe.ts';
import { SCREENSHOT_DIR, waitForMap, type Page } from './browser.ts';
import { committedSearch, DATASET, listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();
const engine = committedSearch();

// The expected answers come from the committed dataset (ROME codes from the nomenclatures), not the UI.
const leadingTo = (code: string) => DATASET.trainings.filter((training) => (training.romes ?? []).includes(code));
const expectedFor = (code: string) => ({ trainings: leadingTo(code).length, sites: new Set(leadingTo(code).map((training) => training.siteId)).size });
const searchBox = (page: Page) => page.getByRole('combobox', { name: /Rechercher une formation ou un métier/ });
const suggestion = (page: Page, rome: string) => page.locator(`[data-testid="suggestions"] [role="option"][data-rome="${rome}"]`);

describe('find a training by the job one wants', () => {
  it('suggests jobs as one types, with their training counts; choosing one filters the offer, and metier= survives a reload and a shared link', async () => {
    const vocabularyRequests: string[] = [];
    const { page, watch } = await app.open('', undefined, { waitFor: 'map', prepare: async (opened) => opened.on('request', (request) => (request.url().includes('metiers.json') ? vocabularyRequests.push(request.url()) : undefined)) });
    // The job vocabulary is not on the start-up path: nothing asked for it before a search.
    expect(vocabularyRequests).toEqual([]);
    await searchBox(page).click();
    await searchBox(page).pressSequentially('soudeu', { delay: 30 });
    await suggestion(page, 'H2913').waitFor({ timeout: 20_000 });
    expect(vocabularyRequests.length).toBeGreaterThan(0);
    // The combobox says it is open; the first suggestion is the job itself, with its count on the map.
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('true');
    const first = page.locator('[data-testid="suggestions"] [role="option"]').first();
    expect(await first.getAttribute('data-rome')).toBe('H2913');
    expect(await first.textContent()).toContain('Soudeur / Soudeuse');
    expect(await first.textContent()).toContain(`${expectedFor('H2913').trainings} formations sur la carte`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/jobs-suggestions.png` });
    // Keyboard: down to the suggestion, Enter.
    await page.keyboard.press('ArrowDown');
    expect(await searchBox(page).getAttribute('aria-activedescendant')).toBe('recherche-suggestion-0');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.carte?.store.getState().filters.metiers.join() === 'H2913');
    await waitForMap(page);
    const want = expectedFor('H2913');
    expect(want.trainings).toBeGreaterThan(10);
    await expect.poll(() => listHeading(page)).toEqual(want);
    expect(new URL(page.url()).searchParams.get('metier')).toBe('H2913');
    expect(await page.getByTestId('job-chip').textContent()).toContain('Soudeur / Soudeuse (H2913)');
    expect(await page.getByTestId('active-filters').textContent()).toContain('métier Soudeur / Soudeuse (H2913)');
    // A reload, then the link opened elsewhere: the same offer.
    await page.reload();
    await waitForMap(page);
    await expect.poll(() => listHeading(page)).toEqual(want);
    const shared = await app.open(`?v=1&metier=H2913`);
    await expect.poll(() => listHeading(shared.page)).toEqual(want);
    // Two jobs at once: the union.
    const both = await app.open(`?v=1&metier=H2913,H2902`);
    const union = DATASET.trainings.filter((training) => (training.romes ?? []).some((code) => code === 'H2913' || code === 'H2902'));
    await expect.poll(async () => (await listHeading(both.page)).trainings).toBe(union.length);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    for (const opened of [page, shared.page, both.page]) await opened.close();
  });

  it('a job with no training on the map says so, explains what the map does not hold, and offers the nearest jobs that have one', async () => {
    const { page } = await app.open();
    await searchBox(page).click();
    await searchBox(page).pressSequentially('aide soign', { delay: 30 });
    await suggestion(page, 'J1501').waitFor({ timeout: 20_000 });
    expect(await suggestion(page, 'J1501').textContent()).toContain('aucune formation sur la carte');
    await suggestion(page, 'J1501').click();
    await page.waitForFunction(() => window.carte?.store.getState().filters.metiers.join() === 'J1501');
    const message = page.getByTestId('empty-job');
    await message.waitFor();
    const text = (await message.textContent()) ?? '';
    expect(leadingTo('J1501')).toEqual([]);
    expect(text).toContain(typeset('Aucune formation de la carte ne mène au métier « Aide-soignant / Aide-soignante » (J1501)'));
    expect(text).toContain(typeset(OFFER_GAPS_NOTE));
    // Never that no such training exists in the region.
    expect(text).not.toMatch(/n'existe (pas|aucune)|aucune formation dans la région/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/jobs-no-training.png` });
    // A near job, one click away, with its trainings.
    const near = message.locator('button[data-rome]').first();
    const code = (await near.getAttribute('data-rome')) ?? '';
    expect(code.slice(0, 3)).toBe('J15');
    await near.click();
    await expect.poll(() => listHeading(page)).toEqual(expectedFor(code));
    await page.close();
  });

  it('free text ranks the best match first; a typed job finds its trainings; "Nord" sets dans=dep:59', async () => {
    const { page } = await app.open('?v=1&q=bts%20mco');
    await page.waitForFunction(() => window.carte?.store.getState().searchHits?.query === 'bts mco');
    await waitForMap(page);
    const ids = engine.search('bts mco').ids ?? [];
    await expect.poll(async () => (await listHeading(page)).trainings).toBe(ids.length);
    // Each listed site says which of its trainings matched best.
    expect(await page.getByTestId('item-match').first().textContent()).toMatch(/^BTS management commercial opérationnel/i);
    await page.locator('.offer-list ul').first().screenshot({ path: `${SCREENSHOT_DIR}/jobs-ranked-list.png` });
    // The list opens with a site whose first training is the most relevant kind: a BTS MCO.
    await page.locator('.offer-list li button[data-site]').first().click();
    await page.locator('.training-title').first().waitFor();
    expect(await page.locator('.training-title').first().textContent()).toMatch(/BTS management commercial opérationnel/i);
    await page.goto(page.url().replace(/\?.*$/, '?v=1&q=aide-soignant'));
    await waitForMap(page);
    // Typed as free text, a job with no training gets the same message as the job filter.
    await page.getByTestId('empty-job').waitFor();
    expect(await page.getByTestId('empty-job').textContent()).toContain('Aide-soignant / Aide-soignante');
    expect(await page.getByTestId('empty-job').textContent()).toContain(typeset(OFFER_GAPS_NOTE));
    // …and, under the search box (the list may be far below on a phone), the line the job filter has.
    expect(await page.getByTestId('job-none').textContent()).toContain(typeset('Aucune formation de la carte ne mène au métier « Aide-soignant / Aide-soignante » : elle peut exister ailleurs'));
    // A search that finds nothing says what the map does not hold.
    await page.goto(page.url().replace(/\?.*$/, '?v=1&q=titre%20professionnel'));
    await waitForMap(page);
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').textContent()).toContain(typeset(OFFER_GAPS_NOTE));
    // A territory typed in the search box: Enter sets the zone filter and clears the text.
    await searchBox(page).fill('Nord');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.carte?.store.getState().where.dans?.code === '59');
    expect(new URL(page.url()).searchParams.get('dans')).toBe('dep:59');
    expect(new URL(page.url()).searchParams.get('q')).toBeNull();
    await page.close();
  });

  it('a job typed in everyday words ("mecanicien auto") finds that job\'s trainings, not titles a typo away', async () => {
    const { page } = await app.open('', undefined, { waitFor: 'map' });
    await searchBox(page).fill('mecanicien auto');
    // The suggestions: the job whose title begins so, first; no "Technicien …" ("technicien" is no typo of "mecanicien").
    await suggestion(page, 'I1604').waitFor({ timeout: 20_000 });
    const options = await page.locator('[data-testid="suggestions"] [role="option"]').allTextContents();
    expect(options[0]).toContain('Mécanicien / Mécanicienne automobile');
    expect(options.filter((text) => /technicien/i.test(text))).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.carte?.store.getState().searchHits?.query === 'mecanicien auto');
    await waitForMap(page);
    // Enter made the search: the suggestions close (they hid the line under the box), the focus stays.
    expect(await searchBox(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[data-testid="suggestions"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('recherche');
    // No title holds the words: the trainings leading to that job, and the line under the box says so.
    expect(engine.search('mecanicien auto')).toMatchObject({ romes: ['I1604'], via: 'titres-metiers' });
    await expect.poll(() => listHeading(page)).toEqual(expectedFor('I1604'));
    expect(await page.getByTestId('via-jobs').textContent()).toContain('Mécanicien / Mécanicienne automobile');
    const matches = await page.getByTestId('item-match').allTextContents();
    expect(matches.length).toBeGreaterThan(5);
    expect(matches.filter((text) => /régulation automatique|systèmes automatiques/i.test(text))).toEqual([]);
    expect(matches[0]).toMatch(/maintenance des véhicules/i);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/jobs-everyday-words.png` });
    // A feminine form still finds the masculine title (a typo that keeps the word's first letters).
    await page.goto(page.url().replace(/\?.*$/, '?v=1&q=infirmiere'));
    await page.waitForFunction(() => window.carte?.store.getState().searchHits?.query === 'infirmiere');
    await waitForMap(page);
    expect((await page.getByTestId('item-match').first().textContent()) ?? '').toMatch(/infirmier/i);
    await page.close();
  });

  it('on a phone, a search box and its suggestions stay above the on-screen keyboard; a tap on a choice closes it and gives the map its height back', async () => {
    const height = 844;
    const { page } = await app.open('', { width: 390, height });
    // A touch screen (pointer: coarse), as on a phone.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    expect(await page.evaluate(() => window.matchMedia('(pointer: coarse)').matches)).toBe(true);
    const mapHeight = async () => (await page.locator('.map-area').boundingBox())?.height ?? 0;
    // What an on-screen keyboard leaves in view: the upper 60 % of the screen.
    const aboveKeyboard = height * 0.6;
    expect(await mapHeight()).toBeGreaterThan(height * 0.5);
    for (const [box, typed, option, chosen] of [
      [searchBox(page), 'soudeu', suggestion(page, 'H2913'), () => window.carte?.store.getState().filters.metiers.join() === 'H2913'],
      [page.getByRole('combobox', { name: 'Commune ou code postal' }), 'arras', page.locator('#communes-proposees [role="option"]').first(), () => window.carte?.store.getState().where.place?.kind === 'commune'],
    ] as const) {
      await box.focus();
      // The map gives its height to the panel, and the box goes to the top of it.
      await expect.poll(mapHeight).toBeLessThan(height * 0.25);
      await box.pressSequentially(typed, { delay: 20 });
      await option.waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      const boxTop = (await box.boundingBox())?.y ?? -1;
      const optionBottom = ((await option.boundingBox())?.y ?? height) + ((await option.boundingBox())?.height ?? 0);
      expect([boxTop >= 0, optionBottom < aboveKeyboard]).toEqual([true, true]);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-typing-${typed}.png` });
      await option.click();
      await page.waitForFunction(chosen);
      // The choice closed the keyboard (the box lost the focus) and the map is back.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).not.toMatch(/^(recherche|lieu-saisie)$/);
      await expect.poll(mapHeight).toBeGreaterThan(height * 0.5);
    }
    await waitForMap(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-typing-chosen.png` });
    await page.close();
  });

  it('a training card lists the jobs it leads to; a job leads to all its trainings', async () => {
    const training = leadingTo('H2913')[0];
    expect(training).toBeDefined();
    const { page } = await app.open(`?v=1&site=${encodeURIComponent(training?.siteId ?? '')}`);
    const link = page.locator(`.job-links button[data-rome="H2913"]`).first();
    await link.waitFor();
    expect(await link.textContent()).toBe('Soudeur / Soudeuse');
    await link.click();
    await page.waitForFunction(() => window.carte?.store.getState().filters.metiers.join() === 'H2913');
    await expect.poll(() => listHeading(page)).toEqual(expectedFor('H2913'));
    await page.close();
  });
});
