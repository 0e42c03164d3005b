import { describe, expect, it } from 'vitest';
import { useBuiltApp } from './harness.ts';

// A file of its own: its browser has never loaded the app, so no service worker answers for the
// network (Playwright's routes do not see a service worker's requests).
const app = useBuiltApp();

describe('data that cannot be loaded', () => {
  it('is said in French, naming the file, when the boundaries are missing', async () => {
    const { page } = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: (target) => target.route('**/geo/hauts-de-france.topo.json', (route) => route.fulfill({ status: 404, body: 'absent' })),
    });
    await expect.poll(() => page.evaluate(() => window.carte?.store.getState().dataStatus), { timeout: 20_000 }).toBe('error');
    expect(await page.getByRole('alert').textContent({ timeout: 5_000 })).toMatch(/Les données n'ont pas pu être chargées\s: .*hauts-de-france\.topo\.json.*404/);
    await page.close();
  });

  it('refuses a trainings file with a javascript: link, naming the training and the field (schema check)', async () => {
    const { page } = await app.open('', undefined, {
      waitFor: 'nothing',
      prepare: (target) =>
        target.route('**/data/trainings.json', async (route) => {
          const response = await route.fetch();
          const dataset = (await response.json()) as { trainings: { fields: string[]; rows: unknown[][] } };
          const row = dataset.trainings.rows[0] as unknown[];
          row[dataset.trainings.fields.indexOf('url')] = 'javascript:alert(1)';
          await route.fulfill({ response, json: dataset });
        }),
    });
    await expect.poll(() => page.evaluate(() => window.carte?.store.getState().dataStatus), { timeout: 20_000 }).toBe('error');
    expect(await page.getByRole('alert').textContent({ timeout: 5_000 })).toMatch(/trainings\.json\s: formation [^,]+, champ «\surl\s»\s: seul un lien http ou https est accepté\s; rechargez la page/);
    await page.close();
  });
});
