/**
 * Imports a training-offer file into a dataset and its report.
 *
 *   npm run ingest -- --format lheo --input offre.xml --out DIR
 *   npm run ingest -- --format csv --input a.csv[,lookup.csv] --out DIR
 *
 * Writes DIR/trainings.json (same schema as public/data/trainings.json) and DIR/report.json.
 * Records keep their source ids (LHEO `numero`, CSV line). Exits non-zero on unreadable input.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { encodeDataset } from '../../src/domain/dataset-codec.ts';
import { importTrainingFile, type ImportInput } from '../../src/ingest/import-file.ts';
import { loadAppLocator } from './lib/app-locator.ts';
import { parseArguments, sourcesDirectory, stop } from './lib/cli.ts';
import { loadNomenclatures, NOMENCLATURE_SOURCES } from './lib/nomenclatures.ts';
import { writeOutput } from './lib/files.ts';

const options = parseArguments(process.argv.slice(2));
const format = options.get('format');
const inputs = (options.get('input') ?? '').split(',').filter(Boolean).map((path) => resolve(path));
const out = resolve(options.get('out') ?? '.');
if (format !== 'lheo' && format !== 'csv') stop('--format must be "lheo" or "csv"');
if (inputs.length === 0) stop('--input FILE is required');
for (const input of inputs) if (!existsSync(input) || !statSync(input).isFile()) stop(`cannot read ${input}: no such file`);
const first = inputs[0] ?? '';

const total = inputs.reduce((sum, path) => sum + statSync(path).size, 0);
let lastShown = -1;
const showProgress = (bytes: number) => {
  const percent = Math.floor((bytes / Math.max(total, 1)) * 100);
  if (percent >= lastShown + 5 || bytes === total) {
    lastShown = percent;
    process.stderr.write(`\r${basename(first)}: ${percent}% (${(bytes / 1e6).toFixed(1)} MB)`);
  }
};

const input: ImportInput =
  format === 'lheo'
    ? { format, name: basename(first), chunks: createReadStream(first, { highWaterMark: 1 << 20 }) }
    : { format, name: basename(first), files: inputs.map((path) => ({ file: basename(path), text: readFileSync(path, 'utf8') })) };
// The nomenclature step, as for the committed dataset, when the nomenclatures are at hand.
const sources = sourcesDirectory(options);
const nomenclatures = existsSync(join(sources, NOMENCLATURE_SOURCES.certifInfo.path)) ? (await loadNomenclatures(sources)).nomenclatures : null;
if (!nomenclatures) process.stderr.write(`note: ${sources} has no nomenclatures: trainings keep the file's own titles and ROME codes\n`);
const today = new Date().toISOString().slice(0, 10);
const result = await importTrainingFile(
  input,
  loadAppLocator(resolve('.')),
  { id: 'import', label: basename(first), file: basename(first), date: `importé le ${today}`, licence: 'selon le fichier', origin: first },
  showProgress,
  nomenclatures,
);
process.stderr.write('\n');
if (!result.ok) stop(result.error);
const { dataset, report, fileWarning } = result.value;

if (fileWarning) process.stderr.write(`warning: ${fileWarning}\n`);
writeOutput(join(out, 'trainings.json'), `${JSON.stringify(encodeDataset(dataset))}\n`);
writeOutput(join(out, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
const counts = report.sources['import'];
process.stdout.write(
  `${counts?.read ?? 0} read, ${counts?.kept ?? 0} kept, ${counts?.merged ?? 0} merged duplicates, ${counts?.rejected ?? 0} rejected; ${dataset.sites.length} sites → ${join(out, 'trainings.json')}, ${join(out, 'report.json')}\n`,
);
