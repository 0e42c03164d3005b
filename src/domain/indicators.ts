import * as v from 'valibot';
import { ok, type Result } from './result.ts';
import { checkSchema, locateByPath, text, versionOf, type SchemaPath } from './schema.ts';

const FILE = 'indicators.json';

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

const QUARTER = /^\d{4}-T[1-4]$/;
const rate = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(100, 'un taux en % (0 à 100) est attendu'));

/** `indicators.json`: descriptions, then the quarterly series (one value or null per quarter). */
const INDICATORS_SCHEMA = v.pipe(
  v.object({
    version: v.literal(INDICATORS_VERSION),
    descriptions: v.array(v.object({ id: text, label: text, definition: text, unit: text, source: text, date: text, licence: text })),
    chomage: v.object({
      quarters: v.pipe(v.array(v.pipe(text, v.regex(QUARTER, 'un trimestre AAAA-Tn est attendu'))), v.minLength(1)),
      zonesEmploi: v.record(v.pipe(v.string(), v.regex(/^\d{4}$/, 'un code de zone d\'emploi à 4 chiffres est attendu')), v.array(v.nullable(rate))),
      departements: v.record(v.string(), v.object({ taux: rate, trimestre: v.pipe(text, v.regex(QUARTER, 'un trimestre AAAA-Tn est attendu')), source: text })),
      zonesEntieres: v.optional(v.array(text)),
    }),
  }),
  v.forward(
    v.check((file) => Object.values(file.chomage.zonesEmploi).every((series) => series.length === file.chomage.quarters.length), 'chaque série doit avoir une valeur par trimestre'),
    ['chomage', 'zonesEmploi'],
  ),
);

/** Reads `indicators.json`; the error names the file, the zone or field, in French. */
export function readIndicators(data: unknown): Result<IndicatorsFile> {
  const version = versionOf(FILE, data, INDICATORS_VERSION);
  if (!version.ok) return version;
  const checked = checkSchema(INDICATORS_SCHEMA, data, FILE, locateInIndicators);
  return checked.ok ? ok(checked.value as IndicatorsFile) : checked;
}

/** "zone d'emploi 3215, trimestre n° 4", or the path. */
function locateInIndicators(path: SchemaPath, data: unknown): string {
  const [first, table, code, index] = path;
  if (first === 'chomage' && table === 'zonesEmploi' && code === undefined) {
    const file = data as IndicatorsFile;
    const short = Object.entries(file.chomage.zonesEmploi).find(([, series]) => series.length !== file.chomage.quarters.length);
    return short ? `série de la zone d'emploi ${short[0]} (${short[1].length} valeurs pour ${file.chomage.quarters.length} trimestres)` : locateByPath(path, data);
  }
  if (first === 'chomage' && table === 'zonesEmploi') return `zone d'emploi ${String(code)}${typeof index === 'number' ? `, trimestre ${(data as IndicatorsFile).chomage.quarters[index] ?? `n° ${index + 1}`}` : ''}`;
  if (first === 'chomage' && table === 'departements') return `département ${String(code)}${index === undefined ? '' : `, champ « ${String(index)} »`}`;
  return locateByPath(path, data);
}

/** What to say of a zone whose rate is the whole cross-border zone's, or null. */
export function wholeZoneNote(file: IndicatorsFile, code: string): string | null {
  return (file.chomage.zonesEntieres ?? []).includes(code)
    ? "Zone à cheval sur deux régions : cette édition de l'Insee ne publie pas le taux de sa partie Hauts-de-France, c'est le taux de la zone entière qui est montré."
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
