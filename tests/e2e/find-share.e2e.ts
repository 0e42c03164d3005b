import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/domain/typography.ts';
import type { Training } from '../../src/domain/training.ts';
import { printViewSheet, SCREENSHOT_DIR, tabTo, waitForMap, type Page } from './browser.ts';
import { committedSearch, DATASET, listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

// The expected answers come from the committed dataset, computed here (not read from the UI).
const { trainings } = DATASET;
const search = committedSearch();
const hitsOf = (query: string): Set<string> | null => {
  const ids = search.search(query).ids;
  return ids === null ? null : new Set(ids);
};

interface Ask {
  domaine?: string;
  niveau?: number;
  voie?: string;
  q?: string;
}
const matches = (training: Training, ask: Ask, hits: Set<string> | null) =>
  (!ask.domaine || (training.domaine ?? 'non-precise') === ask.domaine) &&
  (!ask.niveau || training.niveau === ask.niveau) &&
  (!ask.voie || (training.voies as string[]).includes(ask.voie)) &&
  (!hits || hits.has(training.id));
const expected = (ask: Ask) => {
  const hits = ask.q ? hitsOf(ask.q) : null;
  const found = trainings.filter((training) => matches(training, ask, hits));
  return { trainings: found.length, sites: new Set(found.map((training) => training.siteId)).size, ids: found.map((training) => training.id) };
};

const heading = listHeading;

/** The count an option shows: "Bac+2 (163)" → 163. */
async function optionCount(page: Page, name: string, value: string): Promise<number> {
  const label = page.locator(`label:has(input[name="${name}"][value="${value}"])`);
  const match = /\((\d[\d\s]*)\)\s*$/.exec(((await label.textContent()) ?? '').replace(/\u202f|\u00a0/g, ' '));
  return Number((match?.[1] ?? '-1').replace(/\s/g, ''));
}

const settled = (page: Page) => page.waitForFunction(() => {
  const state = window.carte?.store.getState();
  return state !== undefined && (state.filters.q.trim() === '' || state.searchHits?.query === state.filters.q.trim());
});

describe('find a training and share the view', () => {
  it('filters by domain, level, voie and search with the right counts everywhere, from the keyboard', async () => {
    const { page, watch } = await app.open();
    const all = expected({});
    expect(await heading(page)).toEqual({ trainings: all.trainings, sites: all.sites });

    // Keyboard only: Tab to the checkbox, Space to tick it.
    await page.locator('details.filter-group:has(input[name="domaines"]) > summary').click();
    await tabTo(page, page.locator('input[name="domaines"][value="industrie"]'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('input[name="niveaux"][value="5"]'));
    await page.keyboard.press('Space');
    await tabTo(page, page.locator('input[name="voies"][value="apprentissage"]'));
    await page.keyboard.press('Space');
    await page.getByLabel('Rechercher une formation').fill('maintenance');
    await page.waitForFunction(() => window.carte?.store.getState().filters.q === 'maintenance');
    await settled(page);
    await waitForMap(page);

    const ask = { domaine: 'industrie', niveau: 5, voie: 'apprentissage', q: 'maintenance' };
    const want = expected(ask);
    expect(want.trainings).toBeGreaterThan(5);
    await expect.poll(() => heading(page)).toEqual({ trainings: want.trainings, sites: want.sites });
    expect(await page.getByTestId('active-filters').textContent()).toMatch(/recherche «\smaintenance\s».*domaine Industrie.*niveau Bac\+2.*voie Apprentissage/);
    // Each option counts under the other filters.
    for (const voie of ['scolaire', 'apprentissage', 'alternance', 'continue']) expect(await optionCount(page, 'voies', voie), voie).toBe(expected({ ...ask, voie }).trainings);
    for (const niveau of [3, 4, 5, 6, 7, 8]) expect(await optionCount(page, 'niveaux', String(niveau)), `niveau ${niveau}`).toBe(expected({ ...ask, niveau }).trainings);
    for (const domaine of ['industrie', 'electricite', 'commerce']) expect(await optionCount(page, 'domaines', domaine), domaine).toBe(expected({ ...ask, domaine }).trainings);
    // Options at zero stay visible, disabled.
    expect(await page.locator('input[name="niveaux"][value="3"]').isDisabled()).toBe(expected({ ...ask, niveau: 3 }).trainings === 0);
    // The map draws only the matching sites.
    // (The map follows the list one task later, and its worker answers after that: poll.)
    const drawn = async () =>
      new Set(
        await page.evaluate(() => {
          const source = window.carte?.adapter?.map.getSource('sites') as { serialize: () => { data: { features: { properties: { id: string } }[] } } } | undefined;
          return source?.serialize().data.features.map((feature) => feature.properties.id) ?? [];
        }),
      );
    await expect.poll(drawn).toEqual(new Set(want.ids.map((id) => trainings.find((training) => training.id === id)?.siteId)));
    // Its clusters and points add up to the trainings listed (the map got a diff, not the whole set).
    await waitForMap(page);
    const formationsDrawn = await page.evaluate(() => {
      const features = window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['sites-groupes', 'sites-lieux'] }) ?? [];
      const seen = new Set<string>();
      let total = 0;
      for (const feature of features) {
        const key = String(feature.properties['cluster_id'] ?? feature.properties['id']);
        if (seen.has(key)) continue;
        seen.add(key);
        total += Number(feature.properties['formations']);
      }
      return total;
    });
    expect(formationsDrawn).toBe(want.trainings);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/recherche-filtres.png` });

    // Back undoes the last filter (the search), Forward brings it back.
    await page.goBack();
    await page.waitForFunction(() => window.carte?.store.getState().filters.q === '');
    await expect.poll(() => heading(page)).toEqual((({ trainings: count, sites: places }) => ({ trainings: count, sites: places }))(expected({ domaine: 'industrie', niveau: 5, voie: 'apprentissage' })));
    await page.goForward();
    await page.waitForFunction(() => window.carte?.store.getState().filters.q === 'maintenance');
    await settled(page);
    await expect.poll(() => heading(page)).toEqual({ trainings: want.trainings, sites: want.sites });
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
    await page.close();
  });

  it('explains an empty result and offers the nearest way out', async () => {
    const { page } = await app.open('?v=1&niveau=8&voie=apprentissage&domaine=agriculture');
    const empty = page.getByTestId('empty-state');
    await expect.poll(() => empty.count()).toBe(1);
    const withoutLevel = expected({ voie: 'apprentissage', domaine: 'agriculture' }).trainings;
    expect(withoutLevel).toBeGreaterThan(0);
    const way = empty.getByRole('button', { name: new RegExp(`retirer le filtre niveau → ${withoutLevel}`) });
    await way.click();
    await expect.poll(() => heading(page)).toEqual({ trainings: withoutLevel, sites: expected({ voie: 'apprentissage', domaine: 'agriculture' }).sites });
    await page.close();
  });

  it('copies a link that opens the same list, selection, pins, note and map in a fresh page', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage&niveau=5&site=uai:0590010R:59017#map=10/50.65/2.95');
    await settled(page);
    const card = page.getByTestId('site-card');
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole('button', { name: /^Épingler/ }).first().click();
    // Pinning opens the selection panel.
    expect(await page.getByTestId('selection').getAttribute('open')).not.toBeNull();
    await page.getByLabel('Note du conseiller').fill('Appeler le lycée avant mars');
    await page.getByText('Partager, imprimer, exporter').click();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url()).origin });
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect.poll(() => page.getByText('Lien copié.').count()).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('voie=apprentissage');
    expect(link).toMatch(/#map=.*&note=Appeler.*&epingles=/);
    expect(new URL(link).search).not.toContain('note');
    expect(await page.getByTestId('qr-code').count()).toBe(1);
    const before = { heading: await heading(page), camera: new URL(link).hash.split('&')[0], card: await card.textContent() };

    const fresh = await page.context().newPage();
    await fresh.goto(link);
    await waitForMap(fresh);
    await settled(fresh);
    expect(await heading(fresh)).toEqual(before.heading);
    expect(await fresh.getByTestId('site-card').textContent()).toBe(before.card);
    expect(new URL(fresh.url()).hash.split('&')[0]).toBe(before.camera);
    expect(await fresh.getByLabel('Note du conseiller').inputValue()).toBe('Appeler le lycée avant mars');
    expect(await fresh.getByTestId('selection').textContent()).toMatch(/1 formation épinglée/);
    await fresh.close();
    await page.close();
  });

  it('exports the listed trainings as a CSV that keeps its accents, and as GeoJSON', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage&domaine=batiment');
    await settled(page);
    await page.getByText('Partager, imprimer, exporter').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (Excel)' }).click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = csv.slice(1).trim().split('\r\n');
    expect(header?.split(';').slice(0, 4)).toEqual(['formation', 'diplome', 'niveau', 'voies']);
    const ids = rows.map((row) => row.split(';').at(-1));
    const want = expected({ voie: 'apprentissage', domaine: 'batiment' });
    expect(new Set(ids)).toEqual(new Set(want.ids));
    expect(rows).toHaveLength(await heading(page).then((value) => value.trainings));
    expect(csv).toMatch(/Bâtiment|é/);
    const [geo] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'GeoJSON' }).click()]);
    const collection = JSON.parse(readFileSync(await geo.path(), 'utf8')) as { features: { properties: { id: string } }[] };
    expect(collection.features.map((feature) => feature.properties.id).sort()).toEqual([...want.ids].sort());
    await page.close();
  });

  it('prints an A4 sheet: filters in words, the map as an image, the list with pinned first, the note, the sources', async () => {
    const pinnedId = trainings.find((training) => training.siteId === 'uai:0590010R:59017' && training.voies.includes('apprentissage'))?.id ?? '';
    const { page } = await app.open(`?v=1&voie=apprentissage#map=10/50.65/2.95&note=Mots%20du%20conseiller&epingles=${pinnedId}`);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByText('Partager, imprimer, exporter').click();
    await page.getByRole('button', { name: 'Imprimer la fiche (A4)' }).click();
    await page.waitForFunction(() => (window as unknown as { printed: number }).printed === 1);
    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.locator('.panel').isVisible()).toBe(false);
    const text = (await sheet.textContent()) ?? '';
    expect(text).toMatch(/filtres\s: voie Apprentissage/);
    expect(text).toMatch(/Note du conseiller \(ses propres mots\)Mots du conseiller/);
    expect(text).toMatch(/Sources et licences/);
    const first = await sheet.locator('.print-list li').first().textContent();
    expect(first).toContain(trainings.find((training) => training.id === pinnedId)?.intitule ?? '?');
    const image = await sheet.locator('img.print-map').evaluate((element) => ({ width: (element as HTMLImageElement).naturalWidth, src: (element as HTMLImageElement).src.slice(0, 22) }));
    expect(image.width).toBeGreaterThan(300);
    expect(image.src).toBe('data:image/png;base64,');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/fiche-imprimee.png`, fullPage: true });
    await page.close();
  });

  it('dates a sheet and an export by the person’s own day, says when the printed view holds no training, and how its search was read', async () => {
    // Half past midnight on 2 December in Paris, still 1 December in UTC.
    const { page } = await app.open('', undefined, {
      waitFor: 'map',
      prepare: async (target) => {
        const cdp = await target.context().newCDPSession(target);
        await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'Europe/Paris' });
        await target.clock.setFixedTime(new Date('2026-12-01T23:30:00Z'));
      },
    });
    await page.getByText('Partager, imprimer, exporter').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe('formations-2026-12-02.csv');
    // Apprenticeship welders around Lille: none in the view.
    await page.goto(`${app.url()}?v=1&voie=apprentissage&metier=H2913#map=10/50.65/2.95`);
    await waitForMap(page);
    await printViewSheet(page);
    const sheet = page.getByTestId('print-sheet');
    expect(await sheet.textContent()).toMatch(/^Formations — Hauts-de-FranceFiche du 2 décembre 2026 · aucune formation · filtres\s: voie Apprentissage/);
    expect(await page.getByTestId('print-empty').textContent()).toMatch(/^Aucune formation de la carte ne correspond à ces filtres/);
    expect(await sheet.locator('.print-list li').count()).toBe(0);
    // The sheet has no search box: how a search was read is said on it, and only when it was not
    // a plain search of the titles.
    const printed = async (query: string) => {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${app.url()}?v=1&q=${encodeURIComponent(query)}`);
      await page.waitForFunction((asked) => window.carte?.store.getState().searchHits?.query === asked, query);
      await waitForMap(page);
      await printViewSheet(page);
      return page.getByTestId('print-search-reading').allTextContents();
    };
    expect(await printed('mecanicien auto')).toEqual([typeset('Aucun intitulé de formation ne contient « mecanicien auto » : les formations qui mènent au métier Mécanicien / Mécanicienne automobile, dont le nom le contient.')]);
    expect(await printed('soudeur')).toEqual([typeset("La recherche « soudeur » nomme un métier : les formations qui mènent au métier Soudeur / Soudeuse, avec celles dont l'intitulé la contient.")]);
    expect(await printed('bts mco')).toEqual([]);
    await page.close();
  });

  it('folds the filters into a closed panel on a 375 px screen', async () => {
    const { page } = await app.open('', { width: 375, height: 740 });
    expect(await page.locator('details.filter-details').getAttribute('open')).toBeNull();
    expect(await page.getByLabel('Rechercher une formation').isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});
