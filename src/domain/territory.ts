import { INDICATOR_REGISTRY, type IndicatorModule } from './indicators/registry.ts';
import { ckmeans, equalIntervalBreaks, quantile } from 'simple-statistics';

/** The indicators a territory can be coloured by (URL key `indicateur`); each is a module of the registry. */
export const INDICATORS = ['chomage', 'chomage-evol-1', 'chomage-evol-5', 'offre', 'lieux', 'zones-blanches', 'recrutements', 'recrutements-habitants', 'recrutements-difficiles', 'recrutements-saisonniers'] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** What a legend says of an indicator: a view of its module (`src/domain/indicators/`). */
export type IndicatorSpec = Pick<IndicatorModule, 'label' | 'unit' | 'scale' | 'explanation'>;

/** The indicators' modules, by id. */
export const INDICATOR_SPECS: Readonly<Record<IndicatorId, IndicatorModule>> = INDICATOR_REGISTRY;

/** How values are grouped into classes (URL key `classes`). */
export const CLASS_METHODS = ['quantiles', 'egales', 'jenks'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];
export const CLASS_METHOD_LABELS: Readonly<Record<ClassMethod, string>> = { quantiles: 'Quantiles', egales: 'Intervalles égaux', jenks: 'Seuils naturels (Jenks)' };

/**
 * Class bounds for `values`: `k + 1` ascending numbers from the minimum to the maximum (fewer when
 * there are few distinct values). Quantiles and equal intervals from simple-statistics; natural
 * breaks by Ckmeans (the optimal 1-D clustering Jenks approximates).
 */
export function classBounds(values: readonly number[], method: ClassMethod, k = 5): number[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const classes = Math.max(1, Math.min(k, new Set(finite).size));
  if (min === max || classes === 1) return [min, max];
  let bounds: number[];
  switch (method) {
    case 'quantiles':
      bounds = [min, ...Array.from({ length: classes - 1 }, (_, index) => quantile([...finite], (index + 1) / classes)), max];
      break;
    case 'egales':
      bounds = equalIntervalBreaks([...finite], classes);
      break;
    case 'jenks':
      bounds = [...ckmeans([...finite], classes).map((cluster) => cluster[0] ?? min), max];
      break;
    default: {
      const unreachable: never = method;
      throw new Error(`unknown method ${String(unreachable)}`);
    }
  }
  return [...new Set(bounds.map((value) => Math.round(value * 1000) / 1000))].sort((a, b) => a - b);
}

/**
 * Bounds for whole-number values: each inner bound rounded up, which puts every whole value in the
 * class it had (for a whole v, v < b exactly when v < ⌈b⌉).
 */
export function wholeBounds(bounds: readonly number[]): number[] {
  const first = bounds[0];
  const last = bounds.at(-1);
  if (first === undefined || last === undefined || bounds.length < 2) return [...bounds];
  const result = [first];
  for (const bound of bounds.slice(1, -1)) {
    const up = Math.ceil(bound);
    // Equal to the one before: no whole value lay between them, the empty class goes. Equal to the
    // maximum: the last class holds the maximum alone ([0, 0.5, 1] → [0, 1, 1]), as before.
    if (up > (result.at(-1) ?? first)) result.push(up);
  }
  // The maximum closes the last class (one class [min, max] when every value is the same).
  result.push(last);
  return result;
}

/**
 * What each class holds, low and high, for the legends: [bounds[k], bounds[k+1]], or for whole
 * values [bounds[k], bounds[k+1] − 1] (the next class starts at bounds[k+1]), the last class up to
 * the maximum.
 */
export function classRanges(bounds: readonly number[], whole = false): [number, number][] {
  return bounds.slice(0, -1).map((low, index) => {
    const high = bounds[index + 1] ?? low;
    return [low, whole && index < bounds.length - 2 ? Math.max(low, high - 1) : high];
  });
}

/** The class (0-based) of a value among bounds; the last bound belongs to the last class. */
export function classOf(value: number, bounds: readonly number[]): number {
  const classes = Math.max(1, bounds.length - 1);
  for (let index = 1; index < bounds.length - 1; index += 1) if (value < (bounds[index] ?? Infinity)) return index - 1;
  return classes - 1;
}

/** A diverging scale's bounds centred on 0, symmetric, so that "no change" is the middle class. */
export function divergingBounds(values: readonly number[], k = 5): number[] {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return [];
  const extent = Math.max(...finite.map(Math.abs), 0.1);
  const step = (2 * extent) / k;
  return Array.from({ length: k + 1 }, (_, index) => Math.round((-extent + index * step) * 1000) / 1000);
}
