import { parseCsv } from '../../../src/ingest/csv.ts';
import { fail, ok, type Result } from '../../../src/domain/result.ts';
import type { SpelAssignment } from './commune-assignment.ts';

/**
 * Reads a replacement commune → SPEL table: CSV with header `code_commune,code_spel,nom_spel`
 * (comma or semicolon, quoted fields allowed). Used when the Région publishes real SPEL perimeters.
 */
export function parseSpelTable(text: string, file: string): Result<Map<string, SpelAssignment>> {
  const [header, ...rows] = parseCsv(text);
  const names = (header?.cells ?? []).map((cell) => cell.trim());
  const columns = ['code_commune', 'code_spel', 'nom_spel'].map((name) => names.indexOf(name));
  if (columns.some((column) => column < 0)) return fail(`${file}: header must have code_commune, code_spel, nom_spel`);
  const table = new Map<string, SpelAssignment>();
  for (const row of rows) {
    const [commune, code, nom] = columns.map((column) => (row.cells[column] ?? '').trim());
    if (!commune || !code || !nom) return fail(`${file}, line ${row.line}: empty code_commune, code_spel or nom_spel`);
    table.set(commune, { code, nom });
  }
  return ok(table);
}
