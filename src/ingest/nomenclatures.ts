/**
 * Readers of the official nomenclatures, as their publishers lay them out (../shared/README.md,
 * "sources/nomenclatures"): the BCN's MEF and diploma tables and its common-year tables (DGESCO),
 * Certif Info (Réseau des Carif-Oref), the DGESCO list of vocational diplomas, the ROME 4.0 job
 * titles and fiches (France Travail) and the DARES ROME ↔ FAP tables. Pure: text in, tables out;
 * every error names the file and the column or record.
 */
import { fail, ok, type Result } from '../domain/result.ts';
import { collapseSpaces } from '../domain/text.ts';
import { parseCsv } from './csv.ts';

/** A table row: its 1-based line in the file and its cells by (trimmed) column name. */
export interface NomenclatureRow {
  line: number;
  get: (column: string) => string;
}

/**
 * Decodes a file's bytes. `utf-8` files must be valid UTF-8 (a Windows-1252 re-save is refused
 * with what to do); `iso-8859-1` files (the DARES table) are read as Windows-1252 unless they are
 * valid UTF-8, which a re-saved copy would be.
 */
export function decodeNomenclature(bytes: Uint8Array, file: string, expected: 'utf-8' | 'iso-8859-1'): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    if (expected === 'iso-8859-1') return ok(new TextDecoder('windows-1252').decode(bytes));
    return fail(`${file} : le fichier n'est pas en UTF-8 (il semble encodé en Windows-1252 ou ISO-8859-1). Le fichier publié est en UTF-8 : reprenez-le tel quel, ou ré-enregistrez-le en « CSV UTF-8 ».`);
  }
}

/** Reads a table (`;` or `,`, found from the header) and checks its columns; the error names the file and the missing columns. */
export function readNomenclatureTable(text: string, file: string, required: readonly string[]): Result<NomenclatureRow[]> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return fail(`${file} : fichier vide`);
  const index = new Map(header.cells.map((name, column) => [name.replace(/^\uFEFF/, '').trim(), column]));
  const missing = required.filter((column) => !index.has(column));
  if (missing.length > 0) return fail(`${file} : colonne${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} : ${missing.join(', ')} (colonnes lues : ${[...index.keys()].slice(0, 12).join(', ')}${index.size > 12 ? '…' : ''})`);
  return ok(rows.map((row) => ({ line: row.line, get: (column: string) => (row.cells[index.get(column) ?? -1] ?? '').trim() })));
}

/** A record a reader could not use, with the reason (the pipeline puts them in its report). */
export interface NomenclatureIssue {
  file: string;
  record: string;
  field: string;
  reason: string;
}

const CFD = /^\w{8}$/;
const MEF_STAT_11 = /^\w{11}$/;
/** A ROME v3 code: a letter and four digits. */
export const ROME_CODE = /^[A-N]\d{4}$/;

// ---------------------------------------------------------------- BCN

export interface MefEntry {
  mefStat11: string;
  cfd: string;
  /** BCN short label of the dispositif: "1CAP2", "2NDPRO", "1ERPRO", "TLEPRO"… */
  dispositif: string;
  libelleLong: string;
  /** Readable, mixed case, as the BCN edits it ("1cap2 accompagnant educatif petite enfance"). */
  libelleEdition: string;
  /** Year within the dispositif (1-based) and its length in years. */
  annee: number | null;
  duree: number | null;
}

export const N_MEF_COLUMNS = ['MEF_STAT_11', 'FORMATION_DIPLOME', 'LIBELLE_COURT', 'LIBELLE_LONG', 'LIBELLE_EDITION', 'ANNEE_DISPOSITIF', 'DUREE_DISPOSITIF', 'DATE_FERMETURE'] as const;

/** BCN `n_mef`: MEF STAT 11 → its diploma (CFD) and labels. A code listed twice keeps its open row. */
export function readBcnMef(text: string, file: string, issues: NomenclatureIssue[] = []): Result<Map<string, MefEntry>> {
  const table = readNomenclatureTable(text, file, N_MEF_COLUMNS);
  if (!table.ok) return table;
  const entries = new Map<string, MefEntry & { closed: boolean }>();
  for (const row of table.value) {
    const mefStat11 = row.get('MEF_STAT_11');
    const cfd = row.get('FORMATION_DIPLOME');
    if (!MEF_STAT_11.test(mefStat11) || !CFD.test(cfd)) {
      issues.push({ file, record: `ligne ${row.line}`, field: MEF_STAT_11.test(mefStat11) ? 'FORMATION_DIPLOME' : 'MEF_STAT_11', reason: `code mal formé « ${MEF_STAT_11.test(mefStat11) ? cfd : mefStat11} »` });
      continue;
    }
    const closed = row.get('DATE_FERMETURE') !== '';
    const known = entries.get(mefStat11);
    if (known && (closed || !known.closed)) continue;
    const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);
    entries.set(mefStat11, {
      mefStat11,
      cfd,
      dispositif: collapseSpaces(row.get('LIBELLE_COURT')),
      libelleLong: collapseSpaces(row.get('LIBELLE_LONG')),
      libelleEdition: collapseSpaces(row.get('LIBELLE_EDITION')),
      annee: number(row.get('ANNEE_DISPOSITIF')),
      duree: number(row.get('DUREE_DISPOSITIF')),
      closed,
    });
  }
  return ok(new Map([...entries].map(([key, { closed: _closed, ...entry }]) => [key, entry])));
}

