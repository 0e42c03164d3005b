import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGazetteer } from '../../src/domain/gazetteer.ts';
import { INDICATOR_REGISTRY, type IndicatorInputs } from '../../src/domain/indicators/registry.ts';
import { bassinHiring, decodeLabour, metiersOfRomes, readMetierSelection } from '../../src/domain/labour.ts';
import { readBmo } from '../../src/ingest/bmo.ts';
import { describeWithSources, SHARED_SOURCES } from '../unit/shared-sources.ts';

// Checks the committed outputs of `npm run data:labour`.
const decoded = decodeLabour(JSON.parse(readFileSync('public/data/bmo.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const labour = decoded.value;
const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
if (!gazetteer.ok) throw new Error(gazetteer.error);
const all = readMetierSelection(null);
const sumOf = (key: 'projets' | 'difficiles' | 'saisonniers') => Object.keys(labour.bassins).reduce((total, bassin) => total + bassinHiring(labour, bassin, all)[key], 0);

describe('hiring needs (BMO 2024) as committed', () => {
  it('covers the 28 bassins of the gazetteer, each métier with its ROME codes', () => {
    expect(Object.keys(labour.bassins).sort()).toEqual([...new Set(gazetteer.value.communes.map((commune) => commune.bassin))].sort());
    expect(labour.annee).toBe(2024);
    expect(labour.metiers.filter((metier) => metier.romes.length > 0).length / labour.metiers.length).toBeGreaterThan(0.95);
    // Soudeurs (FAP D1X33) lead to the welding job H2913, hence to its trainings.
    expect(metiersOfRomes(labour, ['H2913']).map((metier) => metier.code)).toContain('D1X33');
  });

  it('draws a bassin figure on the bassins only: never on a zone d’emploi of the same code', () => {
    const zones = [{ code: '3217', nom: 'Maubeuge', population: 1, communes: 1, departements: ['59'] }];
    const inputs = (zoning: 'bassin' | 'zone_emploi'): IndicatorInputs => ({ zoning, zones, supply: new Map(), far: null, whiteKm: 20, indicators: null, quarter: null, labour, fap: all, held: '' });
    expect(INDICATOR_REGISTRY.recrutements.values(inputs('zone_emploi')).get('3217')).toBeNull();
    expect(INDICATOR_REGISTRY.recrutements.values(inputs('bassin')).get('3217')).toBe(bassinHiring(labour, '3217', all).projets);
  });
});

describeWithSources('hiring needs against France Travail’s file', () => {
  it('sums to the file’s projects for the region, and keeps every withheld figure unknown', async () => {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = (await readXlsxFile(readFileSync(`${SHARED_SOURCES}/labour/Base_open_data_BMO_2024.xlsx`))) as { sheet: string; data: unknown[][] }[];
    const sheet = sheets.find((item) => item.sheet === 'BMO_2024_open_data')?.data ?? [];
    const header = (sheet[0] ?? []).map(String);
    const column = (name: string) => header.indexOf(name);
    const region = sheet.slice(1).filter((row) => String(row[column('REG')]) === '32');
    const known = (name: string) => region.reduce((total, row) => total + (/^\d+$/.test(String(row[column(name)])) ? Number(row[column(name)]) : 0), 0);
    const stars = (name: string) => region.filter((row) => String(row[column(name)]) === '*').length;
    expect(sumOf('projets')).toBe(known('met'));
    expect(sumOf('difficiles')).toBe(known('xmet'));
    expect(sumOf('saisonniers')).toBe(known('smet'));
    const withheld = Object.keys(labour.bassins).reduce((total, bassin) => total + bassinHiring(labour, bassin, all).masques, 0);
    expect(withheld).toBe(stars('met') + stars('xmet') + stars('smet'));
    expect(withheld).toBeGreaterThan(0);
    // A CSV re-save of the same sheet reads the same rows.
    const csv = [header, ...sheet.slice(1)].map((row) => row.map((cell) => String(cell ?? '')).join(';')).join('\n');
    const again = readBmo([{ sheet: 'export.csv', data: csv.split('\n').map((line) => line.split(';')) }], '32');
    expect(again.ok && again.value.rows.length).toBe(region.length);
  }, 30_000);
});
