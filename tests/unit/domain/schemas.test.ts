import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../../src/domain/dataset-codec.ts';
import { readGazetteer } from '../../../src/domain/gazetteer.ts';
import { readIndicators } from '../../../src/domain/indicators.ts';
import { decodeJobVocabulary } from '../../../src/domain/jobs.ts';
import { decodeLabour } from '../../../src/domain/labour.ts';
import { decodeMapSites } from '../../../src/domain/map-sites.ts';
import { DAMAGED_FILE_HINT } from '../../../src/domain/schema.ts';
import { checkTopology, COMMUNE_OBJECTS } from '../../../src/domain/topology-check.ts';
import { decodeCertificationTable } from '../../../src/ingest/certification-table.ts';
import { CONTEXT_OBJECTS, ZONINGS_OBJECTS } from '../../../src/state/loaders.ts';

/** A fresh copy of a committed file: each test breaks its own. */
const file = (path: string): ReturnType<typeof JSON.parse> => JSON.parse(readFileSync(`public/${path}`, 'utf8'));

describe('every file the app loads passes its schema as committed', () => {
  it.each([
    ['data/trainings.json', () => decodeDataset(file('data/trainings.json'))],
    ['data/communes.json', () => readGazetteer(file('data/communes.json'))],
    ['data/indicators.json', () => readIndicators(file('data/indicators.json'))],
    ['data/bmo.json', () => decodeLabour(file('data/bmo.json'))],
    ['data/metiers.json', () => decodeJobVocabulary(file('data/metiers.json'))],
    ['data/map-sites.json', () => decodeMapSites(file('data/map-sites.json'))],
    ['data/certifications.json', () => decodeCertificationTable(file('data/certifications.json'))],
    ['geo/hauts-de-france.topo.json', () => checkTopology(file('geo/hauts-de-france.topo.json'), 'geo/hauts-de-france.topo.json', ZONINGS_OBJECTS)],
    ['geo/context.topo.json', () => checkTopology(file('geo/context.topo.json'), 'geo/context.topo.json', CONTEXT_OBJECTS)],
    ['geo/communes.topo.json', () => checkTopology(file('geo/communes.topo.json'), 'geo/communes.topo.json', COMMUNE_OBJECTS)],
  ])('%s', (_name, read) => {
    expect(read()).toMatchObject({ ok: true });
  });
});

