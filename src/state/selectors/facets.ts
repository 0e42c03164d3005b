/** Selectors of the facets and of the filter result: one filtered offer with live counts. */
import { narrowOffer, type OfferIndex } from '../../domain/offer-index.ts';
import { type Training } from '../../domain/training.ts';
import { DIMENSIONS, facetsOf, isDimensionActive, passes, type Dimension, type TrainingFacets } from '../../domain/filters.ts';
import { themesOf } from '../../domain/themes.ts';
import { memoizeSelector } from '../memo.ts';
import type { AppState } from '../store.ts';
import { selectOffer, selectWhereOffer } from './offer.ts';

/** A training's facets, with its options numbered per dimension (in the order of DIMENSIONS). */
export interface CodedFacets extends TrainingFacets {
  codes: readonly (readonly number[])[];
}

/** Numbered options and the distinct facet profiles; a training's facets are its profile's. */
export interface FacetTable {
  /** The option each number stands for, per dimension. */
  options: readonly (readonly string[])[];
  /** Trainings that no filter but the search can tell apart share a profile: filters are decided once per profile. */
  profiles: readonly CodedFacets[];
  profileOf: ReadonlyMap<Training, number>;
}

/**
 * What each training is, for filtering (domain, level, voies, themes…), once per offer. Options are
 * numbered and identical facets shared, so that a filter change is decided per profile (a few
 * thousand) rather than per training, and counted with array arithmetic.
 */
export const selectTrainingFacets = memoizeSelector(
  (state: AppState) => [selectOffer(state)] as const,
  ([offer]): FacetTable => {
    const numbering = DIMENSIONS.map(() => new Map<string, number>());
    const profileIds = new Map<string, number>();
    const profiles: CodedFacets[] = [];
    const profileOf = new Map<Training, number>();
    // Many trainings share a title and an NSF group (a diploma given in many places): their
    // themes are read once (folding a title and matching it against every theme's words is most
    // of this pass).
    const themesByTitle = new Map<string, string[]>();
    for (const training of offer?.dataset.trainings ?? []) {
      const titleKey = `${training.nsf ?? ''}|${training.intitule}`;
      let themes = themesByTitle.get(titleKey);
      if (!themes) themesByTitle.set(titleKey, (themes = themesOf(training)));
      const facets = facetsOf(training, themes);
      const codes = DIMENSIONS.map((dimension, index) => {
        const numbers = numbering[index] ?? new Map<string, number>();
        return facets.keys[dimension].map((key) => {
          const known = numbers.get(key);
          if (known !== undefined) return known;
          numbers.set(key, numbers.size);
          return numbers.size - 1;
        });
      });
      const key = codes.map((list) => list.join(',')).join('|');
      let profile = profileIds.get(key);
      if (profile === undefined) {
        profile = profiles.length;
        profileIds.set(key, profile);
        profiles.push({ ...facets, codes });
      }
      profileOf.set(training, profile);
    }
    return { options: numbering.map((numbers) => [...numbers.keys()]), profiles, profileOf };
  },
);

/**
 * The search hits in force and the dimensions that filter. While a new search runs, the previous
 * results stand (no flash of everything); an empty search text filters nothing.
 */
export function activeFilters(filters: AppState['filters'], searchHits: AppState['searchHits']): { hits: ReadonlySet<string> | null; active: Dimension[] } {
  const hits = filters.q.trim() === '' ? null : (searchHits?.ids ?? null);
  return { hits, active: DIMENSIONS.filter((dimension) => (dimension === 'q' ? hits !== null : isDimensionActive(filters, dimension))) };
}

/** Whether a point lies in the map's bounds (`[west, south, east, north]`); everything does before the map reports them. */
export function inBounds(point: readonly [number, number], bounds: AppState['bounds']): boolean {
  return !bounds || (point[0] >= bounds[0] && point[0] <= bounds[2] && point[1] >= bounds[1] && point[1] <= bounds[3]);
}

