import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGazetteer, searchCommunes } from '../../../src/domain/gazetteer.ts';
import type { JobVocabulary } from '../../../src/domain/jobs.ts';
import { appellationForms, createSearchEngine, queryWords, titleAcronym, type SearchDocument } from '../../../src/domain/search.ts';

const doc = (id: string, intitule: string, romes: string[] = [], extra: Partial<SearchDocument> = {}): SearchDocument => ({ id, intitule, diplome: '', organisme: '', commune: '', romes, ...extra });
const documents = [
  doc('t1', 'Bac pro technicien en chaudronnerie industrielle', ['H2902', 'H2913']),
  doc('t2', 'CAP réalisations industrielles en chaudronnerie ou soudage', ['H2913', 'H2902']),
  doc('t3', 'BTS maintenance des systèmes', ['I1304', 'I1310'], { commune: 'Lens' }),
  doc('t4', 'Licence Sciences pour l’ingénieur parcours maintenance', [], { commune: 'Lille' }),
  doc('t5', 'BTS comptabilité et gestion', ['M1203'], { diplome: 'BTS brevet de technicien superieur cg' }),
  doc('t6', 'Formation en maintenance des véhicules', ['I1604'], { commune: 'Arras' }),
  doc('t7', 'BTS contrôle industriel et régulation automatique', ['H1208'], { diplome: 'BTS brevet de technicien superieur cira' }),
];
const vocabulary: JobVocabulary = {
  source: 'test (synthetic)',
  romes: [
    { code: 'H2913', libelle: 'Soudeur / Soudeuse', v4: ['H2913'], raison: 'formation' },
    { code: 'J1501', libelle: 'Aide-soignant / Aide-soignante', v4: ['J1501'], raison: 'recrutement' },
    { code: 'M1805', libelle: 'Développeur / Développeuse informatique', v4: ['M1805'], raison: 'formation' },
  ],
  appellations: [
    { libelle: 'Soudeur / Soudeuse', rome: 'H2913' },
    { libelle: 'Chef d’atelier soudure', rome: 'H2913' },
    { libelle: 'Aide-soignant / Aide-soignante', rome: 'J1501' },
    { libelle: 'Développeur / Développeuse web', rome: 'M1805' },
    { libelle: 'Mécanicien / Mécanicienne automobile', rome: 'I1604' },
    { libelle: 'Mécanicien régleur / Mécanicienne régleuse de machine automatique du travail des métaux', rome: 'H2903' },
    { libelle: 'Technicien automaticien / Technicienne automaticienne d’installation', rome: 'I1310' },
  ],
};
const engine = createSearchEngine(documents, vocabulary);
const ids = (query: string) => engine.search(query).ids;

