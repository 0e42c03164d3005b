import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/ingest/dataset-builder.ts';
import { ADAPTERS, detectOpenDataLayout, importOpenData, nsfOfMefStat11 } from '../../../src/ingest/opendata.ts';
import { unreconciledSources } from '../../../src/ingest/report.ts';
import { describeWithSources, hasSharedSources, SHARED_SOURCES } from '../shared-sources.ts';
import { appLocator } from './app-locator.ts';

const shared = `${SHARED_SOURCES}/training`;
const read = (file: string) => readFileSync(`${shared}/${file}`, 'utf8');
const source = (id: string) => ({ id, label: id, file: id, date: '', licence: '', origin: '' });

function run(inputs: { source: string; file: string; text: string }[]) {
  const builder = new DatasetBuilder();
  for (const id of new Set(inputs.map((input) => input.source))) builder.addSource(source(id));
  const result = importOpenData(inputs, builder, appLocator());
  return { result, ...builder.build() };
}

// The real extracts live in ../shared (CI has it; the GitHub Pages build does not).
describeWithSources('open-data extracts (real files)', () => {
  const inputs = () => [
    { source: 'parcoursup', file: 'parcoursup_francuniv_hdf.csv', text: read('parcoursup_francuniv_hdf.csv') },
    { source: 'bts', file: 'bts_parcoursup_capacite_2024_tjp_hdf.csv', text: read('bts_parcoursup_capacite_2024_tjp_hdf.csv') },
    { source: 'affelnet', file: 'affelnet_capacite_2022_tjp_hdf.csv', text: read('affelnet_capacite_2022_tjp_hdf.csv') },
    { source: 'affelnet', file: 'lookup.csv', text: read('affelnet_capacite_2022_tjp_hdf__nMef_lookup.csv') },
    { source: 'tmm', file: 'tmm.csv', text: read('tmm_masters_mentions_francuniv_hdf.csv') },
  ];
  const { result, dataset, report } = hasSharedSources ? run(inputs()) : run([]);
  const byId = new Map(dataset.trainings.map((training) => [training.id, training]));

  it('accounts for every row: read = kept + merged + rejected', () => {
    expect(result.ok).toBe(true);
    expect(report.sources['parcoursup']?.read).toBe(1272);
    expect(report.sources['bts']?.read).toBe(1393);
    expect(report.sources['affelnet']?.read).toBe(2137);
    expect(report.sources['tmm']?.read).toBe(810);
    expect(unreconciledSources(report)).toEqual([]);
  });

  it('merges the Parcoursup and BTS records of one training (both statuses), keeping the accented label, MEF and capacity', () => {
    const merged = dataset.trainings.find((training) => training.siteId.startsWith('uai:0590010R') && /Comptabilit/.test(training.intitule));
    expect(merged).toMatchObject({ intitule: 'BTS - Services - Comptabilité et gestion', niveau: 5, nsf: '314', domaine: 'gestion', voies: ['scolaire', 'apprentissage'] });
    expect(merged?.provenance.map((item) => item.source).sort()).toEqual(['bts', 'bts', 'parcoursup']);
    expect(merged?.acces.map((item) => item.entree)).toEqual(['sous statut scolaire', 'en apprentissage']);
  });

  it('corrects the Lille school whose point lies in Paris (to its other located site, else its commune)', () => {
    const warning = report.warnings.find((item) => /EDHEC/.test(item.message));
    expect(warning?.message).toMatch(/hors des Hauts-de-France.*placé à Lille \(59350\).*le même UAI est situé en uai:0590350K:59163/);
    const edhec = dataset.sites.filter((site) => site.uai === '0590350K');
    expect(edhec.map((site) => [site.commune, site.precision])).toEqual([['59163', 'address']]);
  });

  it('labels Affelnet rows from the MEF lookup, with level and NSF from the diploma code', () => {
    const row = [...byId.values()].find((training) => training.id.startsWith('affelnet:') && training.certification.mef === '23811021112');
    expect(row).toMatchObject({ niveau: 4, nsf: '211', domaine: 'agriculture', diplome: 'Bac pro', intitule: '2nde pro agricole productions' });
    const any = [...byId.values()].filter((training) => training.id.startsWith('affelnet:'));
    expect(any.length).toBeGreaterThan(500);
    expect(any.every((training) => !/^Ann[ée]e/.test(training.intitule))).toBe(true);
  });

  it('rejects rows that cannot be located, naming the UAI', () => {
    const rejected = report.rejected.filter((item) => item.source === 'bts');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]?.reason).toMatch(/^l'UAI \d{7}[A-Z] n'a aucun lieu situé/);
  });

  it('keeps only the latest Trouver mon master campaign', () => {
    const masters = dataset.trainings.filter((training) => training.id.startsWith('tmm:'));
    expect(masters.length).toBe(261);
    expect(masters.every((training) => training.niveau === 7 && training.intitule.startsWith('Master '))).toBe(true);
    expect(report.merged.some((item) => /remplacée par l'enregistrement 2021/.test(item.reason))).toBe(true);
  });
});

