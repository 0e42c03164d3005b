import { ckmeans, equalIntervalBreaks, quantile } from 'simple-statistics';

/** The indicators a territory can be coloured by (URL key `indicateur`). */
export const INDICATORS = ['chomage', 'chomage-evol-1', 'chomage-evol-5', 'offre', 'lieux', 'zones-blanches'] as const;
export type IndicatorId = (typeof INDICATORS)[number];

export interface IndicatorSpec {
  label: string;
  unit: string;
  /** Diverging (a change, centred on 0) or sequential. */
  scale: 'sequentiel' | 'divergent';
  /** What the indicator says, in one sentence. */
  explanation: string;
}

export const INDICATOR_SPECS: Readonly<Record<IndicatorId, IndicatorSpec>> = {
  chomage: { label: 'Taux de chômage', unit: '%', scale: 'sequentiel', explanation: 'Taux de chômage localisé (Insee, moyenne trimestrielle CVS) au trimestre choisi.' },
  'chomage-evol-1': { label: 'Évolution du chômage sur 1 an', unit: 'points', scale: 'divergent', explanation: 'Écart en points du taux de chômage avec le même trimestre un an plus tôt.' },
  'chomage-evol-5': { label: 'Évolution du chômage sur 5 ans', unit: 'points', scale: 'divergent', explanation: 'Écart en points du taux de chômage avec le même trimestre cinq ans plus tôt.' },
  offre: { label: 'Offre de formation', unit: 'formations pour 10 000 hab.', scale: 'sequentiel', explanation: 'Formations (selon les filtres) dont le lieu est dans le territoire, pour 10 000 habitants.' },
  lieux: { label: 'Lieux de formation', unit: 'lieux pour 10 000 hab.', scale: 'sequentiel', explanation: 'Lieux de formation (ayant au moins une formation selon les filtres) dans le territoire, pour 10 000 habitants.' },
  'zones-blanches': {
    label: 'Zones blanches',
    unit: '% de la population',
    scale: 'sequentiel',
    explanation: "Part de la population (communes pondérées par leur population, à leur point) à plus de la distance ou du temps choisi de toute formation correspondant aux filtres.",
  },
};

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
