import { weakMapMemoize } from 'reselect';

/**
 * Memoizes a derived value per combination of inputs (compared by identity): every combination
 * seen keeps its result, objects in a WeakMap so they are freed with their inputs. Unlike a
 * one-slot cache, asking for the previous state's value (as the map adapter and the URL writer do
 * with `previous`) never evicts the current one, so every reader gets the same object back.
 */
export function memoizeSelector<S, I extends readonly unknown[], R>(inputs: (state: S) => I, compute: (inputs: NoInfer<I>) => R): (state: S) => R {
  const memoized = weakMapMemoize((...values: unknown[]): R => compute(values as unknown as I));
  return (state: S): R => memoized(...inputs(state));
}
