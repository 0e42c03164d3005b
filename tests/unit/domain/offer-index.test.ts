import { describe, expect, it } from 'vitest';
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
    expect(narrowOffer(offer, [base.trainings[0] as Training]).jobCounts.get('H2902')).toEqual({ total: 2, principal: 1 });
  });

  it('keeps the job names when a file opened in the browser is added', () => {
    const { metiers: _names, ...withoutNames } = base;
    const merged = mergeDatasets(base, { ...withoutNames, trainings: [training('c', ['H2913'])] }, 'fichier');
    expect(merged.metiers).toEqual(base.metiers);
    expect(indexOffer(merged).jobCounts.get('H2913')).toEqual({ total: 2, principal: 2 });
  });
});