describe('a damaged file is refused, naming the file, the record and the field, in French', () => {
  it('communes.json: a commune without coordinates, a postcode of 4 digits', () => {
    const communes = file('data/communes.json');
    communes.rows[0][8] = '2.8';
    expect(readGazetteer(communes)).toEqual({ ok: false, error: `communes.json : commune ${communes.rows[0][0]}, champ « lng » : un nombre est attendu${DAMAGED_FILE_HINT}` });
    const postcode = file('data/communes.json');
    postcode.rows[3][2] = ['2000'];
    expect(readGazetteer(postcode)).toEqual({ ok: false, error: `communes.json : commune ${postcode.rows[3][0]}, champ « codesPostaux » (élément « [0] ») : des codes postaux à 5 chiffres sont attendus${DAMAGED_FILE_HINT}` });
  });

  it('indicators.json: a rate as text, a series one quarter short', () => {
    const indicators = file('data/indicators.json');
    indicators.chomage.zonesEmploi['3215'][2] = '8,7';
    expect(readIndicators(indicators)).toEqual({ ok: false, error: `indicators.json : zone d'emploi 3215, trimestre 2003-T3 : un nombre est attendu${DAMAGED_FILE_HINT}` });
    const short = file('data/indicators.json');
    short.chomage.zonesEmploi['3215'].pop();
    expect(readIndicators(short)).toEqual({ ok: false, error: expect.stringMatching(/^indicators\.json\s: série de la zone d'emploi 3215 \(\d+ valeurs pour \d+ trimestres\)\s: chaque série doit avoir une valeur par trimestre/) as unknown as string });
  });

  it('bmo.json: a withheld figure written as "*" instead of null, a bad ROME code', () => {
    const labour = file('data/bmo.json');
    labour.bassins['3201'][1][2] = '*';
    expect(decodeLabour(labour)).toEqual({ ok: false, error: `bmo.json : bassin 3201, ligne 2, champ « difficiles » : un nombre entier, ou null pour une valeur masquée, est attendu${DAMAGED_FILE_HINT}` });
    const rome = file('data/bmo.json');
    rome.metiers[0][4] = ['A14'];
    expect(decodeLabour(rome)).toEqual({ ok: false, error: `bmo.json : métier ${rome.metiers[0][0]}, champ « romes » (élément « [0] ») : un code ROME (lettre et 4 chiffres) est attendu${DAMAGED_FILE_HINT}` });
  });

  it('metiers.json and certifications.json: a job without a title, a certification without ROME list', () => {
    const vocabulary = file('data/metiers.json');
    vocabulary.romes[1][1] = '  ';
    expect(decodeJobVocabulary(vocabulary)).toEqual({ ok: false, error: `metiers.json : métier ${vocabulary.romes[1][0]}, champ « libelle » : un texte non vide est attendu${DAMAGED_FILE_HINT}` });
    const certifications = file('data/certifications.json');
    certifications.rows[5][4] = 'M1805';
    expect(decodeCertificationTable(certifications)).toEqual({ ok: false, error: `certifications.json : certification ${certifications.rows[5][0]}, champ « romes » : une liste est attendue${DAMAGED_FILE_HINT}` });
  });

  it('topologies: a zoning missing, a zone without population', () => {
    const zonings = file('geo/hauts-de-france.topo.json');
    delete zonings.objects.bassins;
    expect(checkTopology(zonings, 'geo/hauts-de-france.topo.json', ZONINGS_OBJECTS)).toEqual({ ok: false, error: `geo/hauts-de-france.topo.json : objet « bassins » : valeur manquante${DAMAGED_FILE_HINT}` });
    const population = file('geo/hauts-de-france.topo.json');
    delete population.objects.spel.geometries[0].properties.population;
    expect(checkTopology(population, 'geo/hauts-de-france.topo.json', ZONINGS_OBJECTS)).toEqual({ ok: false, error: `geo/hauts-de-france.topo.json : objet « spel », zone ${population.objects.spel.geometries[0].properties.code}, champ « population » : valeur manquante${DAMAGED_FILE_HINT}` });
  });

  it('trainings.json: an Alliance Emploi school, a campus commune', () => {
    const dataset = file('data/trainings.json');
    dataset.campus[0].communes[0].point = [2.8];
    expect(decodeDataset(dataset)).toEqual({ ok: false, error: expect.stringMatching(new RegExp(`^trainings\\.json : campus ${dataset.campus[0].id}, champ « communes\\[0\\]\\.point(\\[1\\])? » : `)) as unknown as string });
    const alliance = file('data/trainings.json');
    alliance.alliance[0].metiers = 'maintenance';
    expect(decodeDataset(alliance)).toEqual({ ok: false, error: `trainings.json : école Alliance Emploi ${alliance.alliance[0].id}, champ « metiers » : une liste est attendue${DAMAGED_FILE_HINT}` });
  });

  it('map-sites.json: a site of an unknown voie, a school without longitude, another version', () => {
    const sites = file('data/map-sites.json');
    sites.sites[4][4] = 'alternance';
    expect(decodeMapSites(sites)).toEqual({ ok: false, error: `map-sites.json : lieu ${sites.sites[4][0]}, champ « voie » : une valeur parmi scolaire, apprentissage, continue, mixte est attendue${DAMAGED_FILE_HINT}` });
    const alliance = file('data/map-sites.json');
    alliance.alliance[1][2] = null;
    expect(decodeMapSites(alliance)).toEqual({ ok: false, error: `map-sites.json : école Alliance Emploi ${alliance.alliance[1][0]}, champ « lng » : un nombre est attendu${DAMAGED_FILE_HINT}` });
    expect(decodeMapSites({ ...file('data/map-sites.json'), version: 2 })).toMatchObject({ ok: false, error: expect.stringMatching(/^map-sites\.json\s: version 2 non prise en charge/) as unknown as string });
  });

  it('never says it in English (valibot messages are replaced)', () => {
    const [dataset, labour, communes] = [file('data/trainings.json'), file('data/bmo.json'), file('data/communes.json')];
    dataset.trainings.rows[10][9] = 3;
    labour.annee = 'deux mille';
    communes.rows[2] = { code: '59350' };
    const errors = [decodeDataset(dataset), decodeLabour(labour), readGazetteer(communes)].map((result) => (result.ok ? '' : result.error));
    for (const error of errors) expect(error).toMatch(/\s: .*attendu/);
    expect(errors.join(' ')).not.toMatch(/Invalid|Expected|received/);
  });
});
