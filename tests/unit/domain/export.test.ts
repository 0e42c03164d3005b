import { describe, expect, it } from 'vitest';
import { compareValues, csvTable, toCsv, toGeoJson } from '../../../src/domain/export.ts';
import { syntheticDataset, training } from '../state/fixture.ts';

const dataset = syntheticDataset();
const site = dataset.sites[0];
if (!site) throw new Error('no site');
const sources = new Map(dataset.sources.map((source) => [source.id, source]));

describe('exports', () => {
  it('writes a CSV for French Excel: BOM, semicolons, CRLF, quoted cells, one row per training', () => {
    const tricky = { ...training('x1', 'a', ['scolaire', 'apprentissage']), intitule: 'BTS "Électrotechnique"; option A\nsoir' };
    const csv = toCsv([{ training: tricky, site, communeNom: 'Alpha', pinned: true }], sources);
    expect(csv.startsWith('\uFEFFformation;diplome;niveau;voies;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"BTS ""Électrotechnique""; option A\nsoir"');
    expect(lines[1]).toContain('Formation initiale (scolaire), Apprentissage');
    expect(lines[1]).toContain(';oui;x1');
  });

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    const hostile = { ...training('x2', 'a', ['continue']), intitule: '=HYPERLINK("http://x")' };
    expect(toCsv([{ training: hostile, site, communeNom: 'Alpha', pinned: false }], sources)).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('writes the same rows as GeoJSON points at their site', () => {
    const collection = toGeoJson([{ training: training('x3', 'a', ['continue']), site, communeNom: 'Alpha', pinned: false }], sources);
    expect(collection.features[0]?.geometry.coordinates).toEqual(site.point);
    expect(collection.features[0]?.properties).toMatchObject({ id: 'x3', commune: 'Alpha', source: 'Données synthétiques de test' });
  });
});

describe('tables exported and sorted', () => {
  it('writes any table through the one CSV writer: quoted cells, formulas neutralised', () => {
    expect(csvTable(['code', 'territoire'], [['3215', 'Lens; Liévin'], ['x', '=HYPERLINK("http://x")']])).toBe('\uFEFFcode;territoire\r\n3215;"Lens; Liévin"\r\nx;"\'=HYPERLINK(""http://x"")"\r\n');
  });

  it('sorts missing values last either way, never NaN', () => {
    expect([3, null, 1, null, 2].sort((a, b) => compareValues(a, b, true))).toEqual([3, 2, 1, null, null]);
    expect([3, null, 1, null, 2].sort((a, b) => compareValues(a, b, false))).toEqual([1, 2, 3, null, null]);
    expect(compareValues(null, null, true)).toBe(0);
  });
});
