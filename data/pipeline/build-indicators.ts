/**
 * Indicators pipeline: INSEE's localized unemployment workbook (or a CSV export, or a later
 * edition) → public/data/indicators.json and data/indicators-report.json.
 *
 * Usage: npm run data:indicators -- [--unemployment FILE.xlsx|FILE.csv] [--sources DIR] [--out DIR]
 * - With --unemployment FILE (the contract of issue #10): imports that file and writes
 *   DIR/indicators.json and its report beside it, DIR/indicators-report.json.
 * - Without it (the pipeline, `npm run data`): imports the latest edition held in
 *   ../shared/sources/insee (INSEE revises the whole series each quarter: a newer edition replaces
 *   the series, it is not appended) and writes DIR/public/data/indicators.json and
 *   DIR/data/indicators-report.json.
 */
import { basename, extname, join, resolve } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { IndicatorDescription, IndicatorsFile } from '../../src/domain/indicators.ts';
import type { ZoneProperties } from '../../src/domain/zones.ts';
import { parseCsv } from '../../src/ingest/csv.ts';
import { buildUnemploymentIndicator } from '../../src/ingest/indicators-import.ts';
import { readUnemploymentTable, type UnemploymentTable } from '../../src/ingest/insee-unemployment.ts';
import type { SheetRows } from '../../src/ingest/sheet-table.ts';
import { parseArguments, sourcesDirectory, stop } from './lib/cli.ts';
import { readInputBuffer, readInputJson, writeOutput } from './lib/files.ts';

const options = parseArguments(process.argv.slice(2));
const sources = sourcesDirectory(options);
const outRoot = resolve(options.get('out') ?? '.');
const fileMode = options.has('unemployment');

/** The sheets (or the CSV) of a file that hold rates: every table with quarter headings. */
async function readEdition(path: string): Promise<{ source: string; table: UnemploymentTable }[]> {
  const name = basename(path);
  const tables: { source: string; table: UnemploymentTable }[] = [];
  const buffer = readInputBuffer(path, "INSEE's localized unemployment workbook (xlsx) or its CSV export");
  if (extname(path).toLowerCase() === '.csv') {
    const rows: SheetRows = parseCsv(buffer.toString('utf8')).map((row) => row.cells);
    const table = readUnemploymentTable(rows, name);
    if (!table.ok) stop(table.error);
    return [{ source: name, table: table.value }];
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    stop(`${path}: not a readable xlsx workbook (${(error as Error).message})`);
  }
  const errors: string[] = [];
  for (const { sheet, data } of sheets) {
    const table = readUnemploymentTable(data as SheetRows, sheet);
    if (table.ok) tables.push({ source: `${name} / ${sheet}`, table: table.value });
    else errors.push(table.error);
  }
  if (tables.length === 0) stop(`${path}: ${errors.join(' ; ')}`);
  return tables;
}

const lastQuarterOf = (tables: readonly { table: UnemploymentTable }[]) => [...new Set(tables.flatMap(({ table }) => table.quarters))].sort().at(-1) ?? '';
// The file asked for, else the latest edition held (the one whose series goes furthest).
let workbook: string;
let tables: { source: string; table: UnemploymentTable }[];
if (fileMode) {
  workbook = resolve(options.get('unemployment') ?? '');
  tables = await readEdition(workbook);
} else {
  const folder = join(sources, 'insee');
  const editions = (existsSync(folder) ? readdirSync(folder) : []).filter((name) => /^chomage-zone-.*\.(xlsx|csv)$/i.test(name)).sort();
  if (editions.length === 0) stop(`${folder}: no INSEE unemployment edition (chomage-zone-*.xlsx or .csv)`);
  const read = await Promise.all(editions.map(async (name) => ({ path: join(folder, name), tables: await readEdition(join(folder, name)) })));
  const latest = read.sort((a, b) => lastQuarterOf(b.tables).localeCompare(lastQuarterOf(a.tables)) || a.path.localeCompare(b.path))[0];
  if (!latest) stop(`${folder}: no readable edition`);
  workbook = latest.path;
  tables = latest.tables;
  for (const other of read.slice(1)) process.stdout.write(`${basename(other.path)}: an older edition (to ${lastQuarterOf(other.tables)}), replaced by ${basename(workbook)}\n`);
}
const fileName = basename(workbook);