export interface BcnDiploma {
  cfd: string;
  /** BCN level code (3 characters: `500` CAP, `400` Bac, `320` BTS…). */
  niveau: string;
  /** NSF group, 3 digits. */
  nsf: string | null;
  /** Upper case, no accents (the BCN's `LIBELLE_LONG_200`). */
  libelle: string;
}

export const V_FORMATION_DIPLOME_COLUMNS = ['FORMATION_DIPLOME', 'NIVEAU_FORMATION_DIPLOME', 'GROUPE_SPECIALITE', 'LIBELLE_LONG_200'] as const;

/** BCN `v_formation_diplome`: CFD → level, NSF group and title. */
export function readBcnDiplomas(text: string, file: string): Result<Map<string, BcnDiploma>> {
  const table = readNomenclatureTable(text, file, V_FORMATION_DIPLOME_COLUMNS);
  if (!table.ok) return table;
  const diplomas = new Map<string, BcnDiploma>();
  for (const row of table.value) {
    const cfd = row.get('FORMATION_DIPLOME');
    if (!CFD.test(cfd) || diplomas.has(cfd)) continue;
    const nsf = row.get('GROUPE_SPECIALITE');
    diplomas.set(cfd, { cfd, niveau: row.get('NIVEAU_FORMATION_DIPLOME'), nsf: /^\d{3}$/.test(nsf) ? nsf : null, libelle: collapseSpaces(row.get('LIBELLE_LONG_200')) });
  }
  return ok(diplomas);
}

/** A common year (a Bac pro "2nde commune", a BTS first year) and the specialties it opens onto. */
export interface CommonYear {
  cfd: string;
  /** The famille de métiers (Bac pro) or the BTS's name. */
  famille: string;
  kind: 'famille-metiers' | 'options-bts';
  specialites: { cfd: string; libelle: string }[];
}

/**
 * BCN `famille_metiers` (Bac pro 2nde commune → specialties) or `options_bts` (BTS first-year
 * common code → its options), recognised by their columns; both can be read into one map.
 */
export function readCommonYears(text: string, file: string, into: Map<string, CommonYear> = new Map()): Result<Map<string, CommonYear>> {
  const famille = readNomenclatureTable(text, file, ['FAMILLE', 'SPECIALITE', 'CFD_COMMUN', 'CFD_SPECIALITE']);
  if (!famille.ok) return famille;
  const kind: CommonYear['kind'] = text.slice(0, 400).includes('MEFSTAT11_COMMUN') ? 'famille-metiers' : 'options-bts';
  for (const row of famille.value) {
    const common = row.get('CFD_COMMUN');
    const specialty = row.get('CFD_SPECIALITE');
    if (!CFD.test(common) || !CFD.test(specialty)) continue;
    const entry = into.get(common) ?? { cfd: common, famille: collapseSpaces(row.get('FAMILLE')), kind, specialites: [] };
    if (!entry.specialites.some((item) => item.cfd === specialty)) entry.specialites.push({ cfd: specialty, libelle: collapseSpaces(row.get('SPECIALITE')) });
    into.set(common, entry);
  }
  return ok(into);
}

// ---------------------------------------------------------------- Certif Info

export interface CertifInfoRecord {
  /** Certif Info number (`Code_Diplome`). */
  code: string;
  titre: string;
  type: string;
  niveau: number | null;
  /** ROME v3 codes in the record's order (`Code_Rome_1` first); group codes (`F1600`) as given. */
  romes: string[];
  nsf: string | null;
  rncp: string | null;
  /** CFD (`Code_Scolarité`). */
  cfd: string | null;
}

export interface CertifInfo {
  records: CertifInfoRecord[];
  byCfd: Map<string, CertifInfoRecord[]>;
  byCode: Map<string, CertifInfoRecord>;
  byRncp: Map<string, CertifInfoRecord[]>;
}

