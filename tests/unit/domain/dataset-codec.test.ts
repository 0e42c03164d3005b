import { describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset, TRAINING_FIELDS } from '../../../src/domain/dataset-codec.ts';
import { DAMAGED_FILE_HINT, VERSION_HINT } from '../../../src/domain/schema.ts';
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

describe('dataset codec: what it refuses, naming the record and the field', () => {
  const encoded = () => JSON.parse(JSON.stringify(encodeDataset(dataset))) as { trainings: { fields: string[]; rows: unknown[][] }; sites: { fields: string[]; rows: unknown[][] } };
  const withTraining = (field: string, value: unknown) => {
    const data = encoded();
    const row = data.trainings.rows[0] as unknown[];
    row[data.trainings.fields.indexOf(field)] = value;
    return decodeDataset(data);
  };
  it('refuses a javascript: link, a voies that is not a list, an unknown voie', () => {
    expect(withTraining('url', 'javascript:alert(1)')).toEqual({ ok: false, error: 'trainings.json : formation t1, champ « url » : seul un lien http ou https est accepté' + DAMAGED_FILE_HINT });
    expect(withTraining('voies', 'scolaire')).toEqual({ ok: false, error: expect.stringMatching(/^trainings\.json\s: formation t1, champ « voies »\s: une liste non vide/) as unknown as string });
    expect(withTraining('voies', ['scolaire', 'marine'])).toMatchObject({ ok: false });
    expect(withTraining('url', 'https://exemple.fr/formation')).toMatchObject({ ok: true });
  });

  it('refuses a bad level, a list that is not one, a site without coordinates; says it in French', () => {
    expect(withTraining('niveau', 12)).toEqual({ ok: false, error: expect.stringMatching(/formation t1, champ « niveau »/) as unknown as string });
    expect(withTraining('romes', 'F1602')).toEqual({ ok: false, error: expect.stringMatching(/formation t1, champ « romes »/) as unknown as string });
    const data = encoded();
    (data.sites.rows[0] as unknown[])[data.sites.fields.indexOf('point')] = null;
    expect(decodeDataset(data)).toEqual({ ok: false, error: 'trainings.json : lieu s1, champ « point » : des coordonnées [longitude, latitude] sont attendues' + DAMAGED_FILE_HINT });
    expect(decodeDataset({ ...encoded(), version: 9 })).toEqual({ ok: false, error: 'trainings.json : version 9 non prise en charge (attendue : 2)' + VERSION_HINT });
  });

  it('checks every table of the file, not only the trainings, and names the record', () => {
    const withOrganisme = encoded() as unknown as { organismes: unknown[] };
    withOrganisme.organismes = [{ id: 'cfa:1', uai: '0590001A', siret: null, nom: 'CFA', nature: 'formateur', adresse: null, commune: '59350', point: 'Lille', precision: 'address', prepaApprentissage: false, provenance: [] }];
    expect(decodeDataset(withOrganisme)).toEqual({ ok: false, error: 'trainings.json : organisme cfa:1, champ « point » : des coordonnées [longitude, latitude] sont attendues' + DAMAGED_FILE_HINT });
    const withFact = encoded() as unknown as { facts: unknown[] };
    withFact.facts = [{ indicateur: 'CFA', valeur: '12', unite: 'CFA', periode: '2024', source: 'x' }];
    expect(decodeDataset(withFact)).toEqual({ ok: false, error: 'trainings.json : chiffre clé CFA, champ « valeur » : un nombre est attendu' + DAMAGED_FILE_HINT });
    expect(withTraining('acces', [['2nde', 'trente', null, 'premier-choix', 'Affelnet 2022']])).toEqual({ ok: false, error: expect.stringMatching(/^trainings\.json\s: formation t1, champ « acces » \(élément « \[0\]\[1\] »\)\s: un nombre est attendu/) as unknown as string });
    expect(withTraining('sessions', [{ debut: '2026-09', fin: null, etat: 'peut-être' }])).toEqual({ ok: false, error: expect.stringMatching(/formation t1, champ « sessions » .* une valeur parmi ouvert, ferme, suspendu est attendue/) as unknown as string });
    const short = encoded();
    short.trainings.rows[0]?.pop();
    expect(decodeDataset(short)).toEqual({ ok: false, error: expect.stringMatching(/^trainings\.json\s: formation t1, ligne 1\s: /) as unknown as string });
    const orphan = encoded();
    (orphan.trainings.rows[0] as unknown[])[1] = 'ailleurs';
    expect(decodeDataset(orphan)).toEqual({ ok: false, error: 'trainings.json : formation t1, champ « siteId » : lieu inconnu ailleurs' + DAMAGED_FILE_HINT });
  });
});
