/**
 * The nomenclature step, applied to every source's trainings (open data, LHEO, a file opened in
 * the browser): each training gets its diploma code (CFD), a readable title, its NSF group and
 * level where the source has none, and the ROME codes of the jobs it leads to. Every derived
 * field says where it came from (`cfdOrigin`, `intituleOrigin`, `romeOrigin`), and every code that
 * a nomenclature does not hold is reported. Pure: the nomenclatures are passed in.
 *
 * The rules, in order:
 * - CFD: the MEF's `FORMATION_DIPLOME` (BCN n_mef); else the record's Certif Info or RNCP code;
 *   else, for a training with none of these, the title rule below.
 * - Title rule (Parcoursup and master rows): the training's title, folded, without its parcours
 *   and without the filler words "mention" and "spécialité", equals the title of one or more
 *   Certif Info certifications at the same European level, folded the same way and also without
 *   their parcours. Their ROME codes are the training's (a BUT named without its parcours leads to
 *   the jobs of all of them); the CFD is taken only when they share exactly one.
 * - A common year (Bac pro 2nde commune, BTS first year) leads to the jobs of its specialties.
 * - Readable title, for a CFD found through the MEF: Certif Info's, else DGESCO's, else the BCN's
 *   edition label without its year code ("1cap2", "1ère pro", "2nde pro"…), else the source's. The
 *   source's title is kept beside it, and stays the title when it is written out and names more
 *   (a renamed diploma: `sourceTitleSaysMore`).
 * - ROME group codes ending in `00` (`F1600`) stand for every code of their group.
 */
import { domainFromNsf } from '../domain/domains.ts';
import { levelFromDiplomaCode } from '../domain/levels.ts';
import { collapseSpaces, foldText } from '../domain/text.ts';
import type { Niveau, RomeOrigin, Training } from '../domain/training.ts';
import type { BcnDiploma, CertifInfo, CertifInfoRecord, CommonYear, DgescoDiploma, MefEntry } from './nomenclatures.ts';

export interface Nomenclatures {
  mef: ReadonlyMap<string, MefEntry>;
  diplomas: ReadonlyMap<string, BcnDiploma>;
  commonYears: ReadonlyMap<string, CommonYear>;
  certifInfo: CertifInfo;
  dgesco: ReadonlyMap<string, DgescoDiploma>;
  /** Every ROME v3 code known (DARES table and ROME 4.0 parents), to expand group codes. */
  romeCodes: ReadonlySet<string>;
}

/** A code a training carries that a nomenclature does not hold. */
export interface NotFound {
  source: string;
  record: string;
  training: string;
  field: 'mef' | 'cfd' | 'rome';
  code: string;
  reason: string;
}

export interface SourceCoverage {
  trainings: number;
  cfd: number;
  intituleLisible: number;
  romes: number;
}

export interface EnrichmentReport {
  /** Per source id (the training's first provenance). */
  coverage: Record<string, SourceCoverage>;
  notFound: NotFound[];
}

/** Words a title rule ignores: filler words of Certif Info titles. */
const FILLER = /\b(mention|specialite)\b/g;

/** The key the title rule compares: folded, without parcours or option, without filler words. */
export function titleKey(title: string): string {
  const folded = foldText(title);
  const base = folded.split(/ parcours | option /)[0] ?? folded;
  return collapseSpaces(base.replace(FILLER, ' '));
}

/** Index of Certif Info records by title key and level, built once per nomenclature set. */
const titleIndexes = new WeakMap<CertifInfo, Map<string, CertifInfoRecord[]>>();
function titleIndex(info: CertifInfo): Map<string, CertifInfoRecord[]> {
  let index = titleIndexes.get(info);
  if (!index) {
    index = new Map();
    for (const record of info.records) {
      if (record.niveau === null || record.romes.length === 0) continue;
      const key = `${record.niveau}|${titleKey(record.titre)}`;
      const list = index.get(key) ?? [];
      list.push(record);
      index.set(key, list);
    }
    titleIndexes.set(info, index);
  }
  return index;
}

