import type { JobSuggestion, SearchDocument, SearchResult } from './search.ts';

/**
 * Messages to the search worker: index a dataset's documents (and load the job vocabulary from
 * `vocabularyUrl`, once), then answer queries about it.
 */
export type SearchRequest = { type: 'index'; generation: number; documents: SearchDocument[]; vocabularyUrl: string | null } | { type: 'search'; generation: number; query: string };

/**
 * The worker's answer for the dataset generation it was asked about: the matching ids, most
 * relevant first (null: the text has no searchable word), the jobs the query names, and the job
 * suggestions for the search box. `warning` says the job vocabulary could not be loaded.
 */
export type SearchResponse =
  | { type: 'results'; generation: number; query: string; ids: string[] | null; romes: string[]; via: SearchResult['via']; jobs: JobSuggestion[]; warning: string | null }
  | { type: 'error'; generation: number | null; query: string | null; message: string };

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function readJobs(value: unknown): JobSuggestion[] | null {
  if (!Array.isArray(value)) return null;
  const jobs: JobSuggestion[] = [];
  for (const item of value) {
    const job = item as Record<string, unknown> | null;
    if (typeof job !== 'object' || job === null || typeof job['rome'] !== 'string' || typeof job['appellation'] !== 'string' || typeof job['libelle'] !== 'string' || typeof job['trainings'] !== 'number') return null;
    jobs.push({ rome: job['rome'], appellation: job['appellation'], libelle: job['libelle'], trainings: job['trainings'] });
  }
  return jobs;
}

/** Checks a message from the search worker; anything else is ignored by the page. */
export function readSearchResponse(data: unknown): SearchResponse | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message['type'] === 'error' && typeof message['message'] === 'string') {
    return { type: 'error', generation: typeof message['generation'] === 'number' ? message['generation'] : null, query: typeof message['query'] === 'string' ? message['query'] : null, message: message['message'] };
  }
  if (message['type'] !== 'results' || typeof message['generation'] !== 'number' || typeof message['query'] !== 'string') return null;
  const ids = message['ids'] === null ? null : isStrings(message['ids']) ? message['ids'] : undefined;
  const jobs = readJobs(message['jobs']);
  const via = message['via'];
  if (ids === undefined || !isStrings(message['romes']) || jobs === null || (via !== null && via !== 'metier' && via !== 'titres-metiers')) return null;
  return { type: 'results', generation: message['generation'], query: message['query'], ids, romes: message['romes'], via, jobs, warning: typeof message['warning'] === 'string' ? message['warning'] : null };
}
