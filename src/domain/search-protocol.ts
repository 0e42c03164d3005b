import type { SearchDocument } from './search.ts';

/** Messages to the search worker: index a dataset's documents, then answer queries about it. */
export type SearchRequest = { type: 'index'; generation: number; documents: SearchDocument[] } | { type: 'search'; generation: number; query: string };

/** The worker's answer: the ids matching a query, for the dataset generation it was asked about. */
export type SearchResponse = { type: 'results'; generation: number; query: string; ids: string[] } | { type: 'error'; message: string };

/** Checks a message from the search worker; anything else is ignored by the page. */
export function readSearchResponse(data: unknown): SearchResponse | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message['type'] === 'error' && typeof message['message'] === 'string') return { type: 'error', message: message['message'] };
  if (message['type'] !== 'results' || typeof message['generation'] !== 'number' || typeof message['query'] !== 'string' || !Array.isArray(message['ids'])) return null;
  if (!message['ids'].every((id) => typeof id === 'string')) return null;
  return { type: 'results', generation: message['generation'], query: message['query'], ids: message['ids'] as string[] };
}
