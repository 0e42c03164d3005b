import { quarterLabel } from '../domain/typography.ts';
import { formatRate } from './format.ts';

/**
 * A quarterly series in words, for the sparkline's name: "du 1er trimestre 2003 (9,8 %) au
 * 4e trimestre 2025 (10,8 %)", from its first and last known values (a gap at either end skipped).
 */
export function seriesLabel({ series, quarters }: { series: readonly (number | null)[]; quarters: readonly string[] }): string {
  const first = series.findIndex((value) => value !== null);
  const last = series.length - 1 - [...series].reverse().findIndex((value) => value !== null);
  if (first < 0) return 'pas de donnée';
  return `du ${quarterLabel(quarters[first] ?? '')} (${formatRate(series[first] ?? null)}) au ${quarterLabel(quarters[last] ?? '')} (${formatRate(series[last] ?? null)})`;
}

/** A small line of a series (null values leave gaps), with its first and last points labelled. */
export function Sparkline({ values, label, width = 220, height = 44 }: { values: readonly (number | null)[]; label: string; width?: number; height?: number }) {
  const numbers = values.filter((value): value is number => value !== null);
  if (numbers.length < 2) return null;
  const min = Math.min(...numbers);
  const max = Math.max(...numbers);
  const x = (index: number) => 2 + (index / Math.max(values.length - 1, 1)) * (width - 4);
  const y = (value: number) => height - 4 - ((value - min) / Math.max(max - min, 0.1)) * (height - 8);
  let path = '';
  let pen = false;
  values.forEach((value, index) => {
    if (value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(index).toFixed(1)} ${y(value).toFixed(1)}`;
    pen = true;
  });
  const lastIndex = values.length - 1 - [...values].reverse().findIndex((value) => value !== null);
  const last = values[lastIndex] ?? null;
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <path d={path} fill="none" stroke="#1f5f8f" stroke-width="1.6" />
      {last !== null && <circle cx={x(lastIndex)} cy={y(last)} r="2.8" fill="#b30000" />}
    </svg>
  );
}
