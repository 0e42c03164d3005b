import { readFileSync } from 'node:fs';
import { createCommuneLocator } from '../../../src/ingest/commune-locator.ts';
import type { Locator } from '../../../src/ingest/locator.ts';

let cached: Locator | undefined;

/** The Locator built from the committed gazetteer and commune polygons (real data). */
export function appLocator(): Locator {
  if (cached) return cached;
  const result = createCommuneLocator(
    JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown,
    JSON.parse(readFileSync('public/geo/communes.topo.json', 'utf8')) as unknown,
  );
  if (!result.ok) throw new Error(result.error);
  cached = result.value;
  return cached;
}
