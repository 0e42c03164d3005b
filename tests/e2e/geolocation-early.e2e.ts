import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './harness.ts';

// In a file of its own: a service worker registered by another test's page would answer for the
// network, and the held-back offer would not be held back.
const app = useBuiltApp();

describe('"Autour de moi" early', () => {
  it('"Autour de moi" before the region is loaded waits for it, and never says "hors des Hauts-de-France"', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { page } = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: async (opened) => {
        await opened.context().grantPermissions(['geolocation'], { origin: new URL(app.url()).origin });
        await opened.context().setGeolocation({ latitude: 50.431_234, longitude: 2.831_789 }); // Lens
        // The offer (and so the region's zone lookups) arrives only when released.
        await opened.route('**/data/trainings.json', async (route) => {
          await held;
          await route.continue();
        });
      },
    });
    await page.getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => page.getByTestId('place-message').textContent()).toMatch(/les limites de la région se chargent/);
    release();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toContain('lieu=2.832,50.431');
    expect(await page.getByTestId('place-message').count()).toBe(0);
    await page.context().clearPermissions();
    await page.close();
  });

});
