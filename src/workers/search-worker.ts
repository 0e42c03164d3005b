/// <reference lib="webworker" />
/**
 * Holds the full-text index of the trainings and the job vocabulary off the main thread
 * (building them takes ~250 ms on the default dataset) and answers queries with the ids that
 * match, most relevant first, and the jobs to suggest. The vocabulary (`metiers.json`) is
 * fetched here, on the first search: it is never on the start-up path.
 */
import { decodeJobVocabulary, type JobVocabulary } from '../domain/jobs.ts';
import { createSearchEngine, type SearchEngine } from '../domain/search.ts';
import type { SearchRequest, SearchResponse } from '../domain/search-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: SearchResponse) => scope.postMessage(message);
let engine: { generation: number; search: SearchEngine; warning: string | null } | null = null;
let vocabulary: Promise<{ vocabulary: JobVocabulary | null; warning: string | null }> | null = null;
let pending: Promise<void> = Promise.resolve();

async function loadVocabulary(url: string | null): Promise<{ vocabulary: JobVocabulary | null; warning: string | null }> {
  if (url === null) return { vocabulary: null, warning: null };
  try {
    const response = await fetch(url);
    if (!response.ok) return { vocabulary: null, warning: `Les métiers (metiers.json) n'ont pas pu être chargés (erreur ${response.status}) : la recherche porte sur les intitulés seulement. Rechargez la page pour réessayer.` };
    const decoded = decodeJobVocabulary(await response.json(), 'metiers.json');
    return decoded.ok ? { vocabulary: decoded.value, warning: null } : { vocabulary: null, warning: `${decoded.error} : la recherche porte sur les intitulés seulement.` };
  } catch {
    return { vocabulary: null, warning: "Les métiers (metiers.json) n'ont pas pu être chargés (hors ligne ?) : la recherche porte sur les intitulés seulement. Rechargez la page pour réessayer." };
  }
}

scope.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  // Requests are handled in order: a search waits for the index it is about.
  pending = pending.then(async () => {
    try {
      if (request.type === 'index') {
        vocabulary ??= loadVocabulary(request.vocabularyUrl);
        const loaded = await vocabulary;
        engine = { generation: request.generation, search: createSearchEngine(request.documents, loaded.vocabulary), warning: loaded.warning };
        return;
      }
      if (!engine || engine.generation !== request.generation) return;
      const result = engine.search.search(request.query);
      post({ type: 'results', generation: request.generation, query: request.query, ids: result.ids, romes: result.romes, via: result.via, jobs: engine.search.suggestJobs(request.query), warning: engine.warning });
    } catch (error) {
      post({ type: 'error', generation: request.type === 'search' ? request.generation : null, query: request.type === 'search' ? request.query : null, message: (error as Error).message });
    }
  });
};
