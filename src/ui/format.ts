import { frenchNumber, NBSP, percent } from '../domain/typography.ts';

const integer = new Intl.NumberFormat('fr-FR');

/** `12 345` with the French thin separators. */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** "1 commune", "12 communes". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}

/** `10,6 %`; `empty` where there is no value. */
export function formatRate(value: number | null | undefined, empty = 'pas de donnée'): string {
  return value === null || value === undefined ? empty : percent(value);
}

/** An indicator's value in its unit: "10,6 %", "+0,4 pt", "12,3 formations pour 10 000 hab.", "pas de donnée". */
export function formatIndicatorValue(value: number | null, unit: string): string {
  if (value === null) return 'pas de donnée';
  const text = frenchNumber(value);
  if (unit === 'points') return `${value > 0 ? '+' : ''}${text}${NBSP}pt`;
  if (unit.startsWith('%')) return `${formatRate(value)}${unit.length > 1 ? unit.slice(1) : ''}`;
  return `${text}${NBSP}${unit}`;
}

/**
 * A legend's class, its unit's words said once: "1 124 à 3 153 projets", "12,5 % à 20 % des projets",
 * "8,1 % à 9,3 %", "+0,2 pt à +0,6 pt" (a sign and a short unit stay on both ends).
 */
export function formatIndicatorRange(low: number, high: number, unit: string): string {
  if (unit === 'points') return `${formatIndicatorValue(low, unit)} à ${formatIndicatorValue(high, unit)}`;
  const lowText = unit.startsWith('%') ? formatRate(low) : frenchNumber(low);
  return `${lowText} à ${formatIndicatorValue(high, unit)}`;
}
