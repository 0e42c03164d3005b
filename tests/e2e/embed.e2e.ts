import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { SCREENSHOT_DIR } from './browser.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

/**
 * A partner's page (a Mission locale's) with the app in an iframe, served by its own local server:
 * another origin (another port) than the app's. (Chromium refuses to frame a loopback page in a
 * page of a public origin, so the partner stands on the loopback too.)
 */
async function startPartner(frameSrc: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="fr"><head><title>Mission locale de Lens – nos formations</title></head><body style="margin:0;font-family:sans-serif"><h1 style="font-size:18px;margin:8px">Mission locale de Lens : trouver une formation</h1><iframe src="${frameSrc}" title="Carte des formations – Hauts-de-France" width="100%" height="640" style="border:0"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}/mission-locale/formations.html`, close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      // The browser keeps its connection alive: close it, or close() waits for it.
      server.closeAllConnections();
    }) };
}

describe('the map embedded on a partner’s site (?integre=1)', () => {
  it('shows the map and the list with the link’s filters in an iframe, a one-line summary, and a link to the full app', async () => {
    const view = '?v=1&voie=apprentissage&lieu=62498&rayon=30';
    const partner = await startPartner(`${app.url()}${view}&integre=1`);
    const { page } = await app.open('', undefined, { waitFor: 'nothing' });
    // Its code is a chunk of its own, which the full app never asks for (map-look.e2e.ts).
    const chunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/EmbedApp-[\w-]+\.js$/.test(request.url())) chunks.push(request.url());
    });
    await page.goto(partner.url);
    const frame = page.frameLocator('iframe');
    await expect.poll(async () => page.frames()[1]?.evaluate(() => {
      const carte = window.carte;
      const map = carte?.adapter?.map;
      return carte?.store.getState().dataStatus === 'ready' && map?.loaded() === true;
    }), { timeout: 45_000 }).toBe(true);
    await expect.poll(() => frame.getByTestId('embed-summary').textContent(), { timeout: 20_000 }).toMatch(/autour de Lens.*Apprentissage/i);
    await expect.poll(() => frame.getByTestId('offer-count').textContent()).toMatch(/\d+\sformations? dans \d+\slieux?.*à moins de 30\skm de Lens/);
    expect(chunks).toHaveLength(1);
    // No side panels beyond the summary: no search box, no filters, no layer switches.
    expect(await frame.getByLabel('Rechercher une formation ou un métier').count()).toBe(0);
    expect(await frame.getByRole('radio').count()).toBe(0);
    const full = frame.getByTestId('embed-full');
    expect(await full.getAttribute('target')).toBe('_blank');
    const href = new URL((await full.getAttribute('href')) ?? '');
    expect(href.searchParams.get('integre')).toBeNull();
    expect(href.searchParams.get('voie')).toBe('apprentissage');
    expect(href.searchParams.get('lieu')).toBe('62498');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/integration-partenaire.png` });
    // The full app opens the same view, with its panels.
    const opened = await page.context().newPage();
    await opened.goto(href.href);
    await expect.poll(() => opened.getByLabel('Rechercher une formation ou un métier').count(), { timeout: 20_000 }).toBe(1);
    await opened.close();
    await page.close();
    await partner.close();
  });

  it('offers the snippet for the current view in the share panel', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage');
    await page.getByText('Partager, imprimer, exporter').click();
    const snippet = (await page.getByTestId('embed-snippet').inputValue()) ?? '';
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/carte-formation-emploi\/\?v=1&amp;voie=apprentissage&amp;integre=1(#[^"]*)?" title="Carte des formations – Hauts-de-France" width="100%" height="640" style="border:0" loading="lazy"><\/iframe>$/);
    await page.close();
  });

  it('has no axe-core violation in the embedded version, and a phone gets the map above the list', async () => {
    const { page } = await app.open('?v=1&voie=apprentissage&integre=1', { width: 390, height: 800 });
    expect(await axeViolations(page)).toEqual([]);
    const map = await page.locator('#map').boundingBox();
    const list = await page.locator('#offer-list-title').boundingBox();
    expect(map && list && map.y < list.y).toBe(true);
    await page.close();
  });
});
