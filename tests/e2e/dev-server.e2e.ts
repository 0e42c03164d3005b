import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForMap, watchPage } from './browser.ts';

/** A free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// `npm start` as a person runs it: the Vite dev server, with an empty dependency cache so every
// dependency is discovered as on a fresh clone.
let server: ViteDevServer | undefined;
let browser: BrowserContext | undefined;
let close: (() => Promise<void>) | undefined;
let url = '';
const cacheDir = mkdtempSync(join(tmpdir(), 'cfe-vite-cache-'));

beforeAll(async () => {
  const port = await freePort();
  server = await createServer({ configFile: 'vite.config.ts', cacheDir, logLevel: 'error', server: { port, strictPort: true, host: '127.0.0.1' } });
  await server.listen();
  url = `http://127.0.0.1:${port}/`;
  ({ browser, close } = await launchBrowser());
}, 120_000);

afterAll(async () => {
  await close?.();
  await server?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('npm start (the dev server)', () => {
  it('opens a file without the page reloading under the person', async () => {
    if (!browser) throw new Error('no browser');
    const page = await browser.newPage();
    const watch = watchPage(page);
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    await page.goto(url);
    await waitForMap(page);
    const loads = navigations;
    await page.getByTestId('file-input').setInputFiles('tests/fixtures/lheo/hdf-offres-2.3.xml');
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 60_000 }).toBe(1);
    expect(await result.textContent()).toMatch(/7 enregistrements lus, 2 formations ajoutées/);
    expect(navigations).toBe(loads);
    expect(watch.external).toEqual([]);
    await page.close();
  }, 120_000);
});
