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
