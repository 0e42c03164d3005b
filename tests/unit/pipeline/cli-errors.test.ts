import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(script: string, args: string[]): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stderr: result.stderr };
}

describe('pipeline CLIs on bad input', () => {
  it('stop on a missing input, naming the file and what was expected', () => {
    const empty = mkdtempSync(join(tmpdir(), 'cfe-sources-'));
    const { status, stderr } = run('data/pipeline/build-boundaries.ts', ['--sources', empty, '--out', empty]);
    expect(status).toBe(1);
    expect(stderr).toContain(`missing input ${join(empty, 'geo/communes-hauts-de-france.geojson')}: expected a GeoJSON FeatureCollection`);
  });

  it('stop on a malformed input, naming the file', () => {
    const sources = mkdtempSync(join(tmpdir(), 'cfe-sources-'));
    mkdirSync(join(sources, 'geo'));
    writeFileSync(join(sources, 'geo/communes-hauts-de-france.geojson'), '{"type":"FeatureCollection","features":[{"properties":{"nom":"X"}}]}');
    const { status, stderr } = run('data/pipeline/build-boundaries.ts', ['--sources', sources, '--out', sources]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/communes-hauts-de-france\.geojson: feature 0: missing property "code"/);
  });

  it('ingest exits non-zero on an unreadable file and on a file that is not LHEO', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cfe-ingest-'));
    expect(run('data/pipeline/ingest.ts', ['--format', 'lheo', '--input', join(directory, 'absent.xml'), '--out', directory])).toMatchObject({ status: 1, stderr: expect.stringContaining('cannot read') });
    writeFileSync(join(directory, 'page.xml'), '<html></html>');
    const notLheo = run('data/pipeline/ingest.ts', ['--format', 'lheo', '--input', join(directory, 'page.xml'), '--out', directory]);
    expect(notLheo.status).toBe(1);
    expect(notLheo.stderr).toContain("ce n'est pas un document LHEO");
  });
});
