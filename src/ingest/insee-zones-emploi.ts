import { cellText, findSheetTable, type SheetRows } from './sheet-table.ts';
import { fail, ok, type Result } from '../domain/result.ts';

export interface ZoneEmploiComposition {
  /** Commune code (INSEE COG of the workbook's geography). */
  commune: string;
  zoneEmploi: string;
  libelle: string;
  /** `0054-32` for the regional part of a cross-border zone, else undefined. */
  partieRegionale?: string;
  departement: string;
  region: string;
}

/**
 * Reads the `Composition_communale` sheet of INSEE's "Zones d'emploi 2020" workbook.
 * Columns are found by their codes (CODGEO, ZE2020, LIBZE2020, ZE2020_PARTIE_REG, DEP, REG), so a
 * newer edition of the same layout reads too.
 * @param rows - the sheet's rows
 * @returns one record per commune, or an error naming the missing column or the bad row
 */
export function parseZoneEmploiComposition(rows: SheetRows): Result<ZoneEmploiComposition[]> {
  const sheet = 'Composition_communale';
  const table = findSheetTable(rows, ['CODGEO', 'ZE2020', 'LIBZE2020', 'DEP', 'REG'], sheet);
  if (!table.ok) return table;
  const { columns, headerRow } = table.value;
  const column = (code: string): number => columns.get(code) ?? -1;
  const records: ZoneEmploiComposition[] = [];
  for (const [offset, row] of table.value.rows.entries()) {
    const commune = cellText(row[column('CODGEO')]);
    if (commune === '') continue;
    const zoneEmploi = cellText(row[column('ZE2020')]);
    if (!/^\d{4}$/.test(zoneEmploi)) {
      return fail(`sheet "${sheet}", row ${headerRow + offset + 2}: commune ${commune} has ZE2020 "${zoneEmploi}", expected 4 digits`);
    }
    const partie = columns.has('ZE2020_PARTIE_REG') ? cellText(row[column('ZE2020_PARTIE_REG')]) : '';
    records.push({
      commune,
      zoneEmploi,
      libelle: cellText(row[column('LIBZE2020')]),
      ...(partie !== '' ? { partieRegionale: partie } : {}),
      departement: cellText(row[column('DEP')]),
      region: cellText(row[column('REG')]),
    });
  }
  if (records.length === 0) return fail(`sheet "${sheet}": no commune rows under the header`);
  return ok(records);
}
