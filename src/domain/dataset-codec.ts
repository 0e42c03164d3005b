import * as v from 'valibot';
import { fail, ok, type Result } from '../domain/result.ts';
import { checkSchema, columns, DAMAGED_FILE_HINT, locateInRows, rowOf, countOrNull, finiteNumber, lngLat, locateByPath, nonEmptyText, romeCode, text, textOrNull, versionOf, webLink, type SchemaPath } from './schema.ts';
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

/** `acces` tuples back to objects (their shape was checked by the schema). */
function decodeAcces(tuples: readonly AccesTuple[]): Acces[] {
  return tuples.map(([entree, places, voeux, voeuxType, source, nonLimitees]) => ({ entree, places, voeux, voeuxType, source, ...(nonLimitees === 1 ? { placesNonLimitees: true } : {}) }));
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

/** Rows to records; the rows were checked by the schema. */
function decodeTable<T>(table: Table, expected: readonly string[], pool: Map<string, string>, make?: (row: readonly unknown[], pool: Map<string, string>) => Record<string, unknown>): T[] {
  return table.rows.map((row) => {
    if (make) return make(row, pool) as T;
    // The id (first column) is unique: only the other values are interned.
    const item: Record<string, unknown> = {};
    expected.forEach((field, column) => {
      item[field] = column === 0 ? row[column] : intern(row[column], pool);
    });
    return item as T;
  });
}

const FILE = 'trainings.json';

const VOIES_MESSAGE = `une liste non vide parmi ${VOIES.join(', ')} est attendue`;
const provenance = v.object({ source: text, record: text, nom: v.optional(text) }, 'un objet { source, record } est attendu');
const provenanceList = v.pipe(v.array(provenance), v.minLength(1, 'une liste non vide de { source, record } est attendue'));
const accesTuple = v.pipe(
  v.tupleWithRest([textOrNull, countOrNull, countOrNull, v.picklist(['premier-choix', 'confirmes']), text], v.literal(1)),
  v.maxLength(6),
);
const session = v.object({ debut: textOrNull, fin: textOrNull, etat: v.nullable(v.picklist(['ouvert', 'ferme', 'suspendu'])) });
const optionalText = v.optional(text);
const certification = v.object({ rncp: optionalText, certifinfo: optionalText, rs: optionalText, mef: optionalText, inm: optionalText });

/** One encoded training: a value per field of `TRAINING_FIELDS`, in that order. */
const trainingRow = rowOf(TRAINING_FIELDS, [
  text, // id
  text, // siteId
  nonEmptyText, // intitule
  textOrNull, // diplome
  v.nullable(v.pipe(v.number('un niveau européen de 1 à 8 est attendu'), v.integer('un niveau européen de 1 à 8 est attendu'), v.minValue(1, 'un niveau européen de 1 à 8 est attendu'), v.maxValue(8, 'un niveau européen de 1 à 8 est attendu'))), // niveau
  v.nullable(v.picklist(['lheo-europeen', 'lheo-ancien', 'diplome', 'mef', 'intitule'])), // niveauOrigin
  textOrNull, // nsf
  textOrNull, // domaine
  textOrNull, // domaineOrigin
  v.pipe(v.array(v.picklist(VOIES), VOIES_MESSAGE), v.minLength(1, VOIES_MESSAGE)), // voies
  v.nullable(v.picklist(MODALITES)), // modalite
  v.nullable(v.boolean()), // conventionne
  countOrNull, // capacite
  v.array(session), // sessions
  textOrNull, // organisme
  v.nullable(webLink), // url
  certification, // certification
  provenanceList, // provenance
  v.array(accesTuple), // acces
  textOrNull, // cfd
  v.nullable(v.picklist(['mef', 'intitule-certif-info', 'certifinfo', 'rncp'])), // cfdOrigin
  v.nullable(v.picklist(['certif-info', 'dgesco', 'bcn', 'famille-metiers', 'options-bts', 'source'])), // intituleOrigin
  textOrNull, // intituleSource
  v.nullable(v.array(romeCode)), // romes
  v.nullable(v.picklist(['certif-info', 'famille-metiers', 'options-bts', 'intitule-certif-info', 'lheo'])), // romeOrigin
]);

const siteRow = rowOf(SITE_FIELDS, [
  text, // id
  text, // nom
  textOrNull, // uai
  textOrNull, // siret
  textOrNull, // adresse
  v.pipe(text, v.regex(/^\d[\dAB]\d{3}$/, 'un code INSEE est attendu')), // commune
  lngLat, // point
  v.picklist(['address', 'commune', 'siege']), // precision
  v.array(provenance), // provenance
]);

const source = v.object({ id: text, label: text, file: text, date: text, licence: text, origin: text });
const point = { nom: text, commune: text, point: lngLat };

/** `trainings.json` (data/SCHEMAS.md). */
export const DATASET_SCHEMA = v.object({
  version: v.literal(DATASET_VERSION),
  sources: v.array(source),
  sites: v.object({ fields: columns(SITE_FIELDS, 'sites'), rows: v.array(siteRow) }),
  trainings: v.object({ fields: columns(TRAINING_FIELDS, 'trainings'), rows: v.array(trainingRow) }),
  alliance: v.array(v.object({ id: text, ...point, metiers: v.array(text), entreprises: v.array(text), source: text })),
  campus: v.array(v.object({ id: text, nom: text, excellence: v.boolean(), territoire: text, communes: v.array(v.object({ code: text, nom: text, point: lngLat })), secteurs: v.array(text), source: text })),
  organismes: v.array(v.object({ id: text, uai: text, siret: textOrNull, ...point, nature: text, adresse: textOrNull, precision: v.picklist(['address', 'commune', 'siege']), prepaApprentissage: v.boolean(), provenance: v.array(provenance) })),
  facts: v.array(v.object({ indicateur: text, valeur: v.nullable(finiteNumber), texte: optionalText, unite: text, periode: text, source: text })),
  metiers: v.optional(v.array(v.strictTuple([romeCode, text]))),
});

const RECORDS: Readonly<Record<string, string>> = { trainings: 'formation', sites: 'lieu', alliance: 'école Alliance Emploi', campus: 'campus', organismes: 'organisme', facts: 'chiffre clé', sources: 'source', metiers: 'métier' };

const locateTraining = locateInRows('formation', TRAINING_FIELDS, (data) => (data as EncodedDataset).trainings.rows);
const locateSite = locateInRows('lieu', SITE_FIELDS, (data) => (data as EncodedDataset).sites.rows);

/** "formation t1, champ « url »": the record by its id (or position), the field by its name. */
function locateInDataset(path: SchemaPath, data: unknown): string {
  const [table, second, index] = path;
  const record = (position: unknown, item: unknown) => {
    const id = Array.isArray(item) ? item[0] : (item as { id?: unknown; indicateur?: unknown } | undefined)?.id ?? (item as { indicateur?: unknown } | undefined)?.indicateur;
    return `${RECORDS[String(table)] ?? String(table)} ${typeof id === 'string' ? id : `n° ${Number(position) + 1}`}`;
  };
  const tables = data as Record<string, { rows?: unknown[] } | unknown[] | undefined>;
  if (table === 'trainings' && second === 'rows') return locateTraining(path, data);
  if (table === 'sites' && second === 'rows') return locateSite(path, data);
  if (typeof second === 'number' && Array.isArray(tables[String(table)])) {
    const item = (tables[String(table)] as unknown[])[second];
    return `${record(second, item)}${index === undefined ? '' : `, ${locateByPath(path.slice(2), data)}`}`;
  }
  return locateByPath(path, data);
}

/** Reads the columnar dataset back; the error names the table, row and field. */
export function decodeDataset(data: unknown): Result<TrainingDataset> {
  const version = versionOf(FILE, data, DATASET_VERSION);
  if (!version.ok) return version;
  const checked = checkSchema(DATASET_SCHEMA, data, FILE, locateInDataset);
  if (!checked.ok) return checked;
  const encoded = checked.value as unknown as EncodedDataset;
  const pool = new Map<string, string>();
  const sites = decodeTable<Site>(encoded.sites, SITE_FIELDS, pool);
  const trainings = decodeTable<Training>(encoded.trainings, TRAINING_FIELDS, pool, trainingOf);
  for (const training of trainings) training.acces = decodeAcces(training.acces as unknown as AccesTuple[]);
  const siteIds = new Set(sites.map((site) => site.id));
  const orphan = trainings.find((training) => !siteIds.has(training.siteId));
  if (orphan) return fail(`${FILE} : formation ${orphan.id}, champ « siteId » : lieu inconnu ${orphan.siteId}${DAMAGED_FILE_HINT}`);
  return ok({
    sources: encoded.sources,
    sites,
    trainings,
    alliance: encoded.alliance,
    campus: encoded.campus,
    organismes: encoded.organismes,
    facts: encoded.facts,
    metiers: (encoded.metiers ?? []).map(([code, libelle]) => ({ code, libelle })),
  });
}
