/// <reference lib="webworker" />
/**
 * Holds the full-text index of the trainings off the main thread (building it takes ~100 ms on
 * the default dataset) and answers queries with the ids that match.
 */
import { indexSearchDocuments, type TrainingSearch } from '../domain/search.ts';
import type { SearchRequest, SearchResponse } from '../domain/search-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SearchResponse) => scope.postMessage(message);
let index: { generation: number; search: TrainingSearch } | null = null;

scope.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'index') {
      index = { generation: request.generation, search: indexSearchDocuments(request.documents) };
      return;
    }
    if (!index || index.generation !== request.generation) return;
    post({ type: 'results', generation: request.generation, query: request.query, ids: [...index.search.search(request.query)] });
  } catch (error) {
    post({ type: 'error', message: (error as Error).message });
  }
};
