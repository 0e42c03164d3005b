import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { readGazetteer } from '../../src/domain/gazetteer.ts';
import { unreconciledSources, type ImportReport } from '../../src/ingest/report.ts';

// Checks the committed outputs of `npm run data:trainings`.
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const dataset = decoded.value;
const report = JSON.parse(readFileSync('data/import-report.json', 'utf8')) as ImportReport;
const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
if (!gazetteer.ok) throw new Error(gazetteer.error);

describe('training dataset', () => {
  it('has real trainings from the four open-data sources, each with its provenance', () => {
    expect(dataset.sources.filter((source) => !source.role).map((source) => source.id)).toEqual(['parcoursup', 'tmm', 'bts-2024', 'affelnet-2022']);
    expect(dataset.sources.filter((source) => source.role && source.role !== 'nomenclature').map((source) => source.id)).toEqual([
      'annuaire-lycees',
      'organismes-apprentissage',
      'esr-etablissements',
      'alliance-emploi',
      'campus-metiers',
      'chiffres-cles',
    ]);
    expect(dataset.trainings.length).toBeGreaterThan(2000);
    const sourceIds = new Set(dataset.sources.map((source) => source.id));
    for (const training of dataset.trainings) {
      expect(training.provenance.length).toBeGreaterThan(0);
      for (const item of training.provenance) expect(sourceIds.has(item.source)).toBe(true);
    }
  });

  it('places every site in a commune of the region', () => {
    for (const site of dataset.sites) {
      const commune = gazetteer.value.byCode.get(site.commune);
      expect(commune, site.id).toBeDefined();
      const [lng, lat] = site.point;
      expect(lng).toBeGreaterThan(1.3);
      expect(lng).toBeLessThan(4.3);
      expect(lat).toBeGreaterThan(48.8);
      expect(lat).toBeLessThan(51.1);
    }
  });

  it('reconciles every source in the import report', () => {
    expect(unreconciledSources(report)).toEqual([]);
    for (const [id, counts] of Object.entries(report.sources)) expect(counts.kept, id).toBeGreaterThan(0);
  });

  it('has the Alliance Emploi schools and the Campus des métiers with their communes', () => {
    expect(dataset.alliance.map((school) => school.commune)).toContain('59122');
    expect(dataset.alliance.every((school) => school.entreprises.length > 0)).toBe(true);
    expect(dataset.campus).toHaveLength(13);
    // Three territory-wide campus name no commune: they are listed but not drawn.
    expect(dataset.campus.filter((campus) => campus.communes.length > 0)).toHaveLength(10);
  });
});