export const CERTIF_INFO_COLUMNS = ['Code_Diplome', 'Libelle_Diplome', 'Libelle_Type_Diplome', 'Code_Niveau_Europeen', 'Code_Rome_1', 'Code_Rome_2', 'Code_Rome_3', 'Code_Rome_4', 'Code_Rome_5', 'Code_Nsf', 'Code_RNCP', 'Code_Scolarité'] as const;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Certif Info extract: certifications with their readable title, CFD, RNCP, NSF and ROME codes. */
export function readCertifInfo(text: string, file: string, issues: NomenclatureIssue[] = []): Result<CertifInfo> {
  const table = readNomenclatureTable(text, file, CERTIF_INFO_COLUMNS);
  if (!table.ok) return table;
  const info: CertifInfo = { records: [], byCfd: new Map(), byCode: new Map(), byRncp: new Map() };
  for (const row of table.value) {
    const code = row.get('Code_Diplome');
    const titre = collapseSpaces(row.get('Libelle_Diplome'));
    if (!/^\d+$/.test(code) || titre === '') {
      issues.push({ file, record: `ligne ${row.line}`, field: titre === '' ? 'Libelle_Diplome' : 'Code_Diplome', reason: titre === '' ? 'intitulé vide' : `code « ${code} » non numérique` });
      continue;
    }
    const romes: string[] = [];
    for (const column of ['Code_Rome_1', 'Code_Rome_2', 'Code_Rome_3', 'Code_Rome_4', 'Code_Rome_5']) {
      const rome = row.get(column).toUpperCase();
      if (rome === '') continue;
      if (!ROME_CODE.test(rome)) issues.push({ file, record: `ligne ${row.line} (certification ${code})`, field: column, reason: `code ROME mal formé « ${rome} »` });
      else if (!romes.includes(rome)) romes.push(rome);
    }
    const niveau = Number.parseInt(row.get('Code_Niveau_Europeen'), 10);
    const nsf = row.get('Code_Nsf');
    const cfd = row.get('Code_Scolarité');
    const rncp = row.get('Code_RNCP');
    const record: CertifInfoRecord = { code, titre, type: row.get('Libelle_Type_Diplome'), niveau: niveau >= 1 && niveau <= 8 ? niveau : null, romes, nsf: /^\d{3}$/.test(nsf) ? nsf : null, rncp: /^\d+$/.test(rncp) ? rncp : null, cfd: CFD.test(cfd) ? cfd : null };
    info.records.push(record);
    info.byCode.set(code, record);
    if (record.cfd) push(info.byCfd, record.cfd, record);
    if (record.rncp) push(info.byRncp, record.rncp, record);
  }
  return ok(info);
}

// ---------------------------------------------------------------- DGESCO

export interface DgescoDiploma {
  cfd: string;
  /** Diploma kind as people write it: "CAP", "Bac pro", "BP", "MC"… */
  diplome: string;
  specialite: string;
  /** `<diplome> <specialite>`: "Bac pro Conducteur transport routier marchandises". */
  titre: string;
  rncp: string | null;
}

const DGESCO_KINDS: Readonly<Record<string, string>> = { 'BAC PRO': 'Bac pro', CAP: 'CAP', BP: 'BP', MC: 'MC', BMA: 'BMA', BTM: 'BTM', BEP: 'BEP', CS: 'CS', 'BREVET PROFESSIONNEL': 'BP', 'MENTION COMPLEMENTAIRE': 'MC' };
export const DGESCO_COLUMNS = ['Code diplôme', 'Diplôme', 'Intitulé de la spécialité (et options)', 'Code RNCP'] as const;

/** DGESCO list of vocational diplomas: code diplôme (`400-24202 V`) → accented official title. */
export function readDgescoDiplomas(text: string, file: string): Result<Map<string, DgescoDiploma>> {
  const table = readNomenclatureTable(text, file, DGESCO_COLUMNS);
  if (!table.ok) return table;
  const diplomas = new Map<string, DgescoDiploma>();
  for (const row of table.value) {
    const match = /^(\d{3})-(\d{5})/.exec(row.get('Code diplôme'));
    const specialite = collapseSpaces(row.get('Intitulé de la spécialité (et options)'));
    if (!match || specialite === '') continue;
    const cfd = `${match[1]}${match[2]}`;
    const kind = row.get('Diplôme').toUpperCase();
    const diplome = DGESCO_KINDS[kind] ?? row.get('Diplôme');
    const rncp = row.get('Code RNCP');
    if (!diplomas.has(cfd)) diplomas.set(cfd, { cfd, diplome, specialite, titre: `${diplome} ${specialite.charAt(0).toLowerCase()}${specialite.slice(1)}`, rncp: /^\d+$/.test(rncp) ? rncp : null });
  }
  return ok(diplomas);
}

// ---------------------------------------------------------------- ROME 4.0

export interface RomeAppellation {
  code: string;
  /** "Aide-soignant / Aide-soignante". */
  libelle: string;
  /** ROME 4.0 code and its v3 parent (the code Certif Info and DARES use). */
  rome: string;
  romeV3: string;
  /** France Travail flags the title as rarely used. */
  peuUsite: boolean;
}

