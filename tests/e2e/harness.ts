import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, waitForMap, watchPage, type Page } from './browser.ts';
import { startStaticServer } from './static-server.ts';

export interface App {
  /** Opens the built app at `path` (query and hash), waits for the map, and watches the console. */
  open: (path?: string, viewport?: { width: number; height: number }, options?: { waitFor: 'map' | 'mark' | 'nothing'; prepare?: (page: Page) => Promise<unknown> }) => Promise<{ page: Page; watch: ReturnType<typeof watchPage> }>;
  url: () => string;
}

/**
 * Serves a build under a GitHub-Pages-like sub-path and drives it in one Chromium per test file.
 * @param root - `dist-test` (the test build, with its hooks) unless a test checks what users get (`dist`)
 */
export function useBuiltApp(root = 'dist-test'): App {
  let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  let browser: BrowserContext | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    server = await startStaticServer(root, '/carte-formation-emploi/');
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });
  return {
    url: () => server?.url ?? '',
    open: async (path = '', viewport, options = { waitFor: 'map' }) => {
      if (!browser || !server) throw new Error('the app is not started');
      const page = await browser.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const watch = watchPage(page);
      await options.prepare?.(page);
      await page.goto(`${server.url}${path}`);
      // The build users download has no test hooks: there, wait for its own "ready" mark.
      if (options.waitFor === 'nothing') return { page, watch };
      if (options.waitFor === 'mark') await page.waitForFunction(() => performance.getEntriesByName('carte:pret', 'mark').length > 0, undefined, { timeout: 45_000 });
      else await waitForMap(page);
      return { page, watch };
    },
  };
}
