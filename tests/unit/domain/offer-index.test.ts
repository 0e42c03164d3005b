import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexOffer, mergeDatasets, narrowOffer } from '../../../src/domain/offer-index.ts';
import type { Training, TrainingDataset } from '../../../src/domain/training.ts';

const training = (id: string, romes: string[]): Training => ({ id, siteId: 's1', intitule: id, diplome: null, niveau: null, niveauOrigin: null, nsf: null, domaine: null, voies: ['scolaire'], modalite: null, conventionne: null, capacite: null, sessions: [], organisme: null, url: null, certification: {}, provenance: [{ source: 'x', record: 'ligne 1' }], acces: [], romes });
const site = { id: 's1', nom: 'Lycée', uai: null, siret: null, adresse: null, commune: '62498', point: [2.83, 50.43] as [number, number], precision: 'address' as const, provenance: [] };
const base: TrainingDataset = { sources: [], sites: [site], trainings: [training('a', ['H2913', 'H2902']), training('b', ['H2902'])], alliance: [], campus: [], organismes: [], facts: [], metiers: [{ code: 'H2913', libelle: 'Soudeur / Soudeuse' }, { code: 'H2902', libelle: 'Chaudronnier / Chaudronnière' }] };

describe('offer index: jobs', () => {
  it('names the jobs and counts the whole offer’s trainings per job, main job apart', () => {
    const offer = indexOffer(base);
    expect(offer.jobLabels.get('H2913')).toBe('Soudeur / Soudeuse');
    expect(offer.jobCounts.get('H2902')).toEqual({ total: 2, principal: 1 });
    // A narrowed offer (a filter) keeps the whole offer's counts: "N formations sur la carte".
    expect(narrowOffer(offer, (item) => item === base.trainings[0]).jobCounts.get('H2902')).toEqual({ total: 2, principal: 1 });
  });

  it('keeps the job names when a file opened in the browser is added', () => {
    const { metiers: _names, ...withoutNames } = base;
    const merged = mergeDatasets(base, { ...withoutNames, trainings: [training('c', ['H2913'])] }, 'fichier');
    expect(merged.metiers).toEqual(base.metiers);
    expect(indexOffer(merged).jobCounts.get('H2913')).toEqual({ total: 2, principal: 2 });
  });
});

describe('offer index: narrowing (every filter change)', () => {
  // Sites s0…s5 (s5 teaches nothing), trainings spread over them, some on a site that does not exist.
  const siteOf = (index: number) => ({ ...site, id: `s${index}`, uai: index % 2 === 0 ? `UAI${index % 4}` : null });
  const sites = [0, 1, 2, 3, 4, 5].map(siteOf);
  const trainingOn = (id: string, siteIndex: number, voie: 'scolaire' | 'continue') => ({ ...training(id, []), siteId: `s${siteIndex}`, voies: [voie] });
  const arbitraryDataset = fc
    .array(fc.record({ siteIndex: fc.integer({ min: 0, max: 6 }), voie: fc.constantFrom('scolaire' as const, 'continue' as const) }), { maxLength: 30 })
    .map((items): TrainingDataset => ({ ...base, sites, trainings: items.map((item, index) => trainingOn(`t${index}`, item.siteIndex, item.voie)) }));
  const keepers = fc.constantFrom(
    (item: Training) => item.voies.includes('scolaire'),
    (item: Training) => item.id.endsWith('1') || item.id.endsWith('4'),
    () => true,
    () => false,
  );

  it('gives what indexing the kept trainings and their sites gives', () => {
    fc.assert(
      fc.property(arbitraryDataset, keepers, (dataset, keep) => {
        const narrowed = narrowOffer(indexOffer(dataset), keep);
        const kept = dataset.trainings.filter(keep);
        const expected = indexOffer({ ...dataset, trainings: kept, sites: dataset.sites.filter((item) => kept.some((t) => t.siteId === item.id)) });
        expect(narrowed.dataset.trainings).toEqual(expected.dataset.trainings);
        expect(narrowed.dataset.sites).toEqual(expected.dataset.sites);
        expect(narrowed.siteTrainings).toEqual(expected.siteTrainings);
        expect(narrowed.sitesById).toEqual(expected.sitesById);
        expect(narrowed.sitesByUai).toEqual(expected.sitesByUai);
        // Lookups by id, for the sites that exist (a training on an unknown site is in no site's list).
        for (const item of expected.dataset.sites) expect(narrowed.trainingsBySite.get(item.id)).toEqual(expected.trainingsBySite.get(item.id));
        expect(narrowed.trainingsBySite.size).toBe(expected.dataset.sites.length);
      }),
      { numRuns: 500 },
    );
  });

  it('narrows a narrowed offer as it narrows the whole one', () => {
    fc.assert(
      fc.property(arbitraryDataset, keepers, keepers, (dataset, first, second) => {
        const twice = narrowOffer(narrowOffer(indexOffer(dataset), first), second);
        const once = narrowOffer(indexOffer(dataset), (item) => first(item) && second(item));
        expect(twice.dataset.trainings).toEqual(once.dataset.trainings);
        expect(twice.siteTrainings).toEqual(once.siteTrainings);
        expect(twice.sitesByUai).toEqual(once.sitesByUai);
      }),
      { numRuns: 300 },
    );
  });

  it('shares the lists it keeps whole and builds the lookups by id only when read', () => {
    const offer = indexOffer({ ...base, sites: [siteOf(0), siteOf(1)], trainings: [trainingOn('a', 0, 'scolaire'), trainingOn('b', 1, 'scolaire'), trainingOn('c', 1, 'continue')] });
    const narrowed = narrowOffer(offer, (item) => item.voies.includes('scolaire'));
    expect(narrowed.siteTrainings[0]).toBe(offer.siteTrainings[0]);
    expect(narrowed.siteTrainings[1]).toEqual([offer.dataset.trainings[1]]);
    const lazy = Object.getOwnPropertyDescriptor(narrowed, 'sitesById');
    expect(typeof lazy?.get).toBe('function');
    expect(narrowed.sitesById).toBe(narrowed.sitesById);
  });
});
