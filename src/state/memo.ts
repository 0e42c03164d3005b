/**
 * Memoizes a derived value on the identity of its inputs (the last call only), so selectors that
 * build arrays return the same reference until their inputs change.
 */
export function memoizeSelector<S, I extends readonly unknown[], R>(inputs: (state: S) => I, compute: (inputs: NoInfer<I>) => R): (state: S) => R {
  let lastInputs: I | undefined;
  let lastResult: R;
  return (state: S): R => {
    const next = inputs(state);
    if (lastInputs && next.length === lastInputs.length && next.every((value, index) => Object.is(value, lastInputs?.[index]))) {
      return lastResult;
    }
    lastInputs = next;
    lastResult = compute(next);
    return lastResult;
  };
}
