/**
 * Indicators pipeline: INSEE's localized unemployment workbook (or a CSV export, or a later
 * edition) → public/data/indicators.json and data/indicators-report.json.
 *
 * Usage: npm run data:indicators -- [--unemployment FILE.xlsx|FILE.csv] [--sources DIR] [--out DIR]
 * With no --unemployment, reads ../shared/sources/insee/chomage-zone-t1-2003-t3-2023.xlsx.
 */
import { extname, join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
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
const workbook = resolve(options.get('unemployment') ?? join(sources, 'insee/chomage-zone-t1-2003-t3-2023.xlsx'));
const fileName = workbook.split('/').at(-1) ?? workbook;

// The sheets (or the CSV) that hold rates: every table with quarter headings is read.
const tables: { source: string; table: UnemploymentTable }[] = [];
const buffer = readInputBuffer(workbook, "INSEE's localized unemployment workbook (xlsx) or its CSV export");
if (extname(workbook).toLowerCase() === '.csv') {
  const rows: SheetRows = parseCsv(buffer.toString('utf8')).map((row) => row.cells);
  const table = readUnemploymentTable(rows, fileName);
  if (!table.ok) stop(table.error);
  tables.push({ source: fileName, table: table.value });
} else {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(buffer)) as { sheet: string; data: unknown[][] }[];
  } catch (error) {
    stop(`${workbook}: not a readable xlsx workbook (${(error as Error).message})`);
  }
  const errors: string[] = [];
  for (const { sheet, data } of sheets) {
    const table = readUnemploymentTable(data as SheetRows, sheet);
    if (table.ok) tables.push({ source: `${fileName} / ${sheet}`, table: table.value });
    else errors.push(table.error);
  }
  if (tables.length === 0) stop(`${workbook}: ${errors.join(' ; ')}`);
}

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

const lastQuarter = [...new Set(tables.flatMap(({ table }) => table.quarters))].sort().at(-1) ?? '';
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
const missing = zones.filter((zone) => !file.chomage.zonesEmploi[zone.code]);
if (missing.length > 0) stop(`${workbook}: no unemployment series for the zones ${missing.map((zone) => zone.code).join(', ')}`);
const written = writeOutput(join(outRoot, 'public/data/indicators.json'), `${JSON.stringify(file)}\n`);
writeOutput(join(outRoot, 'data/indicators-report.json'), `${JSON.stringify(report, null, 1)}\n`);
process.stdout.write(`public/data/indicators.json: ${(written.bytes / 1024).toFixed(1)} KB, ${(written.gzipBytes / 1024).toFixed(1)} KB gzipped; ${Object.keys(file.chomage.zonesEmploi).length} zones, ${file.chomage.quarters.length} quarters (${file.chomage.quarters[0] ?? ''} → ${lastQuarter})\n`);
for (const [source, counts] of Object.entries(report.sources)) process.stdout.write(`${source}: ${counts.read} rows read, ${counts.kept} kept, ${counts.rejected} reported\n`);