export const ROME_APPELLATION_COLUMNS = ['code_ogr', 'libelle_appellation_long', 'code_rome', 'code_rome_parent', 'peu_usite'] as const;

/** ROME 4.0 job titles as people say them → ROME 4.0 code and its v3 parent. */
export function readRomeAppellations(text: string, file: string, issues: NomenclatureIssue[] = []): Result<RomeAppellation[]> {
  const table = readNomenclatureTable(text, file, ROME_APPELLATION_COLUMNS);
  if (!table.ok) return table;
  const appellations: RomeAppellation[] = [];
  for (const row of table.value) {
    const rome = row.get('code_rome');
    const romeV3 = row.get('code_rome_parent') || rome;
    const libelle = collapseSpaces(row.get('libelle_appellation_long'));
    if (!ROME_CODE.test(rome) || !ROME_CODE.test(romeV3) || libelle === '') {
      issues.push({ file, record: `ligne ${row.line} (appellation ${row.get('code_ogr')})`, field: libelle === '' ? 'libelle_appellation_long' : 'code_rome', reason: 'code ROME ou intitulé absent ou mal formé' });
      continue;
    }
    appellations.push({ code: row.get('code_ogr'), libelle, rome, romeV3, peuUsite: row.get('peu_usite') === 'O' });
  }
  return ok(appellations);
}

export interface RomeFiche {
  code: string;
  libelle: string;
  /** The v3 code it descends from. */
  v3: string;
}

export const ROME_FICHE_COLUMNS = ['code_rome', 'libelle_rome', 'code_rome_parent'] as const;

/** ROME 4.0 fiches: code → title and v3 parent. */
export function readRomeFiches(text: string, file: string): Result<Map<string, RomeFiche>> {
  const table = readNomenclatureTable(text, file, ROME_FICHE_COLUMNS);
  if (!table.ok) return table;
  const fiches = new Map<string, RomeFiche>();
  for (const row of table.value) {
    const code = row.get('code_rome');
    if (!ROME_CODE.test(code)) continue;
    const v3 = row.get('code_rome_parent');
    fiches.set(code, { code, libelle: collapseSpaces(row.get('libelle_rome')), v3: ROME_CODE.test(v3) ? v3 : code });
  }
  return ok(fiches);
}

// ---------------------------------------------------------------- DARES FAP

export interface RomeFapLink {
  rome: string;
  /** ROME v3 title, as DARES gives it ("Soudage manuel"). */
  intituleRome: string;
  qualification: string;
  fap341: string;
}

export const DARES_ROME_FAP_COLUMNS = ['ROME', 'Intitule_ROME', 'Qualif', 'FAP341'] as const;

/** DARES table ROME v3 × qualification → FAP 2021 (341 level). Decode it with `decodeNomenclature(…, 'iso-8859-1')`. */
export function readDaresRomeFap(text: string, file: string): Result<RomeFapLink[]> {
  const table = readNomenclatureTable(text, file, DARES_ROME_FAP_COLUMNS);
  if (!table.ok) return table;
  return ok(
    table.value
      .map((row) => ({ rome: row.get('ROME').toUpperCase(), intituleRome: collapseSpaces(row.get('Intitule_ROME')), qualification: row.get('Qualif'), fap341: row.get('FAP341') }))
      .filter((link) => ROME_CODE.test(link.rome) && link.fap341 !== ''),
  );
}

export interface FapLevels {
  fap341: string;
  fap228: string;
  libelle228: string;
  fap86: string;
  libelle86: string;
  fap22: string;
  libelle22: string;
}

export const FAP_TITLE_COLUMNS = ['Code_FAP341', 'Code_FAP228', 'Intitulé_FAP228', 'Code_FAP86', 'Intitulé_FAP86', 'Code_FAP22', 'Intitulé_FAP22'] as const;

/** DARES FAP 2021 levels: 341 → 228 → 86 → 22, with titles. */
export function readFapLevels(text: string, file: string): Result<Map<string, FapLevels>> {
  const table = readNomenclatureTable(text, file, FAP_TITLE_COLUMNS);
  if (!table.ok) return table;
  const levels = new Map<string, FapLevels>();
  for (const row of table.value) {
    const fap341 = row.get('Code_FAP341');
    if (fap341 === '') continue;
    levels.set(fap341, { fap341, fap228: row.get('Code_FAP228'), libelle228: row.get('Intitulé_FAP228'), fap86: row.get('Code_FAP86'), libelle86: row.get('Intitulé_FAP86'), fap22: row.get('Code_FAP22'), libelle22: row.get('Intitulé_FAP22') });
  }
  return ok(levels);
}
