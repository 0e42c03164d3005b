import { searchDocuments } from '../domain/search.ts';
import { readSearchResponse, type SearchRequest, type SearchResponse } from '../domain/search-protocol.ts';
import type { OfferIndex } from '../domain/offer-index.ts';
import { selectOffer } from './selectors.ts';
import type { AppState, AppStore } from './store.ts';

/** The part of a Web Worker the search service uses, so tests can drive it with a fake. */
export interface SearchWorker {
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null;
  postMessage: (request: SearchRequest) => void;
  terminate: () => void;
}

const startWorker = (): SearchWorker => new Worker(new URL('../workers/search-worker.ts', import.meta.url), { type: 'module', name: 'recherche' }) as unknown as SearchWorker;

/**
 * Runs the text search off the main thread: indexes each offer (the default one, or with an
 * opened file) in the search worker and asks it for each new search text; the answers land in
 * the store as `searchHits`, tagged with the text they answer, so a late answer never wins.
 * @returns a function that stops the service
 */
export function startSearchService(store: AppStore, makeWorker: () => SearchWorker = startWorker, vocabularyUrl: string | null = null): () => void {
  let worker: SearchWorker | null = null;
  let generation = 0;
  let indexed: OfferIndex | null = null;
  let asked = '';
  const ensureWorker = (): SearchWorker => {
    if (worker) return worker;
    const created = makeWorker();
    created.onmessage = (event) => {
      const message = readSearchResponse(event.data);
      if (!message) return;
      if (message.type === 'error') {
        // Said, never dropped: the list keeps its filters and says the search could not run.
        if (message.generation !== null && message.generation !== generation) return;
        asked = '';
        store.getState().setSearchError(`La recherche n'a pas pu aboutir (${message.message}). Les autres filtres restent appliqués ; modifiez le texte pour réessayer, ou rechargez la page.`);
        return;
      }
      if (message.generation !== generation || message.query !== store.getState().filters.q.trim()) return;
      const ids = message.ids;
      store.getState().setSearchHits({ query: message.query, ids: ids === null ? null : new Set(ids), rank: new Map((ids ?? []).map((id, position) => [id, position])), romes: message.romes, via: message.via, jobs: message.jobs, warning: message.warning });
    };
    worker = created;
    return created;
  };
  const index = (state: AppState, offer: OfferIndex) => {
    indexed = offer;
    generation += 1;
    const gazetteer = state.data?.gazetteer;
    const sites = offer.sitesById;
    const documents = searchDocuments(offer.dataset.trainings, (training) => gazetteer?.byCode.get(sites.get(training.siteId)?.commune ?? '')?.nom ?? '');
    ensureWorker().postMessage({ type: 'index', generation, documents, vocabularyUrl });
    asked = '';
  };
  const update = (state: AppState) => {
    const offer = selectOffer(state);
    const query = state.filters.q.trim();
    // The index is built on the first search only: a visit without one costs nothing.
    if (query === '') {
      asked = '';
      if (state.searchHits !== null) state.setSearchHits(null);
      if (state.searchError !== null) state.setSearchError(null);
      return;
    }
    if (!offer) return;
    if (offer !== indexed) index(state, offer);
    if (query === asked) return;
    asked = query;
    ensureWorker().postMessage({ type: 'search', generation, query });
  };
  update(store.getState());
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.filters.q !== previous.filters.q || state.data !== previous.data || state.imported !== previous.imported) update(state);
  });
  return () => {
    unsubscribe();
    worker?.terminate();
  };
}