/** Year codes that BCN edition labels glue to the front of a title. */
const YEAR_CODE = /^(ann[ée]e \d\/\d|1cap[12]a?|2cap2a?|1ère pro|1ere pro|1erproa?|1eproa?|1ère année|2nde pro|2ndproa?|2dproa?|2de pro|tle pro|tleproa?|terminale pro|1bp2|1bma2|1mc1|1cs1)\s+/i;
const YEAR_CODE_DIPLOMA: readonly [RegExp, string][] = [
  [/^1cap|^2cap/i, 'CAP'],
  [/proa?$/i, 'Bac pro'],
  [/^1bp/i, 'BP'],
  [/^1bma/i, 'BMA'],
  [/^1mc/i, 'MC'],
];

/** Whether a title starts with a nomenclature year code ("1cap2 …", "1ère pro …", "2nde pro …"). */
export function startsWithYearCode(title: string): boolean {
  return YEAR_CODE.test(title) || /^(1cap\d|1erpro|1epro|2ndpro|2dpro|tle pro|tlepro|2nde pro|1ère pro|1ere pro)/i.test(title);
}

/** A BCN edition label without its year code, the diploma named instead: "CAP accompagnant éducatif petite enfance". */
export function cleanEditionLabel(label: string): string {
  const match = YEAR_CODE.exec(label);
  if (!match) return collapseSpaces(label.replace(/\s+2nde commune$/i, ''));
  const code = match[1] ?? '';
  const diploma = YEAR_CODE_DIPLOMA.find(([pattern]) => pattern.test(code))?.[1];
  const rest = collapseSpaces(label.slice(match[0].length).replace(/\s+2nde commune$/i, '').replace(/^bac pro\s+/i, ''));
  return diploma ? `${diploma} ${rest}` : rest;
}

const lowerFirst = (text: string) => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
const upperFirst = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Expands group codes (`F1600` → every `F16xx` known); keeps order, each once. */
export function expandRomes(codes: readonly string[], known: ReadonlySet<string>): string[] {
  const result: string[] = [];
  const add = (code: string) => {
    if (!result.includes(code)) result.push(code);
  };
  for (const code of codes) {
    if (code.endsWith('00')) {
      const prefix = code.slice(0, 3);
      for (const candidate of [...known].filter((item) => item.startsWith(prefix) && !item.endsWith('00')).sort()) add(candidate);
    } else add(code);
  }
  return result;
}

/** The Certif Info record that names a CFD best: the one that is not a territorial variant, first. */
function certifFor(info: CertifInfo, cfd: string): CertifInfoRecord | undefined {
  const records = info.byCfd.get(cfd) ?? [];
  return records.find((record) => !/\[.*\]/.test(record.titre)) ?? records[0];
}

const unionRomes = (records: readonly CertifInfoRecord[]) => {
  const romes: string[] = [];
  for (const record of records) for (const rome of record.romes) if (!romes.includes(rome)) romes.push(rome);
  return romes;
};

/**
 * Enriches trainings in place (the ones of a dataset being built) and says, per source, how many
 * got a CFD, a readable title and ROME codes, and which codes were not found.
 */
export function enrichTrainings(trainings: Training[], nomenclatures: Nomenclatures): EnrichmentReport {
  const report: EnrichmentReport = { coverage: {}, notFound: [] };
  for (const training of trainings) {
    const source = training.provenance[0]?.source ?? 'inconnue';
    const record = training.provenance[0]?.record ?? '';
    const coverage = (report.coverage[source] ??= { trainings: 0, cfd: 0, intituleLisible: 0, romes: 0 });
    coverage.trainings += 1;
    const notFound = (field: NotFound['field'], code: string, reason: string) => report.notFound.push({ source, record, training: training.id, field, code, reason });
    enrichTraining(training, nomenclatures, notFound);
    if (training.cfd) coverage.cfd += 1;
    if (training.intituleOrigin && training.intituleOrigin !== 'source') coverage.intituleLisible += 1;
    if ((training.romes ?? []).length > 0) coverage.romes += 1;
  }
  return report;
}

