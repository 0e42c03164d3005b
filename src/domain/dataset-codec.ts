import { fail, ok, type Result } from '../domain/result.ts';
import { MODALITES, VOIES, type Acces, type Site, type Training, type TrainingDataset } from './training.ts';

/** Schema version of `public/data/trainings.json` (see data/SCHEMAS.md). */
export const DATASET_VERSION = 2;

const SITE_FIELDS = ['id', 'nom', 'uai', 'siret', 'adresse', 'commune', 'point', 'precision', 'provenance'] as const;
export const TRAINING_FIELDS = [
  'id', 'siteId', 'intitule', 'diplome', 'niveau', 'niveauOrigin', 'nsf', 'domaine', 'domaineOrigin', 'voies', 'modalite',
  'conventionne', 'capacite', 'sessions', 'organisme', 'url', 'certification', 'provenance', 'acces',
  'cfd', 'cfdOrigin', 'intituleOrigin', 'intituleSource', 'romes', 'romeOrigin',
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
  organismes: TrainingDataset['organismes'];
  facts: TrainingDataset['facts'];
  /** ROME v3 code → job title: `[[code, libelle]]`. */
  metiers?: [string, string][];
}

function encodeTable<T>(items: readonly T[], fields: readonly (keyof T & string)[], encodeField: (field: string, value: unknown) => unknown = (_field, value) => value): Table {
  return { fields, rows: items.map((item) => fields.map((field) => encodeField(field, item[field] ?? null))) };
}

/** `acces` entries as tuples `[entree, places, voeux, voeuxType, source]`, `1` after them for "no limit": a third of the size of objects. */
type AccesTuple = [string | null, number | null, number | null, Acces['voeuxType'], string] | [string | null, number | null, number | null, Acces['voeuxType'], string, 1];
const encodeAcces = (acces: readonly Acces[]): AccesTuple[] => acces.map((item): AccesTuple => (item.placesNonLimitees ? [item.entree, item.places, item.voeux, item.voeuxType, item.source, 1] : [item.entree, item.places, item.voeux, item.voeuxType, item.source]));

function decodeAcces(value: unknown): Acces[] | null {
  if (!Array.isArray(value)) return null;
  const decoded: Acces[] = [];
  for (const item of value) {
    if (!Array.isArray(item) || (item.length !== 5 && item.length !== 6)) return null;
    const [entree, places, voeux, voeuxType, source, nonLimitees] = item as unknown[];
    if ((voeuxType !== 'premier-choix' && voeuxType !== 'confirmes') || typeof source !== 'string') return null;
    decoded.push({ entree: typeof entree === 'string' ? entree : null, places: typeof places === 'number' ? places : null, voeux: typeof voeux === 'number' ? voeux : null, voeuxType, source, ...(nonLimitees === 1 ? { placesNonLimitees: true } : {}) });
  }
  return decoded;
}

/** Columnar form: field names once, then one array per record (about half the size of objects). */
export function encodeDataset(dataset: TrainingDataset): EncodedDataset {
  return {
    version: DATASET_VERSION,
    sources: dataset.sources,
    sites: encodeTable<Site>(dataset.sites, [...SITE_FIELDS]),
    trainings: encodeTable<Training>(dataset.trainings, [...TRAINING_FIELDS], (field, value) => (field === 'acces' ? encodeAcces(value as Acces[]) : value)),
    alliance: dataset.alliance,
    campus: dataset.campus,
    organismes: dataset.organismes,
    facts: dataset.facts,
    metiers: (dataset.metiers ?? []).map((job): [string, string] => [job.code, job.libelle]),
  };
}

/**
 * Makes every repeated string one string. JSON.parse gives each occurrence its own copy; the
 * dataset repeats a few thousand values (sources, voies, diplomas, domains, access labels) across
 * every record: at 100,000 trainings the copies were ~50 MB of the page's heap. Arrays and objects
 * fresh from JSON.parse are updated in place.
 */
function intern(value: unknown, pool: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const known = pool.get(value);
    if (known !== undefined) return known;
    pool.set(value, value);
    return value;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) value[index] = intern(value[index], pool);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = intern(record[key], pool);
  }
  return value;
}

