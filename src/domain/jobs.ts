/**
 * The jobs people come with: ROME v3 codes named in words (ROME 4.0, France Travail), the job
 * vocabulary the search worker loads (`public/data/metiers.json`: the ROME 4.0 job titles, or
 * "appellations", of the jobs the trainings lead to and of the jobs the region hires most for),
 * and what the map says when a job has no training on it.
 */
import { fail, ok, type Result } from './result.ts';
import type { RomeJob, Training } from './training.ts';

export const JOB_VOCABULARY_VERSION = 1;

/** A ROME v3 code: a letter and four digits. */
export const ROME_PATTERN = /^[A-N]\d{4}$/;

export interface VocabularyRome {
  code: string;
  /** The ROME 4.0 fiche title of the code ("Aide-soignant / Aide-soignante"). */
  libelle: string;
  /** ROME 4.0 codes under this v3 code. */
  v4: readonly string[];
  /** Why the code is in the vocabulary: trainings of the dataset lead to it, or it is among the region's most sought jobs (BMO). */
  raison: 'formation' | 'recrutement';
}

export interface JobVocabulary {
  source: string;
  romes: readonly VocabularyRome[];
  /** Job titles as people say them, each with its ROME v3 code. */
  appellations: readonly { libelle: string; rome: string }[];
}

/** The file: `{ version, source, romes: [[code, libelle, v4[], raison]], appellations: [[libelle, index in romes]] }`. */
export interface EncodedJobVocabulary {
  version: number;
  source: string;
  romes: [string, string, string[], VocabularyRome['raison']][];
  appellations: [string, number][];
}

export function encodeJobVocabulary(vocabulary: JobVocabulary): EncodedJobVocabulary {
  const index = new Map(vocabulary.romes.map((rome, position) => [rome.code, position]));
  return {
    version: JOB_VOCABULARY_VERSION,
    source: vocabulary.source,
    romes: vocabulary.romes.map((rome) => [rome.code, rome.libelle, [...rome.v4], rome.raison]),
    appellations: vocabulary.appellations.flatMap((item): [string, number][] => {
      const position = index.get(item.rome);
      return position === undefined ? [] : [[item.libelle, position]];
    }),
  };
}

/** Reads `metiers.json`; the error names the file, the record and the field, in French. */
export function decodeJobVocabulary(data: unknown, file = 'metiers.json'): Result<JobVocabulary> {
  if (typeof data !== 'object' || data === null) return fail(`${file} : un objet JSON est attendu`);
  const encoded = data as Partial<EncodedJobVocabulary>;
  if (encoded.version !== JOB_VOCABULARY_VERSION) return fail(`${file} : version ${String(encoded.version)} non prise en charge (attendue : ${JOB_VOCABULARY_VERSION}) ; rechargez la page`);
  if (!Array.isArray(encoded.romes) || !Array.isArray(encoded.appellations)) return fail(`${file} : les tables « romes » et « appellations » sont attendues`);
  const romes: VocabularyRome[] = [];
  for (const [position, row] of encoded.romes.entries()) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !ROME_PATTERN.test(row[0]) || typeof row[1] !== 'string' || !Array.isArray(row[2]) || (row[3] !== 'formation' && row[3] !== 'recrutement')) {
      return fail(`${file} : métier n° ${position + 1} mal formé (code ROME, libellé, codes ROME 4.0, raison attendus)`);
    }
    romes.push({ code: row[0], libelle: row[1], v4: row[2].filter((code): code is string => typeof code === 'string'), raison: row[3] });
  }
  const appellations: { libelle: string; rome: string }[] = [];
  for (const [position, row] of encoded.appellations.entries()) {
    const rome = Array.isArray(row) && typeof row[1] === 'number' ? romes[row[1]] : undefined;
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !rome) return fail(`${file} : appellation n° ${position + 1} mal formée (libellé et métier attendus)`);
    appellations.push({ libelle: row[0], rome: rome.code });
  }
  return ok({ source: typeof encoded.source === 'string' ? encoded.source : '', romes, appellations });
}

/** Trainings per ROME code, and how many name it as their main (first) job. */
export function romeCounts(trainings: readonly Pick<Training, 'romes'>[]): Map<string, { total: number; principal: number }> {
  const counts = new Map<string, { total: number; principal: number }>();
  for (const training of trainings) {
    (training.romes ?? []).forEach((rome, position) => {
      const count = counts.get(rome) ?? { total: 0, principal: 0 };
      count.total += 1;
      if (position === 0) count.principal += 1;
      counts.set(rome, count);
    });
  }
  return counts;
}

/**
 * Jobs close to one with no training on the map, that have some: same ROME domain (first three
 * characters, "J15"), else same family ("J1"), most trainings first.
 */
export function nearestJobsWithTrainings(code: string, jobs: readonly RomeJob[], counts: ReadonlyMap<string, { total: number }>, limit = 4): { job: RomeJob; trainings: number }[] {
  const withTrainings = jobs.filter((job) => job.code !== code && (counts.get(job.code)?.total ?? 0) > 0).map((job) => ({ job, trainings: counts.get(job.code)?.total ?? 0 }));
  for (const length of [3, 2]) {
    const near = withTrainings.filter((item) => item.job.code.slice(0, length) === code.slice(0, length)).sort((a, b) => b.trainings - a.trainings || a.job.code.localeCompare(b.job.code));
    if (near.length > 0) return near.slice(0, limit);
  }
  return [];
}

/** What the map does not hold, said wherever a job or a search finds nothing (never "no such training exists"). */
export const OFFER_GAPS_NOTE =
  "La carte ne contient pas toute l'offre de la région : ni les écoles et instituts du sanitaire et du social (IFAS, IFSI, écoles d'auxiliaires de puériculture…), ni la formation continue des demandeurs d'emploi, sauf si vous ouvrez un fichier LHEO de votre Carif-Oref. Une formation absente de la carte peut donc exister près de chez vous.";
