import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_METHODS, classBounds, classOf, classRanges, INDICATOR_SPECS, wholeBounds } from '../../../src/domain/territory.ts';

describe('choropleth classes of counts', () => {
  it('gives whole bounds that keep every whole value in its class, and ranges that neither overlap nor leave a gap', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 60 }), fc.constantFrom(...CLASS_METHODS), (values, method) => {
        const bounds = classBounds(values, method);
        const whole = wholeBounds(bounds);
        expect(whole.every(Number.isInteger)).toBe(true);
        expect([...whole].sort((a, b) => a - b)).toEqual(whole);
        // The values fall into the same groups as with the drawn bounds (a class that holds no whole
        // value may merge with the next, never two that hold values).
        const groups = (edges: readonly number[]) => {
          const byClass = new Map<number, number[]>();
          for (const value of [...values].sort((a, b) => a - b)) byClass.set(classOf(value, edges), [...(byClass.get(classOf(value, edges)) ?? []), value]);
          return [...byClass.values()];
        };
        expect(groups(whole)).toEqual(groups(bounds));
        // The legend's ranges: each value is in the range of its class, and the next range starts one after.
        const ranges = classRanges(whole, true);
        for (const value of values) {
          const [low, high] = ranges[classOf(value, whole)] ?? [NaN, NaN];
          expect(value).toBeGreaterThanOrEqual(low);
          expect(value).toBeLessThanOrEqual(high);
        }
        for (let index = 1; index < ranges.length; index += 1) expect(ranges[index]?.[0]).toBe((ranges[index - 1]?.[1] ?? NaN) + 1);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the BMO legend as whole projects: "3 153" and "3 154", never "3 153,6"', () => {
    expect(wholeBounds([1124, 3153.6, 4382.6, 5261.4, 8011.6, 35456])).toEqual([1124, 3154, 4383, 5262, 8012, 35456]);
    expect(classRanges([1124, 3154, 4383, 5262, 8012, 35456], true)).toEqual([
      [1124, 3153],
      [3154, 4382],
      [4383, 5261],
      [5262, 8011],
      [8012, 35456],
    ]);
    // The maximum alone in the last class, as quantiles of [0, 1] put it (found by fast-check).
    expect(wholeBounds([0, 0.5, 1])).toEqual([0, 1, 1]);
    expect(classRanges([0, 1, 1], true)).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // Rates keep their bounds as they are, each shared by two classes.
    expect(classRanges([1.5, 2.25, 3], false)).toEqual([
      [1.5, 2.25],
      [2.25, 3],
    ]);
    // Only the counts are whole: the projects, not the rates per inhabitant or the shares.
    expect(Object.values(INDICATOR_SPECS).filter((spec) => spec.whole).map((spec) => spec.id)).toEqual(['recrutements']);
  });
});
