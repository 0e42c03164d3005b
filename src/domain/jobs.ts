/**
 * The jobs people come with: ROME v3 codes named in words (ROME 4.0, France Travail), the job
 * vocabulary the search worker loads (`public/data/metiers.json`: the ROME 4.0 job titles, or
 * "appellations", of the jobs the trainings lead to and of the jobs the region hires most for),
 * and what the map says when a job has no training on it.
 */
import * as v from 'valibot';
import { fail, ok, type Result } from './result.ts';
import { checkSchema, DAMAGED_FILE_HINT, locateByPath, locateInRows, nonEmptyText, romeCode, text, versionOf, type SchemaPath } from './schema.ts';
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

/** `metiers.json`: the ROME codes, then the job titles pointing at them by position. */
const JOB_VOCABULARY_SCHEMA = v.object({
  version: v.literal(JOB_VOCABULARY_VERSION),
  source: text,
  romes: v.array(v.strictTuple([romeCode, nonEmptyText, v.array(text), v.picklist(['formation', 'recrutement'])])),
  appellations: v.array(v.strictTuple([nonEmptyText, v.pipe(v.number(), v.integer(), v.minValue(0))])),
});

const locateRome = locateInRows('métier', ['code', 'libelle', 'v4', 'raison'], (data) => (data as EncodedJobVocabulary).romes, { table: 'romes' });
const locateAppellation = locateInRows('appellation', ['libelle', 'metier'], (data) => (data as EncodedJobVocabulary).appellations, { table: 'appellations', named: false });

/** "métier A1101, champ « raison »", "appellation n° 12, champ « metier »". */
const locateInVocabulary = (path: SchemaPath, data: unknown): string => (path[0] === 'romes' ? locateRome(path, data) : path[0] === 'appellations' ? locateAppellation(path, data) : locateByPath(path, data));

/** Reads `metiers.json`; the error names the file, the record and the field, in French. */
export function decodeJobVocabulary(data: unknown, file = 'metiers.json'): Result<JobVocabulary> {
  const version = versionOf(file, data, JOB_VOCABULARY_VERSION);
  if (!version.ok) return version;
  const checked = checkSchema(JOB_VOCABULARY_SCHEMA, data, file, locateInVocabulary);
  if (!checked.ok) return checked;
  const romes: VocabularyRome[] = checked.value.romes.map(([code, libelle, v4, raison]) => ({ code, libelle, v4, raison }));
  const appellations: { libelle: string; rome: string }[] = [];
  for (const [position, [libelle, index]] of checked.value.appellations.entries()) {
    const rome = romes[index];
    if (!rome) return fail(`${file} : appellation n° ${position + 1}, champ « metier » : métier n° ${index + 1} inconnu${DAMAGED_FILE_HINT}`);
    appellations.push({ libelle, rome: rome.code });
  }
  return ok({ source: checked.value.source, romes, appellations });
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
  "La carte ne contient pas toute l'offre de la région : ni les écoles et instituts du sanitaire et du social (IFAS, IFSI, écoles d'auxiliaires de puériculture…), ni la formation continue des demandeurs d'emploi, sauf si vous ouvrez un fichier LHEO de votre Carif-Oref. Une formation absente de la carte peut donc exister près de chez vous.";
