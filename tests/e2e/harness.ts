import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, waitForMap, watchPage, type Page } from './browser.ts';
import { startStaticServer } from './static-server.ts';

export interface App {
  /** Opens the built app at `path` (query and hash), waits for the map, and watches the console. */
  open: (path?: string, viewport?: { width: number; height: number }) => Promise<{ page: Page; watch: ReturnType<typeof watchPage> }>;
  url: () => string;
}

/** Serves dist/ under a GitHub-Pages-like sub-path and drives it in one Chromium per test file. */
export function useBuiltApp(): App {
  let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
  let browser: BrowserContext | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    server = await startStaticServer('dist', '/carte-formation-emploi/');
    ({ browser, close } = await launchBrowser());
  });
  afterAll(async () => {
    await close?.();
    await server?.close();
  });
  return {
    url: () => server?.url ?? '',
    open: async (path = '', viewport) => {
      if (!browser || !server) throw new Error('the app is not started');
      const page = await browser.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const watch = watchPage(page);
      await page.goto(`${server.url}${path}`);
      await waitForMap(page);
      return { page, watch };
    },
  };
}
