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
import { DatasetBuilder } from '../../src/ingest/dataset-builder.ts';
import { importLheoOffer } from '../../src/ingest/lheo-import.ts';
import { readLheoStream } from '../../src/ingest/lheo-stream.ts';
import { importOpenData } from '../../src/ingest/opendata.ts';
import { unreconciledSources } from '../../src/ingest/report.ts';
import { loadAppLocator } from './lib/app-locator.ts';
import { parseArguments, stop } from './lib/cli.ts';
import { writeOutput } from './lib/files.ts';

const options = parseArguments(process.argv.slice(2));
const format = options.get('format');
const inputs = (options.get('input') ?? '').split(',').filter(Boolean).map((path) => resolve(path));
const out = resolve(options.get('out') ?? '.');
if (format !== 'lheo' && format !== 'csv') stop('--format must be "lheo" or "csv"');
if (inputs.length === 0) stop('--input FILE is required');
for (const input of inputs) if (!existsSync(input) || !statSync(input).isFile()) stop(`cannot read ${input}: no such file`);

const locator = loadAppLocator(resolve('.'));
const builder = new DatasetBuilder();
const today = new Date().toISOString().slice(0, 10);
const first = inputs[0] ?? '';
const source = { id: 'import', label: basename(first), file: basename(first), date: `importé le ${today}`, licence: 'selon le fichier', origin: first };
builder.addSource(source);

if (format === 'lheo') {
  const total = statSync(first).size;
  let lastShown = -1;
  const showProgress = (bytes: number) => {
    const percent = Math.floor((bytes / Math.max(total, 1)) * 100);
    if (percent >= lastShown + 5 || bytes === total) {
      lastShown = percent;
      process.stderr.write(`\r${basename(first)}: ${percent}% (${(bytes / 1e6).toFixed(1)} MB)`);
    }
  };
  const result = await readLheoStream(createReadStream(first, { highWaterMark: 1 << 20 }), (offer) => importLheoOffer(offer, builder, locator, source.id), showProgress);
  process.stderr.write('\n');
  if (!result.ok) stop(`${first}: ${result.error}`);
  if (result.value.error) {
    if (result.value.offers === 0) stop(`${first}: ${result.value.error}`);
    const interrupted = result.value.interrupted;
    builder.read(source.id);
    builder.reject(source.id, interrupted ? `offer ${interrupted.numero ?? '?'} at line ${interrupted.line}` : 'end of file', null, result.value.error);
    process.stderr.write(`warning: ${result.value.error}; the ${result.value.offers} offers before it were imported\n`);
  }
  process.stderr.write(`LHEO ${result.value.version ?? '(version unknown)'}, ${result.value.encoding}, ${result.value.offers} offers\n`);
} else {
  const imported = importOpenData(
    inputs.map((path) => ({ source: source.id, file: basename(path), text: readFileSync(path, 'utf8') })),
    builder,
    locator,
  );
  if (!imported.ok) stop(imported.error);
}

const { dataset, report } = builder.build();
const unreconciled = unreconciledSources(report);
if (unreconciled.length > 0) stop(`counts do not reconcile for ${unreconciled.join(', ')}`);
writeOutput(join(out, 'trainings.json'), `${JSON.stringify(encodeDataset(dataset))}\n`);
writeOutput(join(out, 'report.json'), `${JSON.stringify(report, null, 1)}\n`);
const counts = report.sources[source.id];
process.stdout.write(
  `${counts?.read ?? 0} read, ${counts?.kept ?? 0} kept, ${counts?.merged ?? 0} merged duplicates, ${counts?.rejected ?? 0} rejected; ${dataset.sites.length} sites → ${join(out, 'trainings.json')}, ${join(out, 'report.json')}\n`,
);
