import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import type { Site, Training } from '../../src/domain/training.ts';
import { parseCsv } from '../../src/ingest/csv.ts';
import { distanceMetres } from '../../src/ingest/opendata.ts';
import type { ImportReport } from '../../src/ingest/report.ts';
import { describeWithSources, SHARED_SOURCES } from '../unit/shared-sources.ts';

// Issue "data truth and coverage": checks the committed outputs of `npm run data:trainings`.
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const dataset = decoded.value;
const report = JSON.parse(readFileSync('data/import-report.json', 'utf8')) as ImportReport;
const trainingById = new Map(dataset.trainings.map((training) => [training.id, training]));
const siteById = new Map(dataset.sites.map((site) => [site.id, site]));
const siteOf = (training: Training | undefined): Site | undefined => siteById.get(training?.siteId ?? '');
const placedShare = (source: string) => {
  const counts = report.sources[source];
  if (!counts) throw new Error(`no counts for ${source}`);
  return (counts.kept + counts.merged) / counts.read;
};

describe('data coverage', () => {
  it('places at least 95 % of Affelnet rows and 90 % of BTS rows', () => {
    expect(placedShare('affelnet-2022')).toBeGreaterThanOrEqual(0.95);
    expect(placedShare('bts-2024')).toBeGreaterThanOrEqual(0.9);
    // The rows still unplaced name their UAI and why.
    const unplaced = report.rejected.filter((item) => item.source === 'affelnet-2022' || item.source === 'bts-2024');
    for (const item of unplaced) expect(item.reason).toMatch(/UAI \d{7}[A-Z]|MEF|statut|libellé/);
  });

  it('has no two trainings for the same UAI and MEF', () => {
    const seen = new Map<string, string>();
    for (const training of dataset.trainings) {
      const uai = siteOf(training)?.uai;
      const mef = training.certification.mef;
      if (!uai || !mef) continue;
      const key = `${uai}|${mef}`;
      expect(seen.get(key), `${training.id} and ${seen.get(key) ?? ''}`).toBeUndefined();
      seen.set(key, training.id);
    }
    expect(seen.size).toBeGreaterThan(1500);
  });

  it('merges a BTS renamed between the BTS file and Parcoursup into one training', () => {
    expect(trainingById.has('bts:0623902E:32211033103:scolaire')).toBe(false);
    expect(trainingById.has('bts:0623902E:32211033103')).toBe(false);
    const merged = trainingById.get('psup:0623902E:19b5d7a8');
    expect(merged?.certification.mef).toBe('32211033103');
    // The MEF's CFD is the former "BTS diététique": Parcoursup's title names the renamed diploma, so it stays.
    expect(merged?.intitule).toBe('BTS Services Diététique et nutrition');
    expect(merged?.intituleOrigin).toBe('source');
    expect(merged?.provenance.map((item) => item.source).sort()).toEqual(['bts-2024', 'parcoursup']);
    expect(report.merged.filter((item) => /autre libellé/.test(item.reason)).length).toBeGreaterThanOrEqual(30);
  });

  it('represents a Bac pro once, with its 2nde and 1re entry points, places and first-choice wishes', () => {
    const bacPro = trainingById.get('affelnet:0593255T:23811021405');
    // Its MEF says "pour apprentis", but Affelnet's status column says ST (scolaire): the status wins.
    expect(bacPro?.voies).toEqual(['scolaire']);
    expect(bacPro?.acces).toEqual([
      { entree: '2nde', places: 32, voeux: 21, voeuxType: 'premier-choix', source: 'Affelnet 2022' },
      { entree: '1re', places: 3, voeux: 0, voeuxType: 'premier-choix', source: 'Affelnet 2022' },
    ]);
    expect(trainingById.has('affelnet:0593255T:23821021405')).toBe(false);
    const firstYears = dataset.trainings.filter((training) => training.id.startsWith('affelnet:') && /^1(e|è)re pro|^1erpro|^1eproa/i.test(training.intitule));
    // A 1re pro stands alone only when its 2nde is not offered at the same UAI (then its entry is 1re).
    for (const training of firstYears) expect(training.acces.some((item) => item.entree === '2nde')).toBe(false);
  });

  it('reads voie from the status column, not a MEF label ("pour apprentis" on an ST row is scolaire, and reported); "alternance" stays apart', () => {
    const forApprentices = dataset.trainings.filter((training) => training.id.startsWith('affelnet:') && training.voies.includes('apprentissage'));
    expect(forApprentices).toEqual([]);
    const said = report.warnings.filter((warning) => warning.source === 'affelnet-2022' && /pour apprentis.*statut de l'offre est ST/.test(warning.message));
    expect(said.length).toBeGreaterThanOrEqual(9);
    const master = trainingById.get('tmm:0623957P:1502991L');
    expect(master?.voies).toContain('alternance');
    expect(master?.voies).not.toContain('apprentissage');
  });

  it('places masters at their institution’s head office, said as such, never as an address', () => {
    const masters = dataset.trainings.filter((training) => training.id.startsWith('tmm:'));
    expect(masters.length).toBeGreaterThan(200);
    for (const master of masters) expect(siteOf(master)?.precision, master.id).toBe('siege');
    expect(siteOf(trainingById.get('tmm:0623957P:1502991L'))?.nom).toBe("Université d'Artois");
  });

  it('never splits one place: two sites of a UAI in a commune are more than 300 m apart', () => {
    const pointsBySite = new Map<string, [number, number][]>();
    // Two sites of one UAI in one commune must be more than 300 m apart (else they are one place
    // split in two); the rows of a site within 300 m are checked against the raw file below.
    for (const site of dataset.sites.filter((item) => item.id.startsWith('uai:'))) {
      const key = `${site.uai ?? ''}|${site.commune}`;
      pointsBySite.set(key, [...(pointsBySite.get(key) ?? []), site.point]);
    }
    for (const [key, points] of pointsBySite) {
      for (let a = 0; a < points.length; a += 1) {
        for (let b = a + 1; b < points.length; b += 1) expect(distanceMetres(points[a] ?? [0, 0], points[b] ?? [0, 0]), key).toBeGreaterThan(300);
      }
    }
  });

  it('restores the accents of establishment names', () => {
    expect(dataset.sites.filter((site) => /\b(Lycee|Universite|Ecole|Superieur|Metiers|Prive)\b/.test(site.nom))).toEqual([]);
    expect(dataset.sites.map((site) => site.nom)).toContain('Lycée Cesar Baggio');
  });

  it('has the apprenticeship organisations as a layer, each linked by UAI, and counts every directory row', () => {
    expect(dataset.organismes.length).toBeGreaterThan(500);
    for (const source of ['annuaire-lycees', 'organismes-apprentissage', 'esr-etablissements', 'alliance-emploi', 'campus-metiers', 'chiffres-cles']) {
      const counts = report.sources[source];
      expect(counts?.read, source).toBe((counts?.kept ?? 0) + (counts?.merged ?? 0) + (counts?.rejected ?? 0));
    }
    const linked = dataset.organismes.filter((organisme) => dataset.sites.some((site) => site.uai === organisme.uai));
    expect(linked.length).toBeGreaterThan(100);
  });

  it('carries the regional facts the coverage panel compares with', () => {
    expect(dataset.facts.find((fact) => fact.indicateur === 'CFA')?.valeur).toBe(277);
    expect(dataset.facts.find((fact) => fact.indicateur === 'Organismes de formation')?.valeur).toBe(3516);
  });
});

describeWithSources('data coverage against the raw directories', () => {
  it('has every Hauts-de-France apprenticeship organisation of the directory on the map or in the report', () => {
    const [, ...rows] = parseCsv(readFileSync(`${SHARED_SOURCES}/training/organismes_apprentissage_hdf.csv`, 'utf8'));
    const onMap = new Set(dataset.organismes.flatMap((organisme) => organisme.provenance.map((item) => item.record)));
    const reported = new Set([...report.rejected, ...report.merged].filter((item) => item.source === 'organismes-apprentissage').map((item) => item.record));
    for (const row of rows) expect(onMap.has(`ligne ${row.line}`) || reported.has(`ligne ${row.line}`), `ligne ${row.line}`).toBe(true);
    expect(rows.length).toBe(545);
  });

  it('places directory-placed lycées at the directory’s own coordinates', () => {
    const lycees = (JSON.parse(readFileSync(`${SHARED_SOURCES}/training/lycees_ival_annuaire_hdf.json`, 'utf8')) as { lycees: { uai: string; lat: number | null; lng: number | null }[] }).lycees;
    const byUai = new Map(lycees.filter((item) => item.lat !== null && item.lng !== null).map((item) => [item.uai, [item.lng, item.lat] as [number, number]]));
    const placed = dataset.sites.filter((site) => site.provenance.some((item) => item.source === 'annuaire-lycees') && site.precision === 'address');
    expect(placed.length).toBeGreaterThan(100);
    for (const site of placed) expect(distanceMetres(site.point, byUai.get(site.uai ?? '') ?? [0, 0]), site.id).toBeLessThan(1);
  });

  it('keeps each Parcoursup row within 300 m of its site, unless its point was corrected (said in a warning)', () => {
    const [header, ...rows] = parseCsv(readFileSync(`${SHARED_SOURCES}/training/parcoursup_francuniv_hdf.csv`, 'utf8'));
    const column = header?.cells.indexOf('Coordonnées GPS de la formation') ?? -1;
    const pointOf = new Map(rows.map((row) => {
      const [lat, lng] = (row.cells[column] ?? '').split(',').map(Number);
      return [`ligne ${row.line}`, [lng ?? 0, lat ?? 0] as [number, number]];
    }));
    const corrected = new Set(report.warnings.filter((item) => item.source === 'parcoursup').map((item) => item.record));
    let checked = 0;
    for (const training of dataset.trainings) {
      for (const item of training.provenance.filter((provenance) => provenance.source === 'parcoursup' && !corrected.has(provenance.record))) {
        const site = siteOf(training);
        expect(distanceMetres(site?.point ?? [0, 0], pointOf.get(item.record) ?? [0, 0]), `${training.id} ${item.record}`).toBeLessThanOrEqual(300);
        checked += 1;
      }
    }
    // All rows but those whose point was corrected or yielded to the lycées directory (each in a warning).
    expect(checked).toBeGreaterThan(1150);
  });
});
