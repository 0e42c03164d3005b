import * as v from 'valibot';
import { fail, ok, type Result } from './result.ts';

/**
 * Schema checks of the files the app loads (valibot): one schema per file, next to its decoder.
 * A failure names the file, the record and the field, in French, and says what to do.
 */

/** A path in the checked value: object keys and array indexes, outermost first. */
export type SchemaPath = readonly (string | number)[];

/** Where a problem is, as a person reads it: "formation F12, champ « url »". */
export type Locate = (path: SchemaPath, data: unknown) => string;

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'vrai ou faux',
  array: 'une liste',
  object: 'un objet',
  strict_object: 'un objet',
  record: 'un objet',
  tuple: 'une liste',
  strict_tuple: 'une liste',
  null: 'null',
};

/** French message for an issue whose schema gave none. */
export function frenchMessage(issue: v.BaseIssue<unknown>): string {
  const expected = issue.expected ?? '';
  if (issue.received === 'undefined') return 'valeur manquante';
  switch (issue.type) {
    case 'integer':
      return 'un nombre entier est attendu';
    case 'min_value':
      return `une valeur d'au moins ${expected.replace(/^>=/, '')} est attendue`;
    case 'max_value':
      return `une valeur d'au plus ${expected.replace(/^<=/, '')} est attendue`;
    case 'min_length':
      return `au moins ${expected.replace(/^>=/, '')} élément(s) attendu(s)`;
    case 'length':
      return `${expected.replace(/^!?=?/, '')} valeurs attendues`;
    case 'regex':
      return 'format inattendu';
    case 'picklist':
    case 'literal':
      return `une valeur parmi ${expected.replace(/["()]/g, '').split(' | ').join(', ')} est attendue`;
    case 'finite':
      return 'un nombre fini est attendu';
    default: {
      const article = ARTICLE[issue.type];
      return article ? `${article} ${article.startsWith('une ') ? 'est attendue' : 'est attendu'}` : `valeur inattendue (reçu : ${issue.received})`;
    }
  }
}

/** The path of a valibot issue as plain keys. */
export function issuePath(issue: v.BaseIssue<unknown>): SchemaPath {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/** Default place of a problem: the path as dotted keys, "champ « chomage.zonesEmploi.0054[3] »". */
export const locateByPath: Locate = (path) => (path.length === 0 ? 'contenu' : `champ « ${path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('')} »`);

/** What to do about a published file that fails its check, after the message. */
export const DAMAGED_FILE_HINT = " ; rechargez la page (si l'erreur revient, le fichier publié est abîmé)";
/** What to do about a file of another version. */
export const VERSION_HINT = ' ; rechargez la page (une version plus récente de la carte est peut-être en ligne)';

/**
 * Checks `data` against `schema`. The first problem stops the check (it is the one reported).
 * @returns the data itself (not a copy: decoders intern and reshape it in place), or the message
 *   `<file> : <where> : <what is expected> ; rechargez la page …`
 */
export function checkSchema<S extends v.GenericSchema>(schema: S, data: unknown, file: string, locate: Locate = locateByPath): Result<v.InferOutput<S>> {
  const result = v.safeParse(schema, data, { abortEarly: true, message: frenchMessage });
  // The schemas transform nothing: their output is their input, typed.
  if (result.success) return ok(data as v.InferOutput<S>);
  const issue = result.issues[0];
  const path = issuePath(issue);
  return fail(`${file} : ${locate(path, data)} : ${issue.message}${DAMAGED_FILE_HINT}`);
}

// Shared building blocks, with the messages a person reads.
export const text = v.string();
export const nonEmptyText = v.pipe(v.string(), v.check((value) => value.trim() !== '', 'un texte non vide est attendu'));
export const textOrNull = v.nullable(v.string());
export const finiteNumber = v.pipe(v.number(), v.finite());
export const count = v.pipe(v.number(), v.integer(), v.minValue(0, 'un nombre entier positif est attendu'));
export const countOrNull = v.nullable(count);
/** `[longitude, latitude]`, within the world's bounds. */
export const lngLat = v.tuple(
  [v.pipe(v.number(), v.finite(), v.minValue(-180), v.maxValue(180)), v.pipe(v.number(), v.finite(), v.minValue(-90), v.maxValue(90))],
  'des coordonnées [longitude, latitude] sont attendues',
);
export const ROME_CODE = /^[A-N]\d{4}$/;
export const romeCode = v.pipe(v.string(), v.regex(ROME_CODE, 'un code ROME (lettre et 4 chiffres) est attendu'));
/** A link a card may render: `http(s):` only (a `javascript:` URL would run when clicked). */
export const webLink = v.pipe(v.string(), v.regex(/^https?:\/\//i, 'seul un lien http ou https est accepté'));

/** A version check with its own message: an old or newer file asks for a reload. */
export function versionOf(file: string, data: unknown, expected: number): Result<void> {
  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (typeof data !== 'object' || data === null) return fail(`${file} : un objet JSON est attendu ; rechargez la page`);
  return version === expected ? ok(undefined) : fail(`${file} : version ${String(version)} non prise en charge (attendue : ${expected})${VERSION_HINT}`);
}

/** The header of a columnar file: exactly these names, in this order. */
export const columns = (expected: readonly string[], name: string) =>
  v.pipe(
    v.array(text),
    v.check((fields) => fields.join() === expected.join(), `la table « ${name} » doit avoir les colonnes ${expected.join(', ')}`),
  );

/** A row of a columnar file: first its length (a short row names no field), then each value. */
export const rowOf = <const T extends v.TupleItems>(fields: readonly string[], items: T) => v.pipe(v.array(v.unknown()), v.length(fields.length, `${fields.length} valeurs attendues`), v.strictTuple(items));

/**
 * "commune 59350, champ « lng »" for a problem in `rows[i][j]` of a columnar file (or of another
 * table of tuples, `options.table`): the record by its first value (or its position), the field by name.
 */
export function locateInRows(record: string, fields: readonly string[], rowsOf: (data: unknown) => unknown[] | undefined, options: { table?: string; named?: boolean } = {}): Locate {
  const { table = 'rows', named = true } = options;
  return (path, data) => {
    const at = path.indexOf(table);
    const index = path[at + 1];
    if (at < 0 || typeof index !== 'number') return locateByPath(path, data);
    const row = rowsOf(data)?.[index];
    const id = named && Array.isArray(row) && typeof row[0] === 'string' ? row[0] : `n° ${index + 1}`;
    const column = path[at + 2];
    if (column === undefined) return `${record} ${id}, ligne ${index + 1}`;
    const rest = path.slice(at + 3);
    return `${record} ${id}, champ « ${fields[column as number] ?? String(column)} »${rest.length > 0 ? ` (élément ${locateByPath(rest, data).replace(/^champ /, '')})` : ''}`;
  };
}
