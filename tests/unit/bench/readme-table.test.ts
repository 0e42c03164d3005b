import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderBenchTable, type BenchResult } from '../../../bench/table.ts';

describe('README performance table', () => {
  it('quotes the last `npm run bench` exactly (bench/results.json)', () => {
    const result = JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResult;
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`<!-- bench:start -->\n${renderBenchTable(result)}\n<!-- bench:end -->`);
    expect(result.zoneAt.sameAnswers).toBe(true);
  });
});
