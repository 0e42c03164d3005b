/** Reads the nomenclatures of ../shared/sources/nomenclatures and the BMO survey for the training pipeline. */
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import type { SourceDescription } from '../../../src/domain/training.ts';
import { readBmo } from '../../../src/ingest/bmo.ts';
import type { Nomenclatures } from '../../../src/ingest/enrich.ts';
import {
  decodeNomenclature,
  readBcnDiplomas,
  readBcnMef,
  readCertifInfo,
  readCommonYears,
  readDaresRomeFap,
  readDgescoDiplomas,
  readFapLevels,
  readRomeAppellations,
  readRomeFiches,
  type CommonYear,
  type NomenclatureIssue,
  type RomeAppellation,
  type RomeFapLink,
  type RomeFiche,
} from '../../../src/ingest/nomenclatures.ts';
import type { SheetRows } from '../../../src/ingest/sheet-table.ts';
import type { Result } from '../../../src/domain/result.ts';
import { stop } from './cli.ts';
import { readInputBuffer } from './files.ts';

/** The nomenclature files, their publishers and licences (../shared/README.md), as sources of the dataset. */
export const NOMENCLATURE_SOURCES = {
  mef: { id: 'bcn-mef', label: 'BCN : table des MEF (n_mef)', file: 'n_mef.csv', path: 'nomenclatures/bcn/n_mef.csv', date: 'extraction 2024-11', licence: 'Licence Ouverte 2.0', origin: 'Éducation nationale, Base centrale des nomenclatures (BCN), via mission-apprentissage/tjp-pilotage', role: 'nomenclature' },
  diplomas: { id: 'bcn-diplomes', label: 'BCN : diplômes (v_formation_diplome)', file: 'v_formation_diplome.csv', path: 'nomenclatures/bcn/v_formation_diplome.csv', date: 'extraction 2024-11', licence: 'Licence Ouverte 2.0', origin: 'Éducation nationale, BCN, via mission-apprentissage/tjp-pilotage', role: 'nomenclature' },
  familles: { id: 'bcn-familles-metiers', label: 'BCN / DGESCO : familles de métiers (2nde commune)', file: 'famille_metiers.csv', path: 'nomenclatures/bcn/famille_metiers.csv', date: 'rentrée 2024', licence: 'Licence Ouverte 2.0', origin: 'Éducation nationale, BCN et DGESCO, via mission-apprentissage/tjp-pilotage', role: 'nomenclature' },
  optionsBts: { id: 'bcn-options-bts', label: 'BCN / DGESCO : options de BTS (1re année commune)', file: 'options_bts.csv', path: 'nomenclatures/bcn/options_bts.csv', date: 'rentrée 2024', licence: 'Licence Ouverte 2.0', origin: 'Éducation nationale, BCN et DGESCO, via mission-apprentissage/tjp-pilotage', role: 'nomenclature' },
  certifInfo: { id: 'certif-info', label: 'Certif Info : certifications, intitulés et codes ROME', file: 'certif_info.csv', path: 'nomenclatures/certif-info/certif_info.csv', date: 'extrait de 10 067 certifications (mises à jour jusqu’en 2024)', licence: 'telle que publiée par le Réseau des Carif-Oref', origin: 'Réseau des Carif-Oref, Certif Info, via mission-apprentissage/tjp-pilotage', role: 'nomenclature' },
  dgesco: { id: 'dgesco-diplomes', label: 'DGESCO : diplômes professionnels', file: 'diplomes_professionnels.csv', path: 'nomenclatures/dgesco/diplomes_professionnels.csv', date: '2024', licence: 'Licence Ouverte 2.0', origin: 'Ministère de l’Éducation nationale (DGESCO), liste des diplômes professionnels', role: 'nomenclature' },
  appellations: { id: 'rome-appellations', label: 'ROME 4.0 : appellations de métiers', file: 'unix_referentiel_appellation_v460_utf8.csv', path: 'nomenclatures/rome/unix_referentiel_appellation_v460_utf8.csv', date: 'ROME 4.0, version 460', licence: 'Licence Ouverte 2.0', origin: 'France Travail, Répertoire opérationnel des métiers et des emplois (ROME)', role: 'nomenclature' },
  fiches: { id: 'rome-fiches', label: 'ROME 4.0 : fiches métiers', file: 'unix_referentiel_code_rome_v460_utf8.csv', path: 'nomenclatures/rome/unix_referentiel_code_rome_v460_utf8.csv', date: 'ROME 4.0, version 460', licence: 'Licence Ouverte 2.0', origin: 'France Travail, ROME', role: 'nomenclature' },
  dares: { id: 'dares-rome-fap', label: 'DARES : passage ROME ↔ FAP 2021', file: 'Dares_Table_passage_ROME_Qualif_to_FAP2021_pour_programme.csv', path: 'nomenclatures/fap/Dares_Table_passage_ROME_Qualif_to_FAP2021_pour_programme.csv', date: 'FAP 2021', licence: 'Licence Ouverte 2.0', origin: 'DARES, nomenclature des familles professionnelles (FAP 2021)', role: 'nomenclature' },
  fap: { id: 'dares-fap', label: 'DARES : intitulés FAP 2021', file: 'Intitules_FAP2021.csv', path: 'nomenclatures/fap/Intitules_FAP2021.csv', date: 'FAP 2021', licence: 'Licence Ouverte 2.0', origin: 'DARES, FAP 2021', role: 'nomenclature' },
  bmo: { id: 'bmo-2024', label: 'France Travail : enquête Besoins en main-d’œuvre 2024', file: 'Base_open_data_BMO_2024.xlsx', path: 'labour/Base_open_data_BMO_2024.xlsx', date: 'enquête BMO 2024', licence: 'Licence Ouverte 2.0', origin: 'France Travail, enquête Besoins en main-d’œuvre 2024 (fichier open data national), via dataforgoodfr/13_odis', role: 'nomenclature' },
} as const satisfies Record<string, SourceDescription & { path: string }>;

