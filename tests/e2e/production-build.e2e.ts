import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_TRIALS } from '../../src/map/trial-names.ts';
import type { Page } from './browser.ts';
import { useBuiltApp } from './harness.ts';

// What users download: `vite build` (dist/), not the test build.
const app = useBuiltApp('dist');

describe('the build users download', () => {
  it('has no test hooks, and records the User Timing marks carte:premier-rendu, carte:lieux then carte:pret', async () => {
    const { page, watch } = await app.open('', undefined, { waitFor: 'mark' });
    const facts = await page.evaluate(() => {
      const canvas = document.querySelector('#map canvas') as HTMLCanvasElement | null;
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      const mark = (name: string) => performance.getEntriesByName(name, 'mark').map((entry) => entry.startTime);
      return {
        hooks: 'carte' in window,
        preserveDrawingBuffer: gl?.getContextAttributes()?.preserveDrawingBuffer,
        firstRender: mark('carte:premier-rendu'),
        sitesShown: mark('carte:lieux'),
        ready: mark('carte:pret'),
        listed: document.querySelectorAll('[data-site]').length,
      };
    });
    expect(facts.hooks).toBe(false);
    expect(facts.preserveDrawingBuffer).toBe(false);
    expect(facts.firstRender).toHaveLength(1);
    expect(facts.ready).toHaveLength(1);
    expect(facts.sitesShown).toHaveLength(1);
    expect(facts.sitesShown[0]).toBeGreaterThanOrEqual(facts.firstRender[0] ?? Infinity);
    expect(facts.ready[0]).toBeGreaterThanOrEqual(facts.sitesShown[0] ?? Infinity);
    expect(facts.listed).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("holds none of the bench's map trials (src/map/trials.ts), and the plan and embed code are chunks of their own", () => {
    const scripts = readdirSync('dist/assets').filter((file) => file.endsWith('.js'));
    const main = scripts.filter((file) => /^index-/.test(file));
    expect(main).toHaveLength(1);
    const code = readFileSync(`dist/assets/${main[0] ?? ''}`, 'utf8');
    expect(code).not.toContain('sites-cercles');
    for (const trial of MAP_TRIALS) expect(code, trial).not.toContain(`\`${trial}\``);
    expect(scripts.some((file) => /^plan-ign-/.test(file))).toBe(true);
    expect(scripts.some((file) => /^EmbedApp-/.test(file))).toBe(true);
    expect(code).not.toContain('GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2');
  });

  it("downloads what the first map frame needs with the page (preload), and its code uses those downloads: each file fetched once, the trainings after them", async () => {
    const preloaded = [...readFileSync('dist/index.html', 'utf8').matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous" \/>/g)].map((match) => match[1] ?? '');
    expect(preloaded).toEqual(['geo/hauts-de-france.topo.json', 'geo/context.topo.json', 'data/communes.json', 'data/map-sites.json']);
    // One of those files comes 800 ms late: the trainings must still wait for it.
    const late = async (page: Page) =>
      page.route('**/data/map-sites.json', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
    const { page, watch } = await app.open('', undefined, { waitFor: 'mark', prepare: late });
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // What the page fetched of its data, by whom: the preload ("link") or the app's code ("fetch").
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => /[.]json$/.test(new URL(entry.name).pathname) && !entry.name.endsWith('manifest.webmanifest'))
        .map((entry) => `${new URL(entry.name).pathname.split('/').slice(-2).join('/')} ${(entry as PerformanceResourceTiming).initiatorType}`),
    );
    // Each preloaded file once, by the preload: the app's own fetch of it was served by that download.
    for (const file of preloaded) expect(fetched.filter((entry) => entry.startsWith(`${file} `)), file).toEqual([`${file} link`]);
    // The trainings are not preloaded: they are parsed after the first frame, and are requested only
    // once what that frame needs is in, so that a slow connection is not shared with them.
    expect(fetched).toContain('data/trainings.json fetch');
    const order = await page.evaluate((files) => {
      const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const ends = files.map((file) => entries.find((entry) => entry.name.endsWith(file))?.responseEnd ?? Infinity);
      return { firstFrameFilesIn: Math.max(...ends), trainingsAsked: entries.find((entry) => entry.name.endsWith('data/trainings.json'))?.startTime ?? -1 };
    }, preloaded);
    expect(order.trainingsAsked).toBeGreaterThanOrEqual(order.firstFrameFilesIn);
    // Chromium says so a few seconds after a preload no code has used.
    await page.waitForTimeout(3500);
    expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('makes no request outside its own origin, on every main view', async () => {
    const views = [
      '',
      '?v=1&q=maintenance&voie=apprentissage&niveau=5',
      '?v=1&lieu=62498&rayon=30',
      '?v=1&indicateur=chomage&zone=ze:3215&comparer=ze:3215,ze:3203',
      '?v=1&indicateur=zones-blanches&couche=spel',
      '?v=1&calques=sites,alliance,campus,cfa&site=uai:0590010R:59017#map=13/50.6883/2.87634',
    ];
    for (const view of views) {
      const { page, watch } = await app.open(view, undefined, { waitFor: 'mark' });
      await page.locator('[data-testid="coverage"] > summary').click();
      await page.locator('[data-testid="share"] > summary').click();
      await page.waitForTimeout(500);
      expect(watch.external, view).toEqual([]);
      expect(watch.errors, view).toEqual([]);
      await page.close();
    }
  }, 120_000);
});
