import type { IndicatorDescription, IndicatorsFile } from '../domain/indicators.ts';
import { INDICATORS_VERSION } from '../domain/indicators.ts';
import type { UnemploymentTable } from './insee-unemployment.ts';

export interface IndicatorsReport {
  sources: Record<string, { read: number; kept: number; rejected: number }>;
  rejected: { source: string; record: string; field: string | null; reason: string }[];
  /** What the import did that a reader must know (a whole zone's rate used for its regional part). */
  notes: { zone: string; note: string }[];
}

/**
 * The zones the app draws and the code of their row in INSEE's tables: a zone d'emploi of the
 * region (3201–3222) is its own row; a cross-border zone (0054, 0058) is drawn as its regional
 * part, whose row is the ZER2020 code `32XX` (INSEE: "RRXX where RR is the region").
 */
export function sourceCodeOf(zone: { code: string; partieRegionale?: boolean }, regionCode = '32'): string {
  return zone.partieRegionale ? `${regionCode}${zone.code.slice(2)}` : zone.code;
}

/**
 * Builds the unemployment indicator from one or more read tables (a workbook's two sheets, or a
 * CSV): every row of a zone the app draws is kept, every other row is reported as outside the
 * region, every unreadable cell as such. Quarters of all tables are merged in time order. A
 * cross-border zone whose regional part has no row (a later edition's single table) takes its
 * whole zone's rate, listed in `zonesEntieres` and in the report's notes; it never fails the file.
 */
export function buildUnemploymentIndicator(
  tables: readonly { source: string; table: UnemploymentTable }[],
  zones: readonly { code: string; partieRegionale?: boolean }[],
  departements: IndicatorsFile['chomage']['departements'],
  descriptions: IndicatorDescription[],
): { file: IndicatorsFile; report: IndicatorsReport } {
  const report: IndicatorsReport = { sources: {}, rejected: [], notes: [] };
  const wanted = new Map(zones.map((zone) => [sourceCodeOf(zone), zone.code]));
  // A later edition as one table: the cross-border zones appear whole, without their regional part.
  // Then the whole zone's row stands for the part the map draws, and the file says so.
  const rowCodes = new Set(tables.flatMap(({ table }) => table.rows.map((row) => row.code)));
  const wholeZone: string[] = [];
  for (const zone of zones) {
    if (!zone.partieRegionale || rowCodes.has(sourceCodeOf(zone)) || !rowCodes.has(zone.code)) continue;
    wanted.set(zone.code, zone.code);
    wholeZone.push(zone.code);
    report.notes.push({ zone: zone.code, note: `pas de ligne pour la partie régionale (${sourceCodeOf(zone)}) : le taux de la zone entière ${zone.code} est utilisé` });
  }
  const quarters = [...new Set(tables.flatMap(({ table }) => table.quarters))].sort();
  const series: Record<string, (number | null)[]> = {};
  for (const { source, table } of tables) {
    const counts = (report.sources[source] ??= { read: 0, kept: 0, rejected: 0 });
    for (const problem of table.problems) {
      report.rejected.push({ source, ...problem });
      // A note or total row is a row read and rejected; an unreadable cell is not a row.
      if (problem.field === 'code') {
        counts.read += 1;
        counts.rejected += 1;
      }
    }
    for (const row of table.rows) {
      counts.read += 1;
      const zone = wanted.get(row.code);
      if (!zone) {
        counts.rejected += 1;
        report.rejected.push({ source, record: row.record, field: 'code', reason: `zone ${row.code} ${row.label} hors des Hauts-de-France` });
        continue;
      }
      const values = quarters.map((quarter) => {
        const column = table.quarters.indexOf(quarter);
        return column < 0 ? null : (row.values[column] ?? null);
      });
      const known = series[zone];
      // The same zone in two tables: each quarter keeps the first value found.
      series[zone] = known ? known.map((value, index) => value ?? values[index] ?? null) : values;
      counts.kept += 1;
    }
  }
  return { file: { version: INDICATORS_VERSION, descriptions, chomage: { quarters, zonesEmploi: series, departements, ...(wholeZone.length > 0 ? { zonesEntieres: wholeZone } : {}) } }, report };
}