describe('open-data layouts and broken inputs', () => {
  it('recognises each layout by its header', () => {
    expect(detectOpenDataLayout(['UAI', 'LIBELLÉFORMATION', 'MEFSTAT11', 'NB_VOEUX_CONFIRMES', 'STATUT', 'CAPACITEPSUP'])).toBe('bts-parcoursup');
    expect(detectOpenDataLayout(['a', 'b'])).toBeNull();
  });

  it('says which columns were expected for an unknown file', () => {
    const { result } = run([{ source: 'x', file: 'x.csv', text: 'foo;bar\n1;2\n' }]);
    expect(!result.ok && result.error).toMatch(/^x\.csv : format de colonnes inconnu ; colonnes attendues pour l'un de : /);
    // Every layout is named with its columns.
    for (const adapter of ADAPTERS) expect(!result.ok && result.error).toContain(`${adapter.layout} (${adapter.columns.join(', ')})`);
  });

  it('requires the MEF lookup for Affelnet', () => {
    const { result } = run([{ source: 'a', file: 'a.csv', text: "Etablissement d'accueil;MEF STAT 11;Statut Offre de formation\n0590010R;23810021405;ST\n" }]);
    expect(!result.ok && result.error).toMatch(/table des MEF/);
  });

  it('rejects a bad UAI and an empty label with the field named', () => {
    const header = '"Statut",Code UAI de l etablissement,etablissement,Region,Filiere de formation,Coordonnées GPS de la formation';
    const { report } = run([{ source: 'p', file: 'p.csv', text: `${header}\nPublic,XX,Lycée,HdF,BTS Test,"50.63, 3.06"\nPublic,0590010R,Lycée,HdF,,"50.63, 3.06"\n` }]);
    expect(report.rejected.map((item) => item.field)).toEqual(['Code UAI de l etablissement', 'Filiere de formation']);
  });

  it('reads the NSF group in MEF STAT 11 digits 7–9', () => {
    expect(nsfOfMefStat11('32211031312')).toBe('313');
    expect(nsfOfMefStat11('44210099901')).toBeNull();
  });
});

describe('open-data adapters', () => {
  it('one adapter per layout, each recognised by its own columns and by no other', () => {
    const layouts = ADAPTERS.map((adapter) => adapter.layout);
    expect(new Set(layouts).size).toBe(layouts.length);
    for (const adapter of ADAPTERS) {
      expect(detectOpenDataLayout([...adapter.columns, 'autre colonne'])).toBe(adapter.layout);
      for (const other of ADAPTERS) if (other !== adapter) expect(other.columns.every((column) => adapter.columns.includes(column)), `${other.layout} inside ${adapter.layout}`).toBe(false);
    }
  });
});

describe('a lycée renamed in the directory', () => {
  it('is told from a damaged or abbreviated copy of the same name', async () => {
    const { renamedInDirectory } = await import('../../../src/ingest/opendata/shared.ts');
    expect(renamedInDirectory('Lycee professionnel De La Foret', 'Lycee Professionnel Hubertine Auclert')).toBe(true);
    // The directory's upstream drops "nd": the same school, not a new name.
    expect(renamedInDirectory('Lycée Condorcet', 'Lycee Coorcet')).toBe(false);
    expect(renamedInDirectory('Lycée des Flandres', 'Lycee Des Flares')).toBe(false);
    // An acronym of the directory's name, a shared word, a name with nothing distinctive.
    expect(renamedInDirectory('E.S.Aa.T.', 'Lycee Ec Sup Arts Appliques Textile')).toBe(false);
    expect(renamedInDirectory('Lycée Baudimont Saint Charles', 'Lycee Baudimont (general Et Techno.)')).toBe(false);
    expect(renamedInDirectory('Lycée polyvalent', 'Lycee Jean Moulin')).toBe(false);
  });
});