function enrichTraining(training: Training, nomenclatures: Nomenclatures, notFound: (field: NotFound['field'], code: string, reason: string) => void): void {
  const { certifInfo } = nomenclatures;
  training.intituleOrigin ??= 'source';
  const mefCode = training.certification.mef;
  let cfd: string | null = training.cfd ?? null;
  let romeRecords: CertifInfoRecord[] = [];
  let romeOrigin: RomeOrigin | null = null;
  if (!cfd && mefCode) {
    const mef = nomenclatures.mef.get(mefCode);
    if (mef) {
      cfd = mef.cfd;
      training.cfdOrigin = 'mef';
    } else notFound('mef', mefCode, 'MEF STAT 11 absent de la table n_mef de la BCN');
  }
  if (!cfd && training.certification.certifinfo) {
    const byCode = certifInfo.byCode.get(training.certification.certifinfo);
    if (byCode?.cfd) {
      cfd = byCode.cfd;
      training.cfdOrigin = 'certifinfo';
    }
  }
  if (!cfd && training.certification.rncp) {
    const byRncp = (certifInfo.byRncp.get(training.certification.rncp) ?? []).find((item) => item.cfd);
    if (byRncp?.cfd) {
      cfd = byRncp.cfd;
      training.cfdOrigin = 'rncp';
    }
  }
  if (!cfd && !mefCode && training.niveau !== null && !training.certification.rncp && !training.certification.certifinfo) {
    const matches = titleIndex(certifInfo).get(`${training.niveau}|${titleKey(training.intitule)}`) ?? [];
    if (matches.length > 0) {
      romeRecords = matches;
      romeOrigin = 'intitule-certif-info';
      const cfds = [...new Set(matches.map((item) => item.cfd).filter((item): item is string => item !== null))];
      if (cfds.length === 1 && matches.every((item) => item.cfd === cfds[0])) {
        cfd = cfds[0] ?? null;
        training.cfdOrigin = 'intitule-certif-info';
      }
    }
  }
  training.cfd = cfd;
  training.cfdOrigin ??= null;
  const common = cfd ? nomenclatures.commonYears.get(cfd) : undefined;
  const mefEntry = mefCode ? nomenclatures.mef.get(mefCode) : undefined;
  const record = cfd ? certifFor(certifInfo, cfd) : undefined;
  // The jobs: the diploma's record, the specialties of a common year, or the record's own codes.
  if (common) {
    romeRecords = common.specialites.map((specialty) => certifFor(certifInfo, specialty.cfd)).filter((item): item is CertifInfoRecord => item !== undefined);
    romeOrigin = common.kind;
  } else if (record && training.cfdOrigin !== 'intitule-certif-info') {
    romeRecords = [record];
    romeOrigin = 'certif-info';
  } else if (romeRecords.length === 0) {
    const own = training.certification.certifinfo ? certifInfo.byCode.get(training.certification.certifinfo) : undefined;
    if (own) {
      romeRecords = [own];
      romeOrigin = 'certif-info';
    }
  }
  const fromRecords = expandRomes(unionRomes(romeRecords), nomenclatures.romeCodes);
  const own = training.romes ?? [];
  if (fromRecords.length > 0) {
    training.romes = [...own, ...fromRecords.filter((rome) => !own.includes(rome))];
    training.romeOrigin = own.length > 0 ? (training.romeOrigin ?? 'lheo') : romeOrigin;
  } else {
    training.romes = own;
    training.romeOrigin = own.length > 0 ? (training.romeOrigin ?? 'lheo') : null;
    if (cfd && own.length === 0) notFound('rome', cfd, common ? `année commune dont aucune spécialité n'a de codes ROME dans Certif Info` : 'CFD absent de l’extrait Certif Info, ou sans code ROME');
  }
  // A readable title, the source's kept.
  const readable = readableTitle(training, cfd, common, record, mefEntry, nomenclatures);
  if (readable && readable.titre !== training.intitule) {
    training.intituleSource ??= training.intitule;
    training.intitule = readable.titre;
    training.intituleOrigin = readable.origin;
  }
  // NSF group and level from the BCN where the source has none.
  const diploma = cfd ? nomenclatures.diplomas.get(cfd) : undefined;
  if (cfd && !diploma && !record) notFound('cfd', cfd, 'CFD absent de la BCN (v_formation_diplome) et de Certif Info');
  const nsf = diploma?.nsf ?? record?.nsf ?? null;
  if (!training.nsf && nsf && domainFromNsf(nsf)) {
    training.nsf = nsf;
    // The NSF group of the diploma's code files it, before a title's words or a master's broad group.
    if (training.domaine === null || (training.domaineOrigin ?? '').startsWith('intitule:') || training.domaineOrigin === 'tmm') {
      training.domaine = domainFromNsf(nsf);
      training.domaineOrigin = 'code';
    }
  }
  if (training.niveau === null && cfd) {
    const level = levelFromDiplomaCode(cfd);
    if (level) {
      training.niveau = level.niveau as Niveau;
      training.niveauOrigin = 'mef';
    }
  }
}

