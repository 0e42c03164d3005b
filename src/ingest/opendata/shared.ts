/**
 * What the open-data adapters share: the table a layout is read into, the import context (the
 * builder, the locator, the directories, the joins between sources), and the helpers that place a
 * row by its UAI and compare titles. One adapter per source layout lives beside this file.
 */
import { domainFromNsf } from '../../domain/domains.ts';
import { foldText } from '../../domain/text.ts';
import { restoreCommuneName, titleCaseName, type AccentLexicon } from '../../domain/accents.ts';
import type { Result } from '../../domain/result.ts';
import type { Training, Voie } from '../../domain/training.ts';
import type { DatasetBuilder } from '../dataset-builder.ts';
import { distanceKm } from '../../geo/site-index.ts';
import type { EstablishmentDirectory } from '../directories.ts';
import type { Locator } from '../locator.ts';

/** The open-data layouts the importer knows, recognised by their header. */
export type OpenDataLayout = 'parcoursup' | 'tmm' | 'bts-parcoursup' | 'affelnet' | 'mef-lookup';

export interface OpenDataInput {
  source: string;
  file: string;
  text: string;
}

export interface Table {
  layout: OpenDataLayout;
  input: OpenDataInput;
  rows: { line: number; get: (column: string) => string }[];
}

/**
 * One source layout: how it is recognised (its columns), which of its columns teach accents to
 * the titles of the others, and how its rows become trainings (kept, merged or rejected with their
 * reason). Adding a source is one module and one line in the list of `opendata.ts`.
 */
export interface OpenDataAdapter {
  layout: OpenDataLayout;
  /** Columns that all appear in a header of this layout. */
  columns: readonly string[];
  /** Columns whose accented labels are learnt before any unaccented title is read. */
  accentColumns?: readonly string[];
  /** A check before import, e.g. a file that needs another opened with it. */
  check?: (table: Table, context: ImportContext) => Result<void>;
  /** Reads the table's rows into the builder. */
  importTable: (table: Table, context: ImportContext) => void;
  /** Runs once every table is read (rows that waited for another source). */
  finish?: (context: ImportContext) => void;
}

/** Two sites of one UAI closer than this are one place; farther apart, two (metres). */
export const SAME_PLACE_METRES = 300;

export interface MefEntry {
  libelle: string;
  diplome: string;
  dispositif: string;
  /** The nomenclature's own comment (e.g. "MEF pour les apprentis de l'enseignement agricole"). */
  commentaire: string;
}

export interface BtsRow {
  source: string;
  record: string;
  uai: string;
  mef: string;
  label: string;
  voie: Voie;
  patch: Pick<Training, 'intitule' | 'nsf' | 'domaine' | 'capacite' | 'certification' | 'provenance' | 'acces' | 'voies'>;
}

export interface ImportContext {
  builder: DatasetBuilder;
  locator: Locator;
  directory: EstablishmentDirectory | null;
  /** Teaching sites by UAI (not head offices), in the order they were found. */
  sitesByUai: Map<string, string[]>;
  /** Parcoursup trainings by UAI + folded label, for the BTS merge. */
  parcoursupByKey: Map<string, string>;
  /** The training that holds a UAI + MEF, so no two trainings share one. */
  trainingByUaiMef: Map<string, string>;
  /** Parcoursup trainings a BTS row was merged into. */
  btsMerged: Set<string>;
  mef: Map<string, MefEntry>;
  lexicon: AccentLexicon;
  /** BTS rows read before Parcoursup, merged or imported once Parcoursup is in. */
  pendingBts: BtsRow[];
}

export const UAI_PATTERN = /^\d{7}[A-Z]$/;

export function recordOf(line: number): string {
  return `ligne ${line}`;
}

export function rememberSite(context: ImportContext, uai: string, siteId: string): void {
  const known = context.sitesByUai.get(uai) ?? [];
  if (!known.includes(siteId)) known.push(siteId);
  context.sitesByUai.set(uai, known);
}

/** Great-circle distance in metres (the geo engine's haversine). */
export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  return distanceKm(a, b) * 1000;
}

/** The name a site shows: accents of generic words and of its commune's name restored. */
export function siteName(context: ImportContext, name: string, commune: string): string {
  return restoreCommuneName(titleCaseName(name), context.locator.commune(commune)?.nom ?? '');
}

/** NSF group in a MEF STAT 11 code: its digits 7 to 9, when they are a real group. */
export function nsfOfMefStat11(mef: string): string | null {
  const group = mef.slice(6, 9);
  return /^\d{3}$/.test(group) && domainFromNsf(group) ? group : null;
}

/**
 * The site of a row that gives only a UAI: a site another source located, else the directory's
 * establishment (a lycée at its coordinates, an apprenticeship organisation at its commune).
 */
export function siteForUai(context: ImportContext, source: string, uai: string, record: string, field: string): string | null {
  const sites = context.sitesByUai.get(uai);
  if (sites && sites.length > 0) {
    if (sites.length > 1) context.builder.warn(source, record, `l'UAI ${uai} a ${sites.length} lieux ; la formation est placée au premier (${sites[0]})`);
    return sites[0] ?? null;
  }
  const establishment = context.directory?.establishment(uai);
  if (!establishment) {
    context.builder.reject(
      source,
      record,
      field,
      context.directory
        ? `l'UAI ${uai} n'est situé ni par les autres sources ni par les annuaires (lycées, organismes d'apprentissage)`
        : `l'UAI ${uai} n'a aucun lieu situé dans les autres sources, et ce fichier n'a ni coordonnées ni commune`,
    );
    return null;
  }
  const siteId = `uai:${uai}:${establishment.commune}`;
  context.builder.upsertSite({
    id: siteId,
    nom: establishment.nom,
    uai,
    siret: null,
    adresse: establishment.adresse,
    commune: establishment.commune,
    point: establishment.point,
    precision: establishment.precision,
    provenance: [establishment.provenance],
  });
  rememberSite(context, uai, siteId);
  return siteId;
}

export const TITLE_STOP_WORDS = new Set(['bts', 'services', 'service', 'production', 'agricole', 'option', 'options', 'pour', 'avec', 'dans', 'des', 'les', 'et', 'en', 'de', 'du', 'la', 'le', 'apprentissage']);

/** Word stems of a BTS title (first 6 letters of its significant words), to recognise a renamed BTS. */
function titleStems(title: string): Set<string> {
  return new Set(
    foldText(title)
      .split(' ')
      .filter((word) => word.length >= 4 && !TITLE_STOP_WORDS.has(word))
      .map((word) => word.slice(0, 6)),
  );
}

/** Share of the shorter title's stems that the other title has too (0–1). */
export function titleOverlap(a: string, b: string): number {
  const stemsA = titleStems(a);
  const stemsB = titleStems(b);
  if (stemsA.size === 0 || stemsB.size === 0) return 0;
  let shared = 0;
  for (const stem of stemsA) if (stemsB.has(stem)) shared += 1;
  return shared / Math.min(stemsA.size, stemsB.size);
}

/** A renamed BTS is recognised when at least half of the shorter title's words match. */
export const RENAMED_BTS_OVERLAP = 0.5;