describe('training search engine', () => {
  it('reads the forms of a ROME job title, the qualifier on both', () => {
    expect(appellationForms('Développeur / Développeuse web')).toEqual(['developpeur web', 'developpeuse web']);
    expect(appellationForms('Aide-soignant / Aide-soignante')).toEqual(['aide soignant', 'aide soignante']);
    expect(appellationForms('Soudeur / Soudeuse chaussures')).not.toContain('soudeur');
    expect(appellationForms('Cariste')).toEqual(['cariste']);
  });

  it('ignores generic words and tolerates typos only on words of 5 letters or more', () => {
    expect(queryWords('Formation H/F en apprentissage : soudure')).toEqual(['soudure']);
    expect(ids('formation')).toBeNull();
    // "maintenence" (11 letters, one typo) finds the maintenance titles…
    expect(ids('maintenence')).toEqual(expect.arrayContaining(['t3', 't4', 't6']));
    // …but "lems" (4 letters) is not "lens".
    expect(ids('lems')).toEqual([]);
    expect(ids('lens')).toEqual(['t3']);
  });

  it('ranks an exact phrase of the title first', () => {
    expect(ids('maintenance des systemes')?.[0]).toBe('t3');
    expect(ids('chaudronnerie industrielle')?.[0]).toBe('t1');
  });

  it('reads a query that names a job as that job, and says so', () => {
    const result = engine.search('aide-soignant');
    expect(result).toEqual({ ids: [], romes: ['J1501'], via: 'metier' });
    expect(engine.search('soudeur')).toEqual({ ids: ['t2', 't1'], romes: ['H2913'], via: 'metier' });
  });

  it('falls back on job titles only when no title holds the words', () => {
    // "soudure" is in no title here, but in the job title "Chef d'atelier soudure" (H2913).
    expect(engine.search('soudure')).toEqual({ ids: ['t2', 't1'], romes: ['H2913'], via: 'titres-metiers' });
    expect(engine.search('zzqxw')).toEqual({ ids: [], romes: [], via: null });
  });

  it('keeps a typo to words with the same first letters; a query that begins a job title is that job', () => {
    // "mecanicien" is two letters from "technicien" (t7's diploma) and "auto" begins "automatique",
    // but no title holds "mecanicien": the words begin a job title, and that job's trainings answer.
    expect(engine.search('mecanicien auto')).toEqual({ ids: ['t6'], romes: ['I1604'], via: 'titres-metiers' });
    // Both job titles start with "mecanicien": both jobs.
    const mechanic = engine.search('mecanicien');
    expect([mechanic.ids, [...mechanic.romes].sort(), mechanic.via]).toEqual([['t6'], ['H2903', 'I1604'], 'titres-metiers']);
    // Nor does a job suggestion: "technicien" is no typo of "mecanicien".
    expect(engine.suggestJobs('mecanicien').map((job) => job.rome).sort()).toEqual(['H2903', 'I1604']);
    // A typo that keeps the first letters still finds its title; a feminine form finds the masculine.
    expect(ids('regulasion automatique')).toEqual(['t7']);
    expect(ids('chaudronniere')).toEqual(['t1', 't2']);
  });

  it('finds acronyms from the title initials', () => {
    expect(titleAcronym('BTS management commercial opérationnel')).toBe('mco');
    expect(titleAcronym('CAP accompagnant éducatif petite enfance')).toBe('aepe');
    expect(titleAcronym('Bac pro accompagnement, soins et services à la personne option A à domicile')).toBe('assp');
    expect(titleAcronym('BTS comptabilité et gestion')).toBe('cg');
    expect(titleAcronym('BTS - Services - Négociation et digitalisation de la Relation Client - en apprentissage - Entièrement en distanciel')).toBe('ndrc');
    expect(titleAcronym('BTS Services Diététique et nutrition')).toBe('dn');
    expect(ids('bts cg')).toEqual(['t5']);
  });

  it('suggests jobs with how many trainings lead to them, the exact title first', () => {
    expect(engine.suggestJobs('soudeur')[0]).toEqual({ rome: 'H2913', appellation: 'Soudeur / Soudeuse', libelle: 'Soudeur / Soudeuse', trainings: 2 });
    expect(engine.suggestJobs('aide soign')).toEqual([{ rome: 'J1501', appellation: 'Aide-soignant / Aide-soignante', libelle: 'Aide-soignant / Aide-soignante', trainings: 0 }]);
    // A typo on a long word.
    expect(engine.suggestJobs('developeur web')[0]?.rome).toBe('M1805');
    expect(engine.forRomes(['H2913'])).toEqual(['t2', 't1']);
  });
});

describe('commune search', () => {
  const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
  if (!gazetteer.ok) throw new Error(gazetteer.error);
  it('finds a commune by name as typed, by postcode or by code', () => {
    expect(searchCommunes(gazetteer.value, 'st omer')[0]?.nom).toBe('Saint-Omer');
    expect(searchCommunes(gazetteer.value, 'Lens')[0]?.code).toBe('62498');
    expect(searchCommunes(gazetteer.value, '62300').map((commune) => commune.code)).toContain('62498');
    expect(searchCommunes(gazetteer.value, 'hauts talican')[0]?.code).toBe('60694');
    expect(searchCommunes(gazetteer.value, 'bethune')[0]?.nom).toBe('Béthune');
    expect(searchCommunes(gazetteer.value, 'zzz')).toEqual([]);
  });
});
