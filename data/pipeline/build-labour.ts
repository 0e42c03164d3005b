/**
 * Hiring needs pipeline: France Travail's BMO survey (national open-data file, xlsx or a CSV
 * re-save) → the app's figures per métier × bassin d'emploi of Hauts-de-France, each métier with
 * its ROME codes (DARES FAP ↔ ROME), and a report of every row kept or reported.
 *
 * Usage: npm run data:labour -- [--bmo FILE.xlsx|FILE.csv] [--sources DIR] [--out DIR]
 * - With --bmo FILE: writes DIR/bmo.json and DIR/bmo-report.json.
 * - Without it (the pipeline, `npm run data`): reads ../shared/sources/labour/Base_open_data_BMO_2024.xlsx
 *   and writes DIR/public/data/bmo.json and DIR/data/bmo-report.json.
 */
import { basename, extname, join, resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { encodeLabour, type BmoFigure, type BmoMetier } from '../../src/domain/labour.ts';
import { readBmo } from '../../src/ingest/bmo.ts';
import { parseCsv } from '../../src/ingest/csv.ts';
import { decodeNomenclature, readDaresRomeFap, readFapLevels } from '../../src/ingest/nomenclatures.ts';
import type { SheetRows } from '../../src/ingest/sheet-table.ts';
import { parseArguments, sourcesDirectory, stop } from './lib/cli.ts';
import { readInputBuffer, writeOutput } from './lib/files.ts';
import { NOMENCLATURE_SOURCES } from './lib/nomenclatures.ts';

const options = parseArguments(process.argv.slice(2));
const sources = sourcesDirectory(options);
const outRoot = resolve(options.get('out') ?? '.');
const fileMode = options.has('bmo');
const path = resolve(options.get('bmo') ?? join(sources, NOMENCLATURE_SOURCES.bmo.path));
const name = basename(path);
const buffer = readInputBuffer(path, "France Travail's BMO survey file (xlsx, or a CSV re-save)");

let sheets: { sheet: string; data: SheetRows }[];
if (extname(path).toLowerCase() === '.csv') {
  const decoded = decodeNomenclature(buffer, name, 'iso-8859-1');
  if (!decoded.ok) stop(decoded.error);
  sheets = [{ sheet: name, data: parseCsv(decoded.value).map((row) => row.cells) }];
} else {
  try {
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: SheetRows }[];
  } catch (error) {
    stop(`${path}: not a readable xlsx workbook (${(error as Error).message})`);
  }
}
const table = readBmo(sheets, '32');
if (!table.ok) stop(`${name} : ${table.error}`);

// Each FAP 228 métier → its ROME codes, through the DARES tables (FAP 341 → 228; ROME → FAP 341).
const text = (source: { path: string; file: string; label: string }, encoding: 'utf-8' | 'iso-8859-1' = 'utf-8') => {
  const decoded = decodeNomenclature(readInputBuffer(join(sources, source.path), source.label), source.file, encoding);
  return decoded.ok ? decoded.value : stop(decoded.error);
};
const levels = readFapLevels(text(NOMENCLATURE_SOURCES.fap), NOMENCLATURE_SOURCES.fap.file);
const dares = readDaresRomeFap(text(NOMENCLATURE_SOURCES.dares, 'iso-8859-1'), NOMENCLATURE_SOURCES.dares.file);
if (!levels.ok) stop(levels.error);
if (!dares.ok) stop(dares.error);
const romesOf = new Map<string, string[]>();
for (const link of dares.value) {
  const fap228 = levels.value.get(link.fap341)?.fap228;
  if (!fap228) continue;
  const list = romesOf.get(fap228) ?? [];
  if (!list.includes(link.rome)) list.push(link.rome);
  romesOf.set(fap228, list);
}

const metiers = new Map<string, BmoMetier>();
const bassins: Record<string, BmoFigure[]> = {};
const withheld = { projets: 0, difficiles: 0, saisonniers: 0 };
const unlinked = new Set<string>();
for (const row of table.value.rows) {
  if (!metiers.has(row.metier)) {
    const romes = (romesOf.get(row.metier) ?? []).sort();
    if (romes.length === 0) unlinked.add(row.metier);
    metiers.set(row.metier, { code: row.metier, libelle: row.metierLibelle, famille: row.famille, familleLibelle: row.familleLibelle, romes });
  }
  (bassins[row.bassin] ??= []).push({ metier: row.metier, projets: row.projets, difficiles: row.difficiles, saisonniers: row.saisonniers });
  for (const key of ['projets', 'difficiles', 'saisonniers'] as const) if (row[key] === null) withheld[key] += 1;
}
const annee = table.value.rows.find((row) => row.annee !== null)?.annee ?? 2000 + Number(table.value.millesime);
const file = {
  version: 1,
  source: `France Travail, enquête Besoins en main-d'œuvre ${annee} (${name})`,
  licence: 'Licence Ouverte 2.0',
  annee,
  metiers: [...metiers.values()].sort((a, b) => a.code.localeCompare(b.code)),
  bassins: Object.fromEntries(Object.entries(bassins).sort(([a], [b]) => a.localeCompare(b))),
};
const kept = table.value.rows.length;
const report = {
  sources: { [name]: { read: table.value.read, kept, rejected: table.value.problems.length, otherRegions: table.value.otherRegions } },
  rejected: table.value.problems.map((problem) => ({ source: name, ...problem })),
  withheld,
  metiersWithoutRome: [...unlinked].sort(),
  totals: { projets: table.value.rows.reduce((sum, row) => sum + (row.projets ?? 0), 0) },
};
if (table.value.read !== kept + table.value.problems.length + table.value.otherRegions) stop(`${name}: rows do not reconcile (read ≠ kept + reported + other regions)`);
const filePath = fileMode ? join(outRoot, 'bmo.json') : join(outRoot, 'public/data/bmo.json');
const reportPath = fileMode ? join(outRoot, 'bmo-report.json') : join(outRoot, 'data/bmo-report.json');
const written = writeOutput(filePath, `${JSON.stringify(encodeLabour(file))}\n`);
writeOutput(reportPath, `${JSON.stringify(report, null, 1)}\n`);
process.stdout.write(`${fileMode ? filePath : 'public/data/bmo.json'}: ${(written.gzipBytes / 1024).toFixed(1)} KB gzipped; ${kept} rows of Hauts-de-France (${Object.keys(bassins).length} bassins, ${metiers.size} métiers, ${report.totals.projets} hiring projects), ${table.value.otherRegions} rows of other regions, ${table.value.problems.length} reported; withheld: ${JSON.stringify(withheld)}\n`);
