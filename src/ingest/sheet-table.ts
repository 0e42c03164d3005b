import { fail, ok, type Result } from '../domain/result.ts';

/** One cell as spreadsheet readers return it. */
export type Cell = string | number | boolean | Date | null | undefined;
export type SheetRows = readonly (readonly Cell[])[];

/** A table found under banner rows: column index by code, and the data rows below the header. */
export interface SheetTable {
  /** Index of the header row (0-based) in the sheet. */
  headerRow: number;
  columns: ReadonlyMap<string, number>;
  rows: SheetRows;
}

/**
 * Finds the header row of an INSEE-style sheet: banner rows first, then French labels, then a row
 * of variable codes (`CODGEO`, `ZE2020`, …). The header is the first row holding every required code,
 * so a newer edition with more banner rows or extra columns still reads.
 * @param rows - the sheet as rows of cells
 * @param required - codes that must all appear in the header row
 * @param sheetName - used in the error message
 */
export function findSheetTable(rows: SheetRows, required: readonly string[], sheetName: string): Result<SheetTable> {
  const limit = Math.min(rows.length, 50);
  for (let index = 0; index < limit; index += 1) {
    const row = rows[index] ?? [];
    const columns = new Map<string, number>();
    row.forEach((cell, column) => {
      if (typeof cell === 'string' && cell.trim() !== '') columns.set(cell.trim(), column);
    });
    if (required.every((code) => columns.has(code))) {
      return ok({ headerRow: index, columns, rows: rows.slice(index + 1) });
    }
  }
  return fail(
    `sheet "${sheetName}": no header row with the columns ${required.join(', ')} in its first ${limit} rows`,
  );
}

/** Reads a cell as trimmed text; numbers are written without exponent, empty cells give "". */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}
