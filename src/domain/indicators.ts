import { fail, ok, type Result } from './result.ts';

/** What an indicator is, where it comes from, as the app and its legends say it. */
export interface IndicatorDescription {
  id: string;
  label: string;
  definition: string;
  unit: string;
  source: string;
  date: string;
  licence: string;
}

/** `public/data/indicators.json` (see data/SCHEMAS.md). */
export interface IndicatorsFile {
  version: 1;
  descriptions: IndicatorDescription[];
  /** Quarterly unemployment rate per zone d'emploi (regional parts for 0054 and 0058), `quarters` in order. */
  chomage: {
    quarters: string[];
    zonesEmploi: Record<string, (number | null)[]>;
    /** Per département: the rate of the facts table, with its quarter and source. */
    departements: Record<string, { taux: number; trimestre: string; source: string }>;
    /** Cross-border zones whose series is the whole zone's: the edition gives no regional part. */
    zonesEntieres?: string[];
  };
}

export const INDICATORS_VERSION = 1;

/** Reads `indicators.json`; the error names what is wrong. */
export function readIndicators(data: unknown): Result<IndicatorsFile> {
  if (typeof data !== 'object' || data === null) return fail('indicators.json : objet attendu');
  const file = data as Partial<IndicatorsFile>;
  if (file.version !== INDICATORS_VERSION) return fail(`indicators.json : version ${String(file.version)} non prise en charge (attendu ${INDICATORS_VERSION})`);
  const chomage = file.chomage;
  if (!chomage || !Array.isArray(chomage.quarters) || typeof chomage.zonesEmploi !== 'object' || chomage.zonesEmploi === null) return fail('indicators.json : « chomage » incomplet (quarters, zonesEmploi)');
  for (const [code, series] of Object.entries(chomage.zonesEmploi)) {
    if (!Array.isArray(series) || series.length !== chomage.quarters.length) return fail(`indicators.json : série de la zone ${code} de longueur ${Array.isArray(series) ? series.length : '?'}, ${chomage.quarters.length} attendue`);
  }
  return ok(file as IndicatorsFile);
}

/** What to say of a zone whose rate is the whole cross-border zone's, or null. */
export function wholeZoneNote(file: IndicatorsFile, code: string): string | null {
  return (file.chomage.zonesEntieres ?? []).includes(code)
    ? "Zone à cheval sur deux régions : cette édition de l'Insee ne publie pas le taux de sa partie Hauts-de-France, c'est le taux de la zone entière qui est montré."
    : null;
}

/** The rate of a zone at a quarter, or null. */
export function rateAt(file: IndicatorsFile, code: string, quarter: string): number | null {
  const index = file.chomage.quarters.indexOf(quarter);
  return index < 0 ? null : (file.chomage.zonesEmploi[code]?.[index] ?? null);
}

/** The quarter `years` years before `quarter` (`2023-T3`, 1 → `2022-T3`). */
export function quarterBefore(quarter: string, years: number): string {
  const [year, part] = quarter.split('-');
  return `${Number(year) - years}-${part ?? 'T1'}`;
}
