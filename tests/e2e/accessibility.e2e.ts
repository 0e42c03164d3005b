import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, waitForMap, type Page } from './browser.ts';
import { startStaticServer } from './static-server.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: BrowserContext;
let close: () => Promise<void>;

beforeAll(async () => {
  server = await startStaticServer('dist', '/carte-formation-emploi/');
  ({ browser, close } = await launchBrowser());
});
afterAll(async () => {
  await close?.();
  await server?.close();
});

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's strict CSP forbids injected script tags.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as AxeResult;
  });
  return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  it('has no axe-core violation, with a zone card open', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}?v=1&zone=ze:3215`);
    await waitForMap(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('selects a zone from the list with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await waitForMap(page);
    const item = page.getByRole('button', { name: /^Arras/ });
    await item.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('zone-card').textContent()).toContain('3203');
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    // Hover state follows keyboard focus, so the map highlights what the list has in focus.
    expect(await page.evaluate(() => window.carte?.adapter?.map.getFeatureState({ source: 'zones-emploi', id: '3203' }))).toMatchObject({ hover: true, selected: true });
    await page.keyboard.press('Tab');
    await page.close();
  });
});
