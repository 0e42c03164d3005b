/**
 * France Travail's hiring survey (Besoins en main-d'œuvre, BMO) as the app loads it
 * (`public/data/bmo.json`, see data/SCHEMAS.md): hiring projects per métier (FAP 2021, 228 level) and
 * per bassin d'emploi, with the projects judged difficult and the seasonal ones. A withheld figure
 * (`*`, statistical secrecy) is null: unknown, never zero. Each métier carries the ROME codes the
 * DARES table links it to, so a métier leads to the trainings of the job search (`metier=`).
 */
import * as v from 'valibot';
import { fail, ok, type Result } from './result.ts';
import { checkSchema, DAMAGED_FILE_HINT, locateByPath, locateInRows, nonEmptyText, romeCode, text, versionOf, type SchemaPath } from './schema.ts';

export const LABOUR_VERSION = 1;

export interface BmoMetier {
  /** FAP 2021 code, 228 level (`Code métier BMO`). */
  code: string;
  libelle: string;
  /** The survey's family of métiers (`Famille_met`, a letter) and its title. */
  famille: string;
  familleLibelle: string;
  /** ROME v3 codes of the métier (DARES table ROME × qualification → FAP 341 → 228). */
  romes: readonly string[];
}

/** One métier in one bassin: projects, judged difficult, seasonal; null where withheld. */
export interface BmoFigure {
  metier: string;
  projets: number | null;
  difficiles: number | null;
  saisonniers: number | null;
}

export interface LabourFile {
  version: number;
  source: string;
  licence: string;
  annee: number;
  metiers: BmoMetier[];
  /** Bassin code → its figures, one per métier the survey lists there. */
  bassins: Record<string, BmoFigure[]>;
}

/** The file: métiers as tuples, figures as `[metier index, projets, difficiles, saisonniers]`. */
export interface EncodedLabourFile {
  version: number;
  source: string;
  licence: string;
  annee: number;
  metiers: [string, string, string, string, string[]][];
  bassins: Record<string, [number, number | null, number | null, number | null][]>;
}

export function encodeLabour(file: LabourFile): EncodedLabourFile {
  const index = new Map(file.metiers.map((metier, position) => [metier.code, position]));
  return {
    version: LABOUR_VERSION,
    source: file.source,
    licence: file.licence,
    annee: file.annee,
    metiers: file.metiers.map((metier) => [metier.code, metier.libelle, metier.famille, metier.familleLibelle, [...metier.romes]]),
    bassins: Object.fromEntries(Object.entries(file.bassins).map(([code, figures]) => [code, figures.map((figure): [number, number | null, number | null, number | null] => [index.get(figure.metier) ?? -1, figure.projets, figure.difficiles, figure.saisonniers])])),
  };
}

const WITHHELD = 'un nombre entier, ou null pour une valeur masquée, est attendu';
const withheldOrCount = v.nullable(v.pipe(v.number(WITHHELD), v.integer(WITHHELD), v.minValue(0, WITHHELD)));

/** `bmo.json`: every métier and every figure, checked before it is read. */
const LABOUR_SCHEMA = v.object({
  version: v.literal(LABOUR_VERSION),
  source: text,
  licence: text,
  annee: v.pipe(v.number(), v.integer(), v.minValue(2000)),
  metiers: v.array(v.strictTuple([v.pipe(text, v.regex(/^[A-Z][A-Z\d]{2}\d{2}$/, 'un code FAP 2021 (5 caractères) est attendu')), nonEmptyText, text, text, v.array(romeCode)])),
  bassins: v.record(
    v.pipe(v.string(), v.regex(/^\d{4}$/, 'un code de bassin à 4 chiffres est attendu')),
    v.array(v.strictTuple([v.pipe(v.number(), v.integer(), v.minValue(0)), withheldOrCount, withheldOrCount, withheldOrCount], 'une ligne [métier, projets, difficiles, saisonniers] est attendue')),
  ),
});

const locateMetier = locateInRows('métier', ['code', 'libelle', 'famille', 'familleLibelle', 'romes'], (data) => (data as EncodedLabourFile).metiers, { table: 'metiers' });

/** "métier A0X40, champ « romes » (élément « [0] »)", "bassin 3201, ligne 3, champ « projets »". */
function locateInLabour(path: SchemaPath, data: unknown): string {
  const [table, key, index, ...rest] = path;
  if (table === 'metiers') return locateMetier(path, data);
  if (table === 'bassins' && key !== undefined) return `bassin ${String(key)}${typeof index === 'number' ? `, ligne ${index + 1}` : ''}${typeof rest[0] === 'number' ? `, champ « ${['metier', 'projets', 'difficiles', 'saisonniers'][rest[0]] ?? String(rest[0])} »` : ''}`;
  return locateByPath(path, data);
}