/** How many of the region's most sought métiers (BMO, by hiring projects) bring their jobs into the vocabulary. */
export const SOUGHT_METIERS = 40;

export interface LoadedNomenclatures {
  nomenclatures: Nomenclatures;
  appellations: RomeAppellation[];
  fiches: Map<string, RomeFiche>;
  dares: RomeFapLink[];
  /** ROME v3 codes of the region's most sought métiers, most projects first. */
  sought: string[];
  issues: NomenclatureIssue[];
}

const must = <T,>(result: Result<T>): T => (result.ok ? result.value : stop(result.error));

export async function loadNomenclatures(sources: string): Promise<LoadedNomenclatures> {
  const issues: NomenclatureIssue[] = [];
  const text = (source: { path: string; file: string; label: string }, encoding: 'utf-8' | 'iso-8859-1' = 'utf-8') => must(decodeNomenclature(readInputBuffer(join(sources, source.path), source.label), source.file, encoding));
  const S = NOMENCLATURE_SOURCES;
  const mef = must(readBcnMef(text(S.mef), S.mef.file, issues));
  const diplomas = must(readBcnDiplomas(text(S.diplomas), S.diplomas.file));
  const commonYears = new Map<string, CommonYear>();
  must(readCommonYears(text(S.familles), S.familles.file, commonYears));
  must(readCommonYears(text(S.optionsBts), S.optionsBts.file, commonYears));
  const certifInfo = must(readCertifInfo(text(S.certifInfo), S.certifInfo.file, issues));
  const dgesco = must(readDgescoDiplomas(text(S.dgesco), S.dgesco.file));
  const appellations = must(readRomeAppellations(text(S.appellations), S.appellations.file, issues));
  const fiches = must(readRomeFiches(text(S.fiches), S.fiches.file));
  const dares = must(readDaresRomeFap(text(S.dares, 'iso-8859-1'), S.dares.file));
  const fap = must(readFapLevels(text(S.fap), S.fap.file));
  const romeCodes = new Set<string>([...dares.map((link) => link.rome), ...[...fiches.values()].map((fiche) => fiche.v3)]);
  // The region's most sought métiers (FAP 228), by hiring projects; withheld counts are not added.
  const sheets = (await readXlsxFile(readInputBuffer(join(sources, S.bmo.path), S.bmo.label))) as { sheet: string; data: SheetRows }[];
  const bmo = must(readBmo(sheets, '32'));
  const projects = new Map<string, number>();
  for (const row of bmo.rows) projects.set(row.metier, (projects.get(row.metier) ?? 0) + (row.projets ?? 0));
  const top = [...projects].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, SOUGHT_METIERS).map(([metier]) => metier);
  const sought: string[] = [];
  for (const metier of top) {
    const fap341 = new Set([...fap.values()].filter((level) => level.fap228 === metier).map((level) => level.fap341));
    for (const link of dares) if (fap341.has(link.fap341) && !sought.includes(link.rome)) sought.push(link.rome);
  }
  return { nomenclatures: { mef, diplomas, commonYears, certifInfo, dgesco, romeCodes }, appellations, fiches, dares, sought, issues };
}
