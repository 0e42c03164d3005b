import { describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResponse } from '../../../src/domain/search-protocol.ts';
import { startSearchService, type SearchWorker } from '../../../src/state/search-service.ts';
import { selectFilterResult } from '../../../src/state/selectors.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { syntheticAppData } from './fixture.ts';

class FakeSearchWorker implements SearchWorker {
  onmessage: ((event: MessageEvent<SearchResponse>) => void) | null = null;
  requests: SearchRequest[] = [];
  postMessage(request: SearchRequest): void {
    this.requests.push(request);
  }
  terminate(): void {}
  send(message: unknown): void {
    this.onmessage?.({ data: message } as MessageEvent<SearchResponse>);
  }
}

describe('search service', () => {
  it('says a search worker error, ends "searching", and keeps the other filters', () => {
    const store = createAppStore();
    store.getState().setData(syntheticAppData());
    const worker = new FakeSearchWorker();
    const stop = startSearchService(store, () => worker, 'http://127.0.0.1/data/metiers.json');
    store.getState().setFilters({ ...store.getState().filters, q: 'soudure', voies: ['apprentissage'] });
    const search = worker.requests.find((request) => request.type === 'search');
    expect(search).toBeDefined();
    expect(selectFilterResult(store.getState()).searching).toBe(true);
    worker.send({ type: 'error', generation: search?.generation ?? 0, query: 'soudure', message: 'index illisible' });
    const state = store.getState();
    expect(state.searchError).toMatch(/^La recherche n'a pas pu aboutir \(index illisible\)\. Les autres filtres restent appliqués/);
    expect(selectFilterResult(state).searching).toBe(false);
    expect(state.filters.voies).toEqual(['apprentissage']);
    stop();
  });

  it('takes ranked ids and job suggestions, and ignores an answer to another text', () => {
    const store = createAppStore();
    store.getState().setData(syntheticAppData());
    const worker = new FakeSearchWorker();
    startSearchService(store, () => worker, null);
    store.getState().setFilters({ ...store.getState().filters, q: 'soudeur' });
    const generation = worker.requests.find((request) => request.type === 'search')?.generation ?? 0;
    worker.send({ type: 'results', generation, query: 'autre', ids: ['a1'], romes: [], via: null, jobs: [], warning: null });
    expect(store.getState().searchHits).toBeNull();
    worker.send({ type: 'results', generation, query: 'soudeur', ids: ['c2', 'a1'], romes: ['H2913'], via: 'metier', jobs: [{ rome: 'H2913', appellation: 'Soudeur / Soudeuse', libelle: 'Soudeur / Soudeuse', trainings: 2 }], warning: null });
    const hits = store.getState().searchHits;
    expect([...(hits?.ids ?? [])]).toEqual(['c2', 'a1']);
    expect(hits?.rank?.get('a1')).toBe(1);
    expect(hits?.jobs?.[0]?.rome).toBe('H2913');
  });
});