/** Reads `bmo.json`; the error names the file, the record and the field, in French. */
export function decodeLabour(data: unknown, file = 'bmo.json'): Result<LabourFile> {
  const version = versionOf(file, data, LABOUR_VERSION);
  if (!version.ok) return version;
  const checked = checkSchema(LABOUR_SCHEMA, data, file, locateInLabour);
  if (!checked.ok) return checked;
  const encoded = checked.value;
  const metiers: BmoMetier[] = encoded.metiers.map(([code, libelle, famille, familleLibelle, romes]) => ({ code, libelle, famille, familleLibelle, romes }));
  const bassins: Record<string, BmoFigure[]> = {};
  for (const [code, rows] of Object.entries(encoded.bassins)) {
    bassins[code] = [];
    for (const [position, [index, projets, difficiles, saisonniers]] of rows.entries()) {
      const metier = metiers[index];
      if (!metier) return fail(`${file} : bassin ${code}, ligne ${position + 1} : métier n° ${index + 1} inconnu${DAMAGED_FILE_HINT}`);
      bassins[code].push({ metier: metier.code, projets, difficiles, saisonniers });
    }
  }
  return ok({ version: LABOUR_VERSION, source: encoded.source, licence: encoded.licence, annee: encoded.annee, metiers, bassins });
}

/**
 * Which métiers a hiring figure follows (URL key `fap`): all, one family (its letter, `I`), or one
 * métier (its FAP 228 code, `D1X33`).
 */
export type MetierSelection = { kind: 'tous' } | { kind: 'famille'; code: string } | { kind: 'metier'; code: string } | { kind: 'marshall'; code: 'marshall' };

/**
 * The industrial-maintenance métiers the Plan Marshall aims at (`fap=marshall`): workers and
 * technicians of general, mechanical and electrical maintenance and automation (FAP 2021). Vehicle
 * and IT maintenance are other métiers.
 */
export const MARSHALL_METIERS: readonly string[] = ['G0A40', 'G0A41', 'G1X72', 'G1X77'];

/** Reads a `fap=` value: `marshall`, a family letter or a FAP 228 code; anything else is all métiers. */
export function readMetierSelection(text: string | null): MetierSelection {
  if (text === 'marshall') return { kind: 'marshall', code: 'marshall' };
  if (text && /^[A-Z]$/.test(text)) return { kind: 'famille', code: text };
  if (text && /^[A-Z]\d[A-Z]\d{2}$/.test(text)) return { kind: 'metier', code: text };
  return { kind: 'tous' };
}

export function formatMetierSelection(selection: MetierSelection): string | null {
  return selection.kind === 'tous' ? null : selection.code;
}

/** A bassin's totals for the métiers selected: known sums, and how many figures are withheld. */
export interface BassinHiring {
  projets: number;
  difficiles: number;
  saisonniers: number;
  /** Figures withheld (`*`) among those summed: the sums are then minimums. */
  masques: number;
  /** Métiers counted. */
  metiers: number;
}

export function selects(selection: MetierSelection, metier: BmoMetier): boolean {
  switch (selection.kind) {
    case 'tous':
      return true;
    case 'famille':
      return metier.famille === selection.code;
    case 'marshall':
      return MARSHALL_METIERS.includes(metier.code);
    default:
      return metier.code === selection.code;
  }
}

/** The hiring figures of a bassin for the métiers selected. */
export function bassinHiring(file: LabourFile, bassin: string, selection: MetierSelection): BassinHiring {
  return hiringOf(file, bassin, (metier) => selects(selection, metier));
}

export type HiringFigure = 'projets' | 'difficiles' | 'saisonniers';

/**
 * A bassin's totals for the métiers `keep` accepts. `figures` names the figures summed, and so the
 * withheld ones counted in `masques` (a card that shows only projects and difficult ones asks for those).
 */
export function hiringOf(file: LabourFile, bassin: string, keep: (metier: BmoMetier) => boolean, figures: readonly HiringFigure[] = ['projets', 'difficiles', 'saisonniers']): BassinHiring {
  const byCode = new Map(file.metiers.map((metier) => [metier.code, metier]));
  const total: BassinHiring = { projets: 0, difficiles: 0, saisonniers: 0, masques: 0, metiers: 0 };
  for (const figure of file.bassins[bassin] ?? []) {
    const metier = byCode.get(figure.metier);
    if (!metier || !keep(metier)) continue;
    total.metiers += 1;
    for (const key of figures) {
      const value = figure[key];
      if (value === null) total.masques += 1;
      else total[key] += value;
    }
  }
  return total;
}

/** The métiers whose ROME codes include one of these jobs (ROME → FAP, through the DARES table). */
export function metiersOfRomes(file: LabourFile, romes: readonly string[]): BmoMetier[] {
  const wanted = new Set(romes);
  return file.metiers.filter((metier) => metier.romes.some((rome) => wanted.has(rome)));
}

/**
 * The survey métier closest to a job: of those its ROME code belongs to, the one that groups the
 * fewest ROME codes (for the welder, "Soudeurs" rather than "Techniciens en mécanique et travail
 * des métaux"); ties by code. Null when the DARES table gives none.
 */
export function closestMetier(file: LabourFile, rome: string): BmoMetier | null {
  return metiersOfRomes(file, [rome]).sort((a, b) => a.romes.length - b.romes.length || a.code.localeCompare(b.code))[0] ?? null;
}
