import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = 'tests/e2e/screenshots';

/** Debian's Chromium, headless, software WebGL (SwiftShader), no background network. */
export async function launchBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'cfe-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'fr-FR',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  return { browser: context, close: () => context.close() };
}

export type { Page };

/** Collects console errors and failed requests of a page, to assert there are none. */
export function watchPage(page: Page): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('http://127.0.0.1') && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  return { errors, external };
}

/** Waits until the map has loaded its data and drawn it (no pending tiles, no camera move). */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const carte = window.carte;
      const map = carte?.adapter?.map;
      if (!carte || carte.store.getState().dataStatus !== 'ready' || !map) return false;
      return !carte.adapter?.sitesPending && map.loaded() && map.isStyleLoaded() && map.areTilesLoaded() && !map.isMoving();
    },
    undefined,
    { timeout: 45_000, polling: 200 },
  );
  // Two frames so the last data update is on the canvas.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Presses Tab, as a person would, until `target` has the focus; fails if it never gets it.
 * @param max - Tab presses allowed before giving up
 */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 400): Promise<number> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
  }
  throw new Error(`not reached with ${max} Tab presses`);
}

/**
 * Prints the view's A4 sheet as a person does (Partager, imprimer, exporter → Imprimer la fiche),
 * with the browser's print dialog stubbed, and shows the page as printed.
 */
export async function printViewSheet(page: Page): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByText('Partager, imprimer, exporter').click();
  await page.getByRole('button', { name: 'Imprimer la fiche (A4)' }).click();
  await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true);
  await page.emulateMedia({ media: 'print' });
}
