import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each test starts one or two Node processes (tsx compiles the script first): about 2 s each on a
// busy 2-core machine, so vitest's default 5 s timed a test out now and then.
describe('pipeline CLIs on bad input', { timeout: 60_000 }, () => {
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

  it('data:indicators reads a CSV export into DIR/indicators.json, and stops on a file without quarters', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cfe-indicators-'));
    const rows = ['ZE2020;LIBZE2020;2023-T2;2023-T3', ...['3201', '3202', '3203', '3204', '3205', '3206', '3207', '3208', '3209', '3210', '3211', '3212', '3213', '3214', '3215', '3216', '3217', '3218', '3219', '3220', '3221', '3222', '3254', '3258'].map((code) => `${code};Zone ${code};8,1;8,0`)];
    writeFileSync(join(directory, 'export.csv'), `${rows.join('\n')}\n`);
    const good = run('data/pipeline/build-indicators.ts', ['--unemployment', join(directory, 'export.csv'), '--out', directory]);
    expect(good.status).toBe(0);
    // Issue #10's contract: DIR/indicators.json, and its report beside it.
    const file = JSON.parse(readFileSync(join(directory, 'indicators.json'), 'utf8')) as { chomage: { quarters: string[]; zonesEmploi: Record<string, number[]>; zonesEntieres?: string[] } };
    expect(file.chomage.quarters).toEqual(['2023-T2', '2023-T3']);
    expect(file.chomage.zonesEmploi['0054']).toEqual([8.1, 8]);
    expect(file.chomage.zonesEntieres).toBeUndefined();
    expect(existsSync(join(directory, 'indicators-report.json'))).toBe(true);
    expect(existsSync(join(directory, 'public/data/indicators.json'))).toBe(false);
    // A later edition as one table: 0054 and 0058 whole, no regional parts. The whole zone's rate is used, and said.
    const whole = rows.map((row) => row.replace(/^3254;/, '0054;').replace(/^3258;/, '0058;'));
    writeFileSync(join(directory, 'edition.csv'), `${whole.join('\n')}\n`);
    const later = run('data/pipeline/build-indicators.ts', ['--unemployment', join(directory, 'edition.csv'), '--out', directory]);
    expect(later.status).toBe(0);
    expect(later.stdout).toMatch(/zone 0054: pas de ligne pour la partie régionale \(3254\) : le taux de la zone entière 0054 est utilisé/);
    const edition = JSON.parse(readFileSync(join(directory, 'indicators.json'), 'utf8')) as { chomage: { zonesEmploi: Record<string, number[]>; zonesEntieres?: string[] }; descriptions: { id: string; definition: string }[] };
    expect(edition.chomage.zonesEmploi['0058']).toEqual([8.1, 8]);
    expect(edition.chomage.zonesEntieres).toEqual(['0054', '0058']);
    expect(edition.descriptions.find((item) => item.id === 'chomage')?.definition).toMatch(/Zones 0054 et 0058 .* zone entière/);
    writeFileSync(join(directory, 'bad.csv'), 'a;b\n1;2\n');
    const bad = run('data/pipeline/build-indicators.ts', ['--unemployment', join(directory, 'bad.csv'), '--out', directory]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/bad\.csv : aucune ligne d'en-tête avec des trimestres/);
  });
});
