import { fail, ok, type Result } from '../domain/result.ts';
import type { Site, Training, TrainingDataset } from './training.ts';

/** Schema version of `public/data/trainings.json` (see data/SCHEMAS.md). */
export const DATASET_VERSION = 1;

const SITE_FIELDS = ['id', 'nom', 'uai', 'siret', 'adresse', 'commune', 'point', 'precision', 'provenance'] as const;
const TRAINING_FIELDS = [
  'id', 'siteId', 'intitule', 'diplome', 'niveau', 'niveauOrigin', 'nsf', 'domaine', 'voies', 'modalite',
  'conventionne', 'capacite', 'sessions', 'organisme', 'url', 'certification', 'provenance',
] as const;

interface Table {
  fields: readonly string[];
  rows: unknown[][];
}

export interface EncodedDataset {
  version: number;
  sources: TrainingDataset['sources'];
  sites: Table;
  trainings: Table;
  alliance: TrainingDataset['alliance'];
  campus: TrainingDataset['campus'];
}

function encodeTable<T>(items: readonly T[], fields: readonly (keyof T & string)[]): Table {
  return { fields, rows: items.map((item) => fields.map((field) => item[field] ?? null)) };
}

/** Columnar form: field names once, then one array per record (about half the size of objects). */
export function encodeDataset(dataset: TrainingDataset): EncodedDataset {
  return {
    version: DATASET_VERSION,
    sources: dataset.sources,
    sites: encodeTable<Site>(dataset.sites, [...SITE_FIELDS]),
    trainings: encodeTable<Training>(dataset.trainings, [...TRAINING_FIELDS]),
    alliance: dataset.alliance,
    campus: dataset.campus,
  };
}

function decodeTable<T>(table: unknown, expected: readonly string[], name: string): Result<T[]> {
  const { fields, rows } = (table ?? {}) as Partial<Table>;
  if (!Array.isArray(fields) || fields.join() !== expected.join()) return fail(`trainings.json: "${name}" must have the fields ${expected.join(', ')}`);
  if (!Array.isArray(rows)) return fail(`trainings.json: "${name}.rows" is not an array`);
  const items: T[] = [];
  for (const [index, row] of rows.entries()) {
    if (!Array.isArray(row) || row.length !== expected.length) return fail(`trainings.json: ${name} row ${index} does not have ${expected.length} values`);
    if (typeof row[0] !== 'string') return fail(`trainings.json: ${name} row ${index}: "id" must be text`);
    items.push(Object.fromEntries(expected.map((field, column) => [field, row[column]])) as T);
  }
  return ok(items);
}

/** Reads the columnar dataset back; the error names the table, row and field. */
export function decodeDataset(data: unknown): Result<TrainingDataset> {
  if (typeof data !== 'object' || data === null) return fail('trainings.json: expected an object');
  const encoded = data as Partial<EncodedDataset>;
  if (encoded.version !== DATASET_VERSION) return fail(`trainings.json: unsupported version ${String(encoded.version)}, expected ${DATASET_VERSION}`);
  const sites = decodeTable<Site>(encoded.sites, SITE_FIELDS, 'sites');
  if (!sites.ok) return sites;
  const trainings = decodeTable<Training>(encoded.trainings, TRAINING_FIELDS, 'trainings');
  if (!trainings.ok) return trainings;
  const siteIds = new Set(sites.value.map((site) => site.id));
  const orphan = trainings.value.find((training) => !siteIds.has(training.siteId));
  if (orphan) return fail(`trainings.json: training ${orphan.id} refers to an unknown site ${orphan.siteId}`);
  return ok({
    sources: Array.isArray(encoded.sources) ? encoded.sources : [],
    sites: sites.value,
    trainings: trainings.value,
    alliance: Array.isArray(encoded.alliance) ? encoded.alliance : [],
    campus: Array.isArray(encoded.campus) ? encoded.campus : [],
  });
}
