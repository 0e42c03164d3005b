/**
 * npm run bench:table — writes the README's performance table from bench/results.json (the last
 * `npm run bench`), between the `<!-- bench:start -->` and `<!-- bench:end -->` markers, so the
 * README quotes the bench exactly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { BENCH_MARKERS, renderBenchTable, type BenchResult } from './table.ts';

const table = renderBenchTable(JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResult);
const readme = readFileSync('README.md', 'utf8');
if (!BENCH_MARKERS.test(readme)) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> markers');
writeFileSync('README.md', readme.replace(BENCH_MARKERS, `$1${table}\n$2`));
process.stdout.write(`${table}\n`);
