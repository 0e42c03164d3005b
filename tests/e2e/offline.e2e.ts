import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowser, waitForMap } from './browser.ts';
import { startStaticServer } from './static-server.ts';
import { DATASET, listHeading } from './committed-data.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

describe('offline', () => {
  it('keeps an offline copy after one visit: with the network cut, the app opens, draws and lists', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage');
    // The copy is kept once the map is ready; the page is then controlled by the service worker.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await page.context().setOffline(true);
    try {
      await page.reload();
      await waitForMap(page);
      const apprenticeship = DATASET.trainings.filter((training) => training.voies.includes('apprentissage'));
      expect(await listHeading(page)).toEqual({ trainings: apprenticeship.length, sites: new Set(apprenticeship.map((training) => training.siteId)).size });
      const drawn = await page.evaluate(() => window.carte?.adapter?.map.queryRenderedFeatures({ layers: ['zones-emploi-limite'] }).length ?? 0);
      expect(drawn).toBeGreaterThanOrEqual(24);
      // A link opened offline, with another view, is served from the kept copy too.
      await page.goto(`${app.url()}?v=1&zone=ze:3215`);
      await waitForMap(page);
      await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain('Lens');
    } finally {
      await page.context().setOffline(false);
    }
    await page.close();
  });

  it('is installable: a manifest with icons', async () => {
    const { page } = await app.open();
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
      if (!link) return null;
      return (await (await fetch(link.href)).json()) as { name: string; icons: { sizes: string }[]; display: string };
    });
    expect(manifest?.display).toBe('standalone');
    expect(manifest?.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
    await page.close();
  });
});

describe('a new version', () => {
  it('says when a newer version is available, and reloads into it when asked', async () => {
    // A copy of the build, served on its own, so that the test can publish a "new version" of it.
    const root = mkdtempSync(join(tmpdir(), 'cfe-deploy-'));
    cpSync('dist-test', root, { recursive: true });
    const server = await startStaticServer(root, '/carte-formation-emploi/');
    const { browser, close } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await waitForMap(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      expect(await page.getByTestId('update-banner').count()).toBe(0);
      // Deploy: the service worker of the new build differs (its version stamp changes).
      const source = readFileSync(join(root, 'sw.js'), 'utf8');
      writeFileSync(join(root, 'sw.js'), source.replace(/const CACHE = "carte-[0-9a-f]+";/, 'const CACHE = "carte-nouvelle-version";'));
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      const banner = page.getByTestId('update-banner');
      await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(1);
      expect(await banner.textContent()).toMatch(/Une nouvelle version de la carte est disponible/);
      await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Recharger' }).click()]);
      await waitForMap(page);
      expect(await page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('carte-')))).toEqual(['carte-nouvelle-version']);
      expect(await page.getByTestId('update-banner').count()).toBe(0);
    } finally {
      await close();
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
