import { fail, ok, type Result } from '../../../src/ingest/result.ts';
import type { SpelAssignment } from './commune-assignment.ts';

/**
 * Reads a replacement commune → SPEL table: CSV with header `code_commune,code_spel,nom_spel`
 * (comma or semicolon). Used when the Région publishes real SPEL perimeters.
 */
export function parseSpelTable(text: string, file: string): Result<Map<string, SpelAssignment>> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  const header = (lines[0] ?? '').split(separator).map((cell) => cell.trim());
  const columns = ['code_commune', 'code_spel', 'nom_spel'].map((name) => header.indexOf(name));
  if (columns.some((column) => column < 0)) return fail(`${file}: header must have code_commune, code_spel, nom_spel`);
  const table = new Map<string, SpelAssignment>();
  for (const [index, line] of lines.slice(1).entries()) {
    const cells = line.split(separator).map((cell) => cell.trim());
    const [commune, code, nom] = columns.map((column) => cells[column] ?? '');
    if (!commune || !code || !nom) return fail(`${file}, line ${index + 2}: empty code_commune, code_spel or nom_spel`);
    table.set(commune, { code, nom });
  }
  return ok(table);
}
