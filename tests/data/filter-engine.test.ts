import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { DIMENSIONS, EMPTY_FILTERS, facetsOf, FILTER_NIVEAUX, isDimensionActive, passes, type Dimension, type Filters } from '../../src/domain/filters.ts';
import { indexOffer } from '../../src/domain/offer-index.ts';
import { themesOf, THEMES } from '../../src/domain/themes.ts';
import { MODALITES, VOIES } from '../../src/domain/training.ts';
import { selectFilteredOffer, selectFilterResult } from '../../src/state/selectors.ts';
import { createAppStore } from '../../src/state/store.ts';
import { syntheticAppData } from '../unit/state/fixture.ts';

// The filter engine decides once per facet profile; this checks it against the plain definition
// (every training, every filter) on the committed dataset, for random filters and search hits.
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const dataset = decoded.value;
const facets = new Map(dataset.trainings.map((training) => [training.id, facetsOf(training, themesOf(training))]));
const domains = [...new Set([...facets.values()].map((facet) => facet.domaine))];
const sources = dataset.sources.map((source) => source.id);

function naive(filters: Filters, hits: ReadonlySet<string> | null) {
  const active = DIMENSIONS.filter((dimension) => (dimension === 'q' ? hits !== null : isDimensionActive(filters, dimension)));
  const matching: string[] = [];
  const counts = new Map<string, number>();
  for (const training of dataset.trainings) {
    const facet = facets.get(training.id);
    if (!facet) continue;
    const failing = active.filter((dimension) => !passes(facet, filters, dimension, hits, training.id));
    if (failing.length > 1) continue;
    if (failing.length === 0) matching.push(training.id);
    for (const dimension of DIMENSIONS) {
      if (failing.length === 1 && failing[0] !== dimension) continue;
      for (const key of facet.keys[dimension]) counts.set(`${dimension}:${key}`, (counts.get(`${dimension}:${key}`) ?? 0) + 1);
    }
  }
  return { matching, counts };
}

const pick = <T,>(values: readonly T[]) => fc.subarray([...values], { maxLength: 2 });

describe('filter engine (per facet profile) on the committed dataset', () => {
  it('gives the same matching trainings and option counts as filtering every training', () => {
    const store = createAppStore();
    store.getState().setData({ ...syntheticAppData(), offer: indexOffer(dataset) });
    fc.assert(
      fc.property(
        fc.record({ domaines: pick(domains), niveaux: pick(FILTER_NIVEAUX), voies: pick(VOIES), modalites: pick(MODALITES), conventionne: fc.boolean(), themes: pick(THEMES.map((theme) => theme.id)), sources: pick(sources) }),
        fc.option(fc.subarray(dataset.trainings.map((training) => training.id).slice(0, 400)), { nil: null }),
        (chosen, hitList) => {
          const hits = hitList === null ? null : new Set(hitList);
          const filters: Filters = { ...EMPTY_FILTERS, ...chosen, q: hits ? 'recherche' : '' };
          store.getState().setFilters(filters);
          store.getState().setSearchHits(hits ? { query: 'recherche', ids: hits } : null);
          const expected = naive(filters, hits);
          const result = selectFilterResult(store.getState());
          const ids = (selectFilteredOffer(store.getState())?.dataset.trainings ?? []).map((training) => training.id);
          expect(ids).toEqual(expected.matching);
          expect(result.matchingCount).toBe(expected.matching.length);
          const counts = new Map(DIMENSIONS.flatMap((dimension: Dimension) => [...result.counts[dimension]].map(([key, count]) => [`${dimension}:${key}`, count] as const)));
          expect(counts).toEqual(expected.counts);
        },
      ),
      { numRuns: 60 },
    );
  });
});
