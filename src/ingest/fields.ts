import type { TrainingSession } from '../domain/training.ts';

/**
 * Reads an LHEO/ISO date: `YYYYMMDD`, `YYYY-MM-DD`, or month-only `YYYYMM00` (→ `YYYY-MM`).
 * @returns the date, or null when absent or not a real date
 */
export function readDate(value: string | null | undefined): string | null {
  const text = (value ?? '').trim().replace(/-/g, '');
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  if (day === '00') return `${year}-${month}`;
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
  return date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

export function readRecruitmentState(value: string | null | undefined): TrainingSession['etat'] {
  switch ((value ?? '').trim()) {
    case '1':
      return 'ouvert';
    case '2':
      return 'ferme';
    case '3':
      return 'suspendu';
    default:
      return null;
  }
}

/** A web address safe to link to: http(s) only; a bare host gets `https://`. */
export function readUrl(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  if (text === '' || text === '-') return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A non-negative whole number, or null. */
export function readCount(value: string | null | undefined): number | null {
  const text = (value ?? '').trim();
  if (!/^\d+$/.test(text)) return null;
  return Number(text);
}

/**
 * An address only when the source gives one: a street (or a place within the commune) before the
 * postcode and town. A postcode and a town alone ("59300 Aulnoy-lez-Valenciennes") are not an
 * address: null, so no card shows one the source never gave.
 */
export function streetAddress(street: string | null | undefined, postcode: string | null | undefined, town: string | null | undefined): string | null {
  const line = (street ?? '').replace(/\s+/g, ' ').trim();
  if (line === '') return null;
  const place = [postcode, town].map((part) => (part ?? '').trim()).filter(Boolean).join(' ');
  return place ? `${line}, ${place}` : line;
}
