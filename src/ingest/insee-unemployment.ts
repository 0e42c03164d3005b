import { fail, ok, type Result } from '../domain/result.ts';
import { cellText, type SheetRows } from './sheet-table.ts';

/** A quarter as `YYYY-Tn`. */
export type Quarter = string;

export interface UnemploymentRow {
  /** Zone code as the source writes it (ZE2020 `3215`, or a regional part ZER2020 `3254`). */
  code: string;
  label: string;
  /** Rate per quarter, in the order of `quarters`; null where the cell is empty or not a number. */
  values: (number | null)[];
  /** Where the row is, for reports: `"<sheet> ligne N"`. */
  record: string;
}

export interface UnemploymentTable {
  quarters: Quarter[];
  rows: UnemploymentRow[];
  /** Rows and cells that could not be read, each with its reason. */
  problems: { record: string; field: string | null; reason: string }[];
}

/**
 * Reads a quarter heading in the forms INSEE and its users write: `2003-T1`, `2003 T1`, `T1 2003`,
 * `1er trimestre 2003`, `2e trimestre 2003`. Returns `YYYY-Tn`, or null.
 */
export function readQuarter(text: string): Quarter | null {
  const value = text.trim().toLowerCase();
  const yearFirst = /^(\d{4})\s*[-/ ]?\s*t\s*([1-4])$/.exec(value);
  if (yearFirst) return `${yearFirst[1]}-T${yearFirst[2]}`;
  const quarterFirst = /^t\s*([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(value) ?? /^([1-4])\s*(?:er|e|ème|eme)?\s+trimestre\s+(\d{4})$/.exec(value);
  if (quarterFirst) return `${quarterFirst[2]}-T${quarterFirst[1]}`;
  return null;
}

/** A zone code: 4 digits as text, or a number cell, which loses its leading zeros (54 → `0054`). */
function readZoneCode(cell: unknown): string | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell > 0 && cell < 10_000 ? String(cell).padStart(4, '0') : null;
  const text = cellText(cell as never);
  return /^\d{4}$/.test(text) ? text : null;
}

/** A rate: a number cell, or text with a decimal comma or point ("10,6"). */
function readRate(cell: unknown): { value: number | null; invalid: string | null } {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, invalid: null } : { value: null, invalid: String(cell) };
  const text = cellText(cell as never);
  if (text === '') return { value: null, invalid: null };
  const normalised = text.replace(/\s/g, '').replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(normalised)) return { value: Number(normalised), invalid: null };
  return { value: null, invalid: text };
}

const MIN_QUARTERS = 2;

/**
 * Reads an INSEE localized unemployment sheet (or a CSV export of it) by its content, not by
 * fixed offsets: the header is the first row with quarter headings (codes `2003-T1` or French
 * labels "1er trimestre 2003"); a second heading row just below (labels then codes) is skipped;
 * the zone code column is the one whose cells below are 4-digit codes; the label column is the
 * first other column holding text. Extra or missing columns and more quarters are read as they
 * come. A cell that is not a number is left empty and reported.
 * @param sheet - the sheet's name, for messages
 */
export function readUnemploymentTable(rows: SheetRows, sheet: string): Result<UnemploymentTable> {
  const limit = Math.min(rows.length, 60);
  let headerIndex = -1;
  let quarterColumns: { column: number; quarter: Quarter }[] = [];
  for (let index = 0; index < limit; index += 1) {
    const found = (rows[index] ?? []).flatMap((cell, column) => {
      const quarter = readQuarter(cellText(cell));
      return quarter ? [{ column, quarter }] : [];
    });
    if (found.length >= MIN_QUARTERS) {
      headerIndex = index;
      quarterColumns = found;
      break;
    }
  }
  if (headerIndex < 0) {
    return fail(`${sheet} : aucune ligne d'en-tête avec des trimestres (« 2003-T1 » ou « 1er trimestre 2003 ») dans les ${limit} premières lignes`);
  }
  let firstData = headerIndex + 1;
  const next = rows[firstData] ?? [];
  if (quarterColumns.filter(({ column }) => readQuarter(cellText(next[column])) !== null).length >= MIN_QUARTERS) firstData += 1;
  const dataRows = rows.slice(firstData);
  const quarterSet = new Set(quarterColumns.map(({ column }) => column));
  const width = Math.max(0, ...rows.slice(headerIndex, headerIndex + 2).map((row) => row.length), ...dataRows.slice(0, 20).map((row) => row.length));
  const candidates = Array.from({ length: width }, (_, column) => column).filter((column) => !quarterSet.has(column));
  const share = (column: number, test: (cell: unknown) => boolean) => {
    const sample = dataRows.slice(0, 50).filter((row) => cellText(row[column]) !== '');
    return sample.length === 0 ? 0 : sample.filter((row) => test(row[column])).length / sample.length;
  };
  const codeColumn = candidates.find((column) => share(column, (cell) => readZoneCode(cell) !== null) >= 0.6);
  if (codeColumn === undefined) return fail(`${sheet} : aucune colonne de codes de zones d'emploi (4 chiffres) à côté des trimestres`);
  const labelColumn = candidates.find((column) => column !== codeColumn && share(column, (cell) => typeof cell === 'string' && readZoneCode(cell) === null && cellText(cell as never).length > 2) >= 0.8);
  const problems: UnemploymentTable['problems'] = [];
  const table: UnemploymentRow[] = [];
  for (const [offset, row] of dataRows.entries()) {
    const record = `${sheet} ligne ${firstData + offset + 1}`;
    if (row.every((cell) => cellText(cell) === '')) continue;
    const code = readZoneCode(row[codeColumn]);
    if (!code) {
      problems.push({ record, field: 'code', reason: `« ${cellText(row[codeColumn]) || '(vide)'} » n'est pas un code de zone d'emploi : ligne de note ou de total, ignorée` });
      continue;
    }
    const values = quarterColumns.map(({ column, quarter }) => {
      const rate = readRate(row[column]);
      if (rate.invalid !== null) problems.push({ record, field: quarter, reason: `« ${rate.invalid} » n'est pas un taux : laissé vide` });
      return rate.value;
    });
    table.push({ code, label: labelColumn === undefined ? '' : cellText(row[labelColumn]), values, record });
  }
  return ok({ quarters: quarterColumns.map(({ quarter }) => quarter), rows: table, problems });
}