export interface FilterResult {
  /** Whether a training passes every filter, or null when no filter is active (all pass). */
  matching: ((training: Training) => boolean) | null;
  /** How many trainings pass every filter. */
  matchingCount: number;
  /** For each dimension, how many trainings each option would give under the other filters. */
  counts: Readonly<Record<Dimension, ReadonlyMap<string, number>>>;
  /** The search text has been typed but its results are not in yet. */
  searching: boolean;
  /** For each active dimension, how many trainings match when that one filter is removed. */
  without: Readonly<Partial<Record<Dimension, number>>>;
}

/**
 * The one filtered offer every view follows (map, list, zone cards, exports), with live facet
 * counts: for each option, the trainings it would give combined with the other active filters.
 */
export const selectFilterResult = memoizeSelector(
  (state: AppState) => [selectWhereOffer(state), selectTrainingFacets(state), state.filters, state.searchHits, state.searchError] as const,
  ([offer, table, filters, searchHits, searchError]): FilterResult => {
    // A failed search is not "in progress": its error is shown instead.
    const searching = filters.q.trim() !== '' && searchHits?.query !== filters.q.trim() && searchError === null;
    const { hits, active } = activeFilters(filters, searchHits);
    const others = active.filter((dimension) => dimension !== 'q');
    // Trainings of the offer per profile, split by whether the search keeps them.
    const kept = new Uint32Array(table.profiles.length);
    const dropped = new Uint32Array(table.profiles.length);
    for (const training of offer?.dataset.trainings ?? []) {
      const profile = table.profileOf.get(training);
      if (profile === undefined) continue;
      if (hits === null || hits.has(training.id)) kept[profile] = (kept[profile] ?? 0) + 1;
      else dropped[profile] = (dropped[profile] ?? 0) + 1;
    }
    const tallies = table.options.map((options) => new Uint32Array(options.length));
    const passing = new Uint8Array(table.profiles.length);
    const onlyFailing = new Map<Dimension, number>();
    let matchingCount = 0;
    // A group of trainings failing no filter counts for every option; failing one filter, only for
    // that filter's options (they would match without it); failing more, for none.
    const tally = (facets: CodedFacets, count: number, failures: number, failed: Dimension | null) => {
      if (count === 0 || failures > 1) return;
      if (failed === null) matchingCount += count;
      else onlyFailing.set(failed, (onlyFailing.get(failed) ?? 0) + count);
      DIMENSIONS.forEach((dimension, index) => {
        if (failed !== null && dimension !== failed) return;
        const counts = tallies[index];
        for (const code of facets.codes[index] ?? []) if (counts) counts[code] = (counts[code] ?? 0) + count;
      });
    };
    table.profiles.forEach((facets, profile) => {
      const keptCount = kept[profile] ?? 0;
      const droppedCount = dropped[profile] ?? 0;
      if (keptCount + droppedCount === 0) return;
      let failures = 0;
      let failed: Dimension | null = null;
      for (const dimension of others) {
        if (passes(facets, filters, dimension, null, '')) continue;
        failures += 1;
        failed = dimension;
        if (failures > 1) break;
      }
      if (failures === 0) passing[profile] = 1;
      tally(facets, keptCount, failures, failed);
      tally(facets, droppedCount, failures + 1, failures === 0 ? 'q' : failed);
    });
    const counts = Object.fromEntries(
      DIMENSIONS.map((dimension, index) => {
        const counted = tallies[index];
        const options = table.options[index] ?? [];
        return [dimension, new Map(options.flatMap((option, code) => (counted?.[code] ? [[option, counted[code]] as const] : [])))];
      }),
    ) as Record<Dimension, Map<string, number>>;
    const without = Object.fromEntries(active.map((dimension) => [dimension, matchingCount + (onlyFailing.get(dimension) ?? 0)]));
    const matching = (training: Training): boolean => {
      const profile = table.profileOf.get(training);
      return profile !== undefined && passing[profile] === 1 && (hits === null || hits.has(training.id));
    };
    return { matching: active.length === 0 ? null : matching, matchingCount, counts, searching, without };
  },
);

/** The offer as filtered: only matching trainings, and the sites that have at least one. */
export const selectFilteredOffer = memoizeSelector(
  (state: AppState) => [selectWhereOffer(state), selectFilterResult(state).matching] as const,
  ([offer, matching]): OfferIndex | null => {
    if (!offer || matching === null) return offer;
    return narrowOffer(offer, matching);
  },
);
