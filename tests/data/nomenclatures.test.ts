import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { decodeJobVocabulary } from '../../src/domain/jobs.ts';
import { startsWithYearCode } from '../../src/ingest/enrich.ts';
import { decodeNomenclature, readBcnMef } from '../../src/ingest/nomenclatures.ts';
import { describeWithSources, SHARED_SOURCES } from '../unit/shared-sources.ts';

// Checks the committed outputs of the nomenclature step of `npm run data:trainings`.
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const { trainings, metiers = [], sources } = decoded.value;
const vocabularyRead = decodeJobVocabulary(JSON.parse(readFileSync('public/data/metiers.json', 'utf8')) as unknown);
if (!vocabularyRead.ok) throw new Error(vocabularyRead.error);
const vocabulary = vocabularyRead.value;
const report = JSON.parse(readFileSync('data/import-report.json', 'utf8')) as { nomenclatures: { coverage: Record<string, { trainings: number; cfd: number; intituleLisible: number; romes: number }>; notFound: { field: string; code: string }[] } };
const affelnet = trainings.filter((training) => training.provenance[0]?.source === 'affelnet-2022');

describe('trainings after the nomenclatures', () => {
  it('no title starts with a nomenclature year code', () => {
    const glued = trainings.filter((training) => startsWithYearCode(training.intitule) || /^(1cap\d|1erpro|1ère pro|1ere pro|2nde pro|tle pro)\b/i.test(training.intitule));
    expect(glued.map((training) => training.intitule)).toEqual([]);
    expect(affelnet.length).toBeGreaterThan(1500);
  });

  it('every Affelnet training has a CFD, and at least 95 % have ROME codes', () => {
    expect(affelnet.filter((training) => !training.cfd).map((training) => training.id)).toEqual([]);
    expect(affelnet.filter((training) => (training.romes ?? []).length > 0).length / affelnet.length).toBeGreaterThanOrEqual(0.95);
  });

  it('every derived field says where it came from, and the source title is kept when replaced', () => {
    for (const training of trainings) {
      if (training.cfd) expect(training.cfdOrigin, training.id).toMatch(/^(mef|intitule-certif-info|certifinfo|rncp)$/);
      if ((training.romes ?? []).length > 0) expect(training.romeOrigin, training.id).toMatch(/^(certif-info|famille-metiers|options-bts|intitule-certif-info|lheo)$/);
      if (training.intituleOrigin !== 'source') expect(training.intituleSource, training.id).toBeTruthy();
      for (const rome of training.romes ?? []) expect(rome).toMatch(/^[A-N]\d{4}$/);
    }
    // A readable title only comes with a CFD found through the MEF.
    expect(trainings.filter((training) => training.intituleOrigin !== 'source' && training.cfdOrigin !== 'mef')).toEqual([]);
  });

  it('names every job a training leads to, and the vocabulary holds only jobs with a training or sought by employers', () => {
    const named = new Set(metiers.map((job) => job.code));
    const reached = new Set(trainings.flatMap((training) => training.romes ?? []));
    for (const code of reached) expect(named.has(code), code).toBe(true);
    for (const rome of vocabulary.romes) expect(reached.has(rome.code), rome.code).toBe(rome.raison === 'formation');
    expect(vocabulary.romes.filter((rome) => rome.raison === 'recrutement').map((rome) => rome.code)).toEqual(expect.arrayContaining(['J1501', 'N1101']));
    expect(new Set(vocabulary.appellations.map((item) => item.rome)).size).toBe(vocabulary.romes.length);
  });

  it('counts coverage per source in the import report', () => {
    for (const source of ['parcoursup', 'tmm', 'bts-2024', 'affelnet-2022']) {
      const coverage = report.nomenclatures.coverage[source];
      expect(coverage, source).toBeDefined();
      expect(coverage?.trainings).toBe(trainings.filter((training) => training.provenance[0]?.source === source).length);
      expect(coverage?.cfd).toBe(trainings.filter((training) => training.provenance[0]?.source === source && training.cfd).length);
    }
    expect(report.nomenclatures.notFound.every((item) => item.code !== '')).toBe(true);
  });

  it('credits the nomenclatures and their publishers', () => {
    const credited = sources.filter((source) => source.role === 'nomenclature');
    expect(credited.map((source) => source.id)).toEqual(expect.arrayContaining(['bcn-mef', 'certif-info', 'dgesco-diplomes', 'rome-appellations', 'dares-rome-fap', 'bmo-2024']));
    for (const source of credited) expect(source.licence).not.toBe('');
  });
});

describeWithSources('BTS trainings against the BCN', () => {
  it('every BTS training whose MEF is in the BCN has a CFD, and at least 95 % have ROME codes', () => {
    const decodedMef = decodeNomenclature(readFileSync(join(SHARED_SOURCES, 'nomenclatures/bcn/n_mef.csv')), 'n_mef.csv', 'utf-8');
    if (!decodedMef.ok) throw new Error(decodedMef.error);
    const mef = readBcnMef(decodedMef.value, 'n_mef.csv');
    if (!mef.ok) throw new Error(mef.error);
    const bts = trainings.filter((training) => training.diplome === 'BTS' && training.certification.mef && mef.value.has(training.certification.mef));
    expect(bts.length).toBeGreaterThan(900);
    expect(bts.filter((training) => !training.cfd).map((training) => training.id)).toEqual([]);
    expect(bts.filter((training) => (training.romes ?? []).length > 0).length / bts.length).toBeGreaterThanOrEqual(0.95);
  });
});