// The zones the app draws, from the boundaries the pipeline built.
const rebuilt = join(outRoot, 'public/geo/hauts-de-france.topo.json');
// The boundaries rebuilt in the output folder when there are some (npm run data), else the committed ones.
const topologyPath = existsSync(rebuilt) ? rebuilt : resolve('public/geo/hauts-de-france.topo.json');
const topology = readInputJson(topologyPath, 'the zonings topology (run npm run data:geo first)') as Topology;
const zoneObject = topology.objects?.['zones_emploi'];
if (!zoneObject) stop(`${topologyPath}: no "zones_emploi" object`);
const zones = (feature(topology, zoneObject) as unknown as { features: { properties: ZoneProperties }[] }).features.map((item) => item.properties);

const departements: IndicatorsFile['chomage']['departements'] = {};
for (const row of parseCsv(readFileSync('data/sources/unemployment-departements.csv', 'utf8')).slice(1)) {
  const [code, , niveau, trimestre, taux, source] = row.cells;
  // The latest quarter of each département.
  if (niveau === 'departement' && code && trimestre && taux && source && (departements[code]?.trimestre ?? '') < trimestre) departements[code] = { taux: Number(taux), trimestre, source };
}

const lastQuarter = lastQuarterOf(tables);
const descriptions: IndicatorDescription[] = [
  {
    id: 'chomage',
    label: 'Taux de chômage localisé',
    definition: 'Rapport (en %) entre une estimation du nombre de chômeurs et la population active estimée au lieu de résidence, en moyenne trimestrielle, données corrigées des variations saisonnières.',
    unit: '%',
    source: `Insee, estimations de taux de chômage localisés (${fileName})`,
    date: `2003-T1 à ${lastQuarter}`,
    licence: 'Licence Ouverte (Insee)',
  },
  {
    id: 'chomage-departement',
    label: 'Taux de chômage par département',
    definition: 'Taux de chômage localisé du département au trimestre indiqué.',
    unit: '%',
    source: 'DREETS Hauts-de-France (table de faits data/sources/unemployment-departements.csv)',
    date: [...new Set(Object.values(departements).map((item) => item.trimestre))].join(', '),
    licence: 'faits tirés d’une publication publique, avec leur source',
  },
];
const { file, report } = buildUnemploymentIndicator(tables, zones, departements, descriptions);
// Said with the indicator: which zones show their whole zone's rate, and why.
const chomage = file.descriptions.find((item) => item.id === 'chomage');
if (chomage && report.notes.length > 0) chomage.definition += ` Zones ${report.notes.map((item) => item.zone).join(' et ')} (à cheval sur deux régions) : cette édition ne publie pas leur partie Hauts-de-France, le taux montré est celui de la zone entière.`;
const missing = zones.filter((zone) => !file.chomage.zonesEmploi[zone.code]);
if (missing.length > 0) stop(`${workbook}: no unemployment series for the zones ${missing.map((zone) => zone.code).join(', ')}`);
const filePath = fileMode ? join(outRoot, 'indicators.json') : join(outRoot, 'public/data/indicators.json');
const reportPath = fileMode ? join(outRoot, 'indicators-report.json') : join(outRoot, 'data/indicators-report.json');
const written = writeOutput(filePath, `${JSON.stringify(file)}\n`);
writeOutput(reportPath, `${JSON.stringify(report, null, 1)}\n`);
for (const item of report.notes) process.stdout.write(`note: zone ${item.zone}: ${item.note}\n`);
process.stdout.write(`${filePath}: ${(written.bytes / 1024).toFixed(1)} KB, ${(written.gzipBytes / 1024).toFixed(1)} KB gzipped; ${Object.keys(file.chomage.zonesEmploi).length} zones, ${file.chomage.quarters.length} quarters (${file.chomage.quarters[0] ?? ''} → ${lastQuarter})\n`);
for (const [source, counts] of Object.entries(report.sources)) process.stdout.write(`${source}: ${counts.read} rows read, ${counts.kept} kept, ${counts.rejected} reported\n`);