/**
 * A training built as one object literal, every field in the same order: V8 keeps such objects
 * compact. Built field by field in a loop, the 25 fields of a training made each object a slow
 * dictionary (+75 MB of heap at 100,000 trainings, measured in Chromium).
 */
function trainingOf(row: readonly unknown[], pool: Map<string, string>): Record<string, unknown> {
  const value = (column: number) => intern(row[column], pool);
  return {
    id: row[0],
    siteId: value(1),
    intitule: value(2),
    diplome: value(3),
    niveau: value(4),
    niveauOrigin: value(5),
    nsf: value(6),
    domaine: value(7),
    domaineOrigin: value(8),
    voies: value(9),
    modalite: value(10),
    conventionne: value(11),
    capacite: value(12),
    sessions: value(13),
    organisme: value(14),
    url: value(15),
    certification: value(16),
    provenance: value(17),
    acces: value(18),
    cfd: value(19),
    cfdOrigin: value(20),
    intituleOrigin: value(21),
    intituleSource: value(22),
    romes: value(23),
    romeOrigin: value(24),
  };
}

function decodeTable<T>(table: unknown, expected: readonly string[], name: string, pool: Map<string, string>, make?: (row: readonly unknown[], pool: Map<string, string>) => Record<string, unknown>): Result<T[]> {
  const { fields, rows } = (table ?? {}) as Partial<Table>;
  if (!Array.isArray(fields) || fields.join() !== expected.join()) return fail(`${FILE} : la table « ${name} » doit avoir les colonnes ${expected.join(', ')} ; rechargez la page (une version plus récente de la carte est peut-être en ligne)`);
  if (!Array.isArray(rows)) return fail(`${FILE} : « ${name}.rows » n'est pas une liste`);
  const items: T[] = [];
  for (const [index, row] of rows.entries()) {
    if (!Array.isArray(row) || row.length !== expected.length) return fail(`${FILE} : ${name}, ligne ${index + 1} : ${expected.length} valeurs attendues`);
    if (typeof row[0] !== 'string') return fail(`${FILE} : ${name}, ligne ${index + 1} : le champ « id » doit être un texte`);
    if (make) {
      items.push(make(row, pool) as T);
      continue;
    }
    // The id (first column) is unique: only the other values are interned.
    const item: Record<string, unknown> = {};
    expected.forEach((field, column) => {
      item[field] = column === 0 ? row[column] : intern(row[column], pool);
    });
    items.push(item as T);
  }
  return ok(items);
}

const FILE = 'trainings.json';
const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';

/**
 * What is wrong with a decoded training, naming the field, or null. A link must be `http(s):`
 * (a `javascript:` URL would run when clicked); lists must be lists (a card maps over them).
 */
