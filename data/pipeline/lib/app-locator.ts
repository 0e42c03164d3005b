import { join } from 'node:path';
import { createCommuneLocator } from '../../../src/ingest/commune-locator.ts';
import type { Locator } from '../../../src/ingest/locator.ts';
import { stop } from './cli.ts';
import { readInputJson } from './files.ts';

/** The Locator built from the boundaries outputs under `root` (run `npm run data:geo` first). */
export function loadAppLocator(root: string): Locator {
  const gazetteer = readInputJson(join(root, 'public/data/communes.json'), 'the gazetteer built by npm run data:geo');
  const communes = readInputJson(join(root, 'public/geo/communes.topo.json'), 'the commune topology built by npm run data:geo');
  const locator = createCommuneLocator(gazetteer, communes);
  if (!locator.ok) stop(locator.error);
  return locator.value;
}
