/**
 * Reader of France Travail's "Besoins en main-d'œuvre" (BMO) open-data file, as published: one
 * row per métier (FAP 2021, 228 level) × bassin d'emploi, counts given as text, `*` where the
 * survey withholds a figure (statistical secrecy). The sheet and its header row are found by
 * their content, and the bassin columns by their pattern (`BE24`/`NOMBE24` in 2024, `BE25`… in a
 * later survey), so another year reads with the same code. Pure: sheets in, rows out.
 */
import { fail, ok, type Result } from '../domain/result.ts';
import { collapseSpaces } from '../domain/text.ts';
import { cellText, type SheetRows } from './sheet-table.ts';

export interface BmoRow {
  /** Line in the sheet (1-based), for the report. */
  line: number;
  annee: number | null;
  /** FAP 2021 code at the 228 level (`Code métier BMO`). */
  metier: string;
  metierLibelle: string;
  famille: string;
  familleLibelle: string;
  region: string;
  departement: string;
  bassin: string;
  bassinLibelle: string;
  /** Hiring projects; null when withheld (`*`): unknown, never zero. */
  projets: number | null;
  difficiles: number | null;
  saisonniers: number | null;
}

export interface BmoProblem {
  record: string;
  field: string;
  reason: string;
}

export interface BmoTable {
  sheet: string;
  /** The bassin column's survey year suffix (`24`), read from its name. */
  millesime: string;
  rows: BmoRow[];
  problems: BmoProblem[];
  /** Rows read, and rows of other regions (read, not kept): rows read = kept + problems + other regions. */
  read: number;
  otherRegions: number;
}

const REQUIRED = ['Code métier BMO', 'Nom métier BMO', 'REG', 'met', 'xmet', 'smet'] as const;

/** A count as the survey writes it: digits (text or number) → number; `*` or empty → null (withheld). */
export function readBmoCount(value: unknown): { value: number | null; withheld: boolean; valid: boolean } {
  const text = cellText(value as never).replace(/\s/g, '');
  if (text === '*' || text === '') return { value: null, withheld: true, valid: true };
  if (/^\d+$/.test(text)) return { value: Number(text), withheld: false, valid: true };
  if (/^\d+[.,]0+$/.test(text)) return { value: Number(text.split(/[.,]/)[0]), withheld: false, valid: true };
  return { value: null, withheld: false, valid: false };
}

/**
 * Finds the BMO table among the sheets of a workbook (or the one table of a CSV) and reads it.
 * @param region - keep only this region's rows (`32` for Hauts-de-France), or null for all
 */
export function readBmo(sheets: readonly { sheet: string; data: SheetRows }[], region: string | null = '32'): Result<BmoTable> {
  for (const { sheet, data } of sheets) {
    const limit = Math.min(data.length, 30);
    for (let headerRow = 0; headerRow < limit; headerRow += 1) {
      const header = (data[headerRow] ?? []).map((cell) => cellText(cell));
      const columns = new Map(header.map((name, column) => [name, column]));
      if (!REQUIRED.every((name) => columns.has(name))) continue;
      const bassinColumn = header.find((name) => /^BE\d{2}$/.test(name));
      if (!bassinColumn) return fail(`${sheet} : pas de colonne de bassin (BE24, BE25…) dans l'en-tête de la ligne ${headerRow + 1}`);
      const millesime = bassinColumn.slice(2);
      const get = (row: readonly unknown[], name: string) => row[columns.get(name) ?? -1];
      const rows: BmoRow[] = [];
      const problems: BmoProblem[] = [];
      let read = 0;
      let otherRegions = 0;
      data.slice(headerRow + 1).forEach((row, offset) => {
        const line = headerRow + 2 + offset;
        const record = `${sheet} ligne ${line}`;
        const metier = cellText(get(row, 'Code métier BMO') as never);
        const reg = cellText(get(row, 'REG') as never).padStart(2, '0');
        if (metier === '' && row.every((cell) => cellText(cell as never) === '')) return;
        read += 1;
        if (region !== null && reg !== region) {
          otherRegions += 1;
          return;
        }
        const bassin = cellText(get(row, bassinColumn) as never);
        if (!/^[A-Z0-9]{3,6}$/.test(metier)) {
          problems.push({ record, field: 'Code métier BMO', reason: `« ${metier} » n'est pas un code FAP` });
          return;
        }
        if (!/^\d{3,4}$/.test(bassin)) {
          problems.push({ record, field: bassinColumn, reason: `« ${bassin} » n'est pas un code de bassin` });
          return;
        }
        const counts = (['met', 'xmet', 'smet'] as const).map((name) => ({ name, count: readBmoCount(get(row, name)) }));
        const invalid = counts.find((item) => !item.count.valid);
        if (invalid) {
          problems.push({ record, field: invalid.name, reason: `« ${cellText(get(row, invalid.name) as never)} » n'est ni un nombre ni « * » (secret statistique)` });
          return;
        }
        const annee = Number.parseInt(cellText(get(row, 'annee') as never), 10);
        rows.push({
          line,
          annee: Number.isFinite(annee) ? annee : null,
          metier,
          metierLibelle: collapseSpaces(cellText(get(row, 'Nom métier BMO') as never)),
          famille: cellText(get(row, 'Famille_met') as never),
          familleLibelle: collapseSpaces(cellText(get(row, 'Lbl_fam_met') as never)),
          region: reg,
          departement: cellText(get(row, 'Dept') as never),
          bassin: bassin.padStart(4, '0'),
          bassinLibelle: collapseSpaces(cellText(get(row, `NOM${bassinColumn}`) as never)),
          projets: counts[0]?.count.value ?? null,
          difficiles: counts[1]?.count.value ?? null,
          saisonniers: counts[2]?.count.value ?? null,
        });
      });
      return ok({ sheet, millesime, rows, problems, read, otherRegions });
    }
  }
  return fail(`aucune feuille ne contient l'en-tête du fichier BMO (colonnes ${REQUIRED.join(', ')} et un code de bassin BE24, BE25…)`);
}