export function trainingProblem(training: Training): { field: string; reason: string } | null {
  if (!isText(training.intitule) || training.intitule.trim() === '') return { field: 'intitule', reason: 'un texte non vide est attendu' };
  if (!isText(training.siteId)) return { field: 'siteId', reason: 'un texte est attendu' };
  if (!Array.isArray(training.voies) || training.voies.length === 0 || !training.voies.every((voie) => (VOIES as readonly string[]).includes(voie))) return { field: 'voies', reason: `une liste non vide parmi ${VOIES.join(', ')} est attendue` };
  if (training.url !== null && (!isText(training.url) || !/^https?:\/\//i.test(training.url))) return { field: 'url', reason: 'seul un lien http ou https est accepté' };
  if (training.niveau !== null && !(Number.isInteger(training.niveau) && training.niveau >= 1 && training.niveau <= 8)) return { field: 'niveau', reason: 'un niveau européen de 1 à 8 est attendu' };
  if (training.modalite !== null && !(MODALITES as readonly string[]).includes(training.modalite)) return { field: 'modalite', reason: `${MODALITES.join(', ')} ou null attendu` };
  if (training.capacite !== null && !(Number.isInteger(training.capacite) && training.capacite >= 0)) return { field: 'capacite', reason: 'un nombre entier positif est attendu' };
  if (!Array.isArray(training.sessions)) return { field: 'sessions', reason: 'une liste est attendue' };
  if (!Array.isArray(training.provenance) || training.provenance.length === 0 || !training.provenance.every((item) => isText(item?.source) && isText(item?.record))) return { field: 'provenance', reason: 'une liste non vide de { source, record } est attendue' };
  if (training.romes !== null && training.romes !== undefined && (!Array.isArray(training.romes) || !training.romes.every((rome) => /^[A-N]\d{4}$/.test(rome)))) return { field: 'romes', reason: 'une liste de codes ROME (lettre et 4 chiffres) est attendue' };
  if (!isTextOrNull(training.organisme) || !isTextOrNull(training.diplome)) return { field: isTextOrNull(training.organisme) ? 'diplome' : 'organisme', reason: 'un texte ou null est attendu' };
  return null;
}

/** What is wrong with a decoded site, naming the field, or null. */
export function siteProblem(site: Site): { field: string; reason: string } | null {
  if (!isText(site.nom)) return { field: 'nom', reason: 'un texte est attendu' };
  if (!Array.isArray(site.point) || site.point.length !== 2 || !site.point.every((value) => typeof value === 'number' && Number.isFinite(value))) return { field: 'point', reason: 'des coordonnées [longitude, latitude] sont attendues' };
  if (!['address', 'commune', 'siege'].includes(site.precision)) return { field: 'precision', reason: 'address, commune ou siege attendu' };
  if (!isText(site.commune)) return { field: 'commune', reason: 'un code INSEE est attendu' };
  return null;
}

/** Reads the columnar dataset back; the error names the table, row and field. */
export function decodeDataset(data: unknown): Result<TrainingDataset> {
  if (typeof data !== 'object' || data === null) return fail(`${FILE} : un objet JSON est attendu`);
  const encoded = data as Partial<EncodedDataset>;
  if (encoded.version !== DATASET_VERSION) return fail(`${FILE} : version ${String(encoded.version)} non prise en charge (attendue : ${DATASET_VERSION}) ; rechargez la page`);
  const pool = new Map<string, string>();
  const sites = decodeTable<Site>(encoded.sites, SITE_FIELDS, 'sites', pool);
  if (!sites.ok) return sites;
  const trainings = decodeTable<Training>(encoded.trainings, TRAINING_FIELDS, 'trainings', pool, trainingOf);
  if (!trainings.ok) return trainings;
  for (const training of trainings.value) {
    const acces = decodeAcces(training.acces as unknown);
    if (!acces) return fail(`${FILE} : formation ${training.id}, champ « acces » : une liste de [entrée, places, vœux, type de vœux, source] est attendue`);
    training.acces = acces;
    const problem = trainingProblem(training);
    if (problem) return fail(`${FILE} : formation ${training.id}, champ « ${problem.field} » : ${problem.reason}`);
  }
  for (const site of sites.value) {
    const problem = siteProblem(site);
    if (problem) return fail(`${FILE} : lieu ${site.id}, champ « ${problem.field} » : ${problem.reason}`);
  }
  const siteIds = new Set(sites.value.map((site) => site.id));
  const orphan = trainings.value.find((training) => !siteIds.has(training.siteId));
  if (orphan) return fail(`${FILE} : formation ${orphan.id}, champ « siteId » : lieu inconnu ${orphan.siteId}`);
  return ok({
    sources: Array.isArray(encoded.sources) ? encoded.sources : [],
    sites: sites.value,
    trainings: trainings.value,
    alliance: Array.isArray(encoded.alliance) ? encoded.alliance : [],
    campus: Array.isArray(encoded.campus) ? encoded.campus : [],
    organismes: Array.isArray(encoded.organismes) ? encoded.organismes : [],
    facts: Array.isArray(encoded.facts) ? encoded.facts : [],
    metiers: Array.isArray(encoded.metiers) ? encoded.metiers.filter((row) => Array.isArray(row) && typeof row[0] === 'string' && typeof row[1] === 'string').map(([code, libelle]) => ({ code, libelle })) : [],
  });
}
