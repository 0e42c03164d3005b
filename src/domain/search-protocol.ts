import type { SearchDocument } from './search.ts';

/** Messages to the search worker: index a dataset's documents, then answer queries about it. */
export type SearchRequest = { type: 'index'; generation: number; documents: SearchDocument[] } | { type: 'search'; generation: number; query: string };

/** The worker's answer: the ids matching a query, for the dataset generation it was asked about. */
export type SearchResponse = { type: 'results'; generation: number; query: string; ids: string[] } | { type: 'error'; message: string };
