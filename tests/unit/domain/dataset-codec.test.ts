import { describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset, TRAINING_FIELDS } from '../../../src/domain/dataset-codec.ts';
import type { Training, TrainingDataset } from '../../../src/domain/training.ts';

const training: Training = { id: 't1', siteId: 's1', intitule: 'CAP électricien', diplome: 'CAP', niveau: 3, niveauOrigin: 'mef', nsf: '255', domaine: 'electricite', domaineOrigin: 'code', voies: ['scolaire'], modalite: null, conventionne: null, capacite: 24, sessions: [], organisme: null, url: null, certification: { mef: '23210025510' }, provenance: [{ source: 'affelnet-2022', record: 'ligne 2' }], acces: [], cfd: '50025510', cfdOrigin: 'mef', intituleOrigin: 'certif-info', intituleSource: '1cap2 electricien', romes: ['F1602'], romeOrigin: 'certif-info' };
const dataset: TrainingDataset = { sources: [], sites: [{ id: 's1', nom: 'Lycée', uai: null, siret: null, adresse: null, commune: '62498', point: [2.8, 50.4], precision: 'address', provenance: [] }], trainings: [training], alliance: [], campus: [], organismes: [], facts: [], metiers: [{ code: 'F1602', libelle: 'Électricien / Électricienne du bâtiment' }] };

describe('dataset codec', () => {
  it('reads back every field of a training, the job names too', () => {
    const decoded = decodeDataset(JSON.parse(JSON.stringify(encodeDataset(dataset))) as unknown);
    expect(decoded.ok && decoded.value.trainings).toEqual([training]);
    expect(decoded.ok && decoded.value.metiers).toEqual(dataset.metiers);
  });

  it('builds each training with exactly the fields of the file, in their order (one compact object shape)', () => {
    const decoded = decodeDataset(JSON.parse(JSON.stringify(encodeDataset(dataset))) as unknown);
    expect(decoded.ok && Object.keys(decoded.value.trainings[0] ?? {})).toEqual([...TRAINING_FIELDS]);
  });
});
