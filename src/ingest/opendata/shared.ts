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

/** Words that say what kind of school a name is, not which one. */
const KIND_WORDS = new Set(['lycee', 'lycees', 'general', 'generale', 'technologique', 'techno', 'professionnel', 'professionnelle', 'polyvalent', 'prive', 'privee', 'metiers', 'agricole', 'public', 'enseignement', 'campus', 'institut', 'ecole', 'des', 'de', 'la', 'le', 'les', 'du', 'et', 'en', 'st', 'saint', 'sainte']);
const distinctive = (name: string) => foldText(name).split(/[^a-z0-9]+/).filter((word) => word.length > 2 && !KIND_WORDS.has(word));

/**
 * Whether the directory names a school by another name than the source (a lycée renamed: "Lycée
 * professionnel de la Forêt" is now "Hubertine Auclert"): no distinctive word in common, and
 * neither is the directory's copy damaged (its upstream drops "nd": "Coorcet" for Condorcet) nor
 * the source's name an acronym of it ("E.S.Aa.T.").
 */
export function renamedInDirectory(sourceName: string, directoryName: string): boolean {
  const source = distinctive(sourceName);
  const listed = distinctive(directoryName);
  if (source.length === 0 || listed.length === 0) return false;
  if (source.some((word) => listed.includes(word))) return false;
  if (source.join(' ').replaceAll('nd', '') === listed.join(' ')) return false;
  const initials = foldText(directoryName).split(/[^a-z]+/).filter(Boolean).map((word) => word[0]).join('');
  const letters = foldText(sourceName).replace(/[^a-z]/g, '');
  return !(letters.length >= 2 && initials.includes(letters));
}

/**
 * Names a lycée as the Annuaire de l'éducation does when the directory knows it under another
 * name (renamed since the source's campaign); the source's name stays in the provenance, and in
 * the name shown, so a person who knows the former name finds it.
 */
export function renameFromDirectory(context: ImportContext): void {
  for (const [uai, siteIds] of context.sitesByUai) {
    const listed = context.directory?.establishment(uai);
    if (!listed || listed.kind !== 'lycee') continue;
    for (const id of siteIds) {
      const site = context.builder.site(id);
      if (!site || !renamedInDirectory(site.nom, listed.nom)) continue;
      const former = site.nom;
      const current = listed.nom.replace(/\s*\((général|general) et techno\.?\)|\s*\(professionnel\)/giu, '');
      site.nom = `${current} (anciennement ${former})`;
      for (const training of context.builder.trainingsAt(id)) if (training.organisme === former) training.organisme = site.nom;
      const first = site.provenance[0];
      if (first && first.nom === undefined) first.nom = former;
      context.builder.warn(first?.source ?? 'annuaire-lycees', first?.record ?? uai, `UAI ${uai} : « ${former} » s'appelle « ${current} » dans l'Annuaire de l'éducation ; le nom de l'annuaire est montré, l'ancien entre parenthèses`);
    }
  }
}
