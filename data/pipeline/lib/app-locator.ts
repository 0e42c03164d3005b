import { join } from 'node:path';
import { createRequire } from 'node:module';
import { REGION_DEPARTEMENTS } from '../../../src/domain/zones.ts';
import { createCommuneLocator } from '../../../src/ingest/commune-locator.ts';
import { formerNameKey } from '../../../src/ingest/locator.ts';
import type { Locator } from '../../../src/ingest/locator.ts';
import { stop } from './cli.ts';
import { readInputJson } from './files.ts';

const require = createRequire(import.meta.url);

/**
 * The merge table by name, from @etalab/decoupage-administratif: each commune déléguée or associée
 * of the region (a commune merged since) → its current commune (its chef-lieu).
 */
export function formerCommuneNames(): Map<string, string> {
  const communes = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; nom: string; type: string; chefLieu?: string; departement?: string }[];
  const names = new Map<string, string>();
  for (const commune of communes) {
    if ((commune.type !== 'commune-deleguee' && commune.type !== 'commune-associee') || !commune.chefLieu) continue;
    if (!REGION_DEPARTEMENTS.includes(commune.code.slice(0, 2) as (typeof REGION_DEPARTEMENTS)[number])) continue;
    names.set(formerNameKey(commune.code.slice(0, 2), commune.nom), commune.chefLieu);
  }
  return names;
}

/** The Locator built from the boundaries outputs under `root` (run `npm run data:geo` first). */
export function loadAppLocator(root: string): Locator {
  const gazetteer = readInputJson(join(root, 'public/data/communes.json'), 'the gazetteer built by npm run data:geo');
  const communes = readInputJson(join(root, 'public/geo/communes.topo.json'), 'the commune topology built by npm run data:geo');
  const locator = createCommuneLocator(gazetteer, communes, formerCommuneNames());
  if (!locator.ok) stop(locator.error);
  return locator.value;
}