/** Words a title shares with every title of its kind: ignored when two titles are compared. */
const SHARED_WORDS = new Set(['bts', 'bac', 'pro', 'cap', 'bp', 'mc', 'services', 'service', 'production', 'agricole', 'option', 'specialite', 'mention', 'en', 'et', 'de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'a', 'au', 'aux', 'pour', 'sa', 'ses', 'son', 'agri', 'apprentis']);
const significantWords = (title: string) => foldText(title).split(' ').filter((word) => word.length > 1 && !SHARED_WORDS.has(word));

/** Short forms of BCN labels: a title that has them is not written out. */
const BCN_ABBREVIATIONS = /\b(agri|prod|tech|techn|pr|gest|mecan|real|cond|amgt|equip|ind|elec|cgea|cge)\b/;

/**
 * Whether the source's title says more than the nomenclature's: it is written out (no year code,
 * no abbreviation) and holds words the other lacks, as when a diploma was renamed ("BTS Services
 * Diététique et nutrition" for the CFD of "BTS diététique"). Then the source's title stays.
 */
export function sourceTitleSaysMore(source: string, nomenclature: string): boolean {
  if (startsWithYearCode(source) || /\p{L}\.(\s|$)/u.test(source) || BCN_ABBREVIATIONS.test(foldText(source))) return false;
  const known = new Set(significantWords(nomenclature).map((word) => word.slice(0, 6)));
  return significantWords(source).some((word) => !known.has(word.slice(0, 6)));
}

function readableTitle(training: Training, cfd: string | null, common: CommonYear | undefined, record: CertifInfoRecord | undefined, mef: MefEntry | undefined, nomenclatures: Nomenclatures): { titre: string; origin: NonNullable<Training['intituleOrigin']> } | null {
  const chosen = nomenclatureTitle(training, cfd, common, record, mef, nomenclatures);
  return chosen && chosen.origin !== 'source' && sourceTitleSaysMore(training.intitule, chosen.titre) ? null : chosen;
}

function nomenclatureTitle(training: Training, cfd: string | null, common: CommonYear | undefined, record: CertifInfoRecord | undefined, mef: MefEntry | undefined, nomenclatures: Nomenclatures): { titre: string; origin: NonNullable<Training['intituleOrigin']> } | null {
  if (!cfd) return null;
  // A title matched by the title rule is already the source's readable (and more precise) title.
  if (training.cfdOrigin !== 'mef') return null;
  if (common) {
    const famille = lowerFirst(common.famille);
    return common.kind === 'famille-metiers' ? { titre: `Bac pro ${famille} (famille de métiers, 2nde commune)`, origin: 'famille-metiers' } : { titre: `BTS ${famille} (1re année commune)`, origin: 'options-bts' };
  }
  if (record?.titre) return { titre: upperFirst(record.titre), origin: 'certif-info' };
  const dgesco = nomenclatures.dgesco.get(cfd);
  if (dgesco) return { titre: dgesco.titre, origin: 'dgesco' };
  if (mef?.libelleEdition) return { titre: upperFirst(cleanEditionLabel(mef.libelleEdition)), origin: 'bcn' };
  if (startsWithYearCode(training.intitule)) return { titre: upperFirst(cleanEditionLabel(training.intitule)), origin: 'source' };
  return null;
}
