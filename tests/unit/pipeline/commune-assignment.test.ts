import { describe, expect, it } from 'vitest';
import { assignCommunes, type DecoupageCommune } from '../../../data/pipeline/lib/commune-assignment.ts';

const communes: DecoupageCommune[] = [
  { code: '60054', nom: 'Beaumont-les-Nonains', type: 'commune-actuelle', region: '32', departement: '60', arrondissement: '601', population: 339, anciensCodes: ['60455'] },
  { code: '60694', nom: 'Les Hauts-Talican', type: 'commune-actuelle', region: '32', departement: '60', arrondissement: '601', population: 542 },
  { code: '62498', nom: 'Lens', type: 'commune-actuelle', region: '32', departement: '62', arrondissement: '627', population: 32920, codesPostaux: ['62300'] },
  { code: '62999', nom: 'Ancienne', type: 'commune-deleguee', region: '32', chefLieu: '62498' },
  { code: '75056', nom: 'Paris', type: 'commune-actuelle', region: '11', departement: '75' },
];
const arrondissements = [
  { code: '601', nom: 'Beauvais' },
  { code: '627', nom: 'Lens' },
];
const composition = [
  { commune: '60054', zoneEmploi: '0054', libelle: 'Beauvais', partieRegionale: '0054-32', departement: '60', region: '32' },
  { commune: '62498', zoneEmploi: '3215', libelle: 'Lens', departement: '62', region: '32' },
];

describe('commune assignment', () => {
  it('gives each current commune of the region its zone d’emploi and SPEL (= arrondissement)', () => {
    const result = assignCommunes(communes, arrondissements, composition, '32', undefined, new Map([['60694', '60054']]));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.communes.map((commune) => [commune.code, commune.zoneEmploi, commune.spel, commune.zoneEmploiPartieRegionale])).toEqual([
      ['60054', '0054', '601', true],
      ['60694', '0054', '601', true],
      ['62498', '3215', '627', false],
    ]);
    expect(result.value.currentCodeOf.get('60455')).toBe('60054');
    expect(result.value.currentCodeOf.get('62999')).toBe('62498');
    expect(result.value.spelNames.get('627')).toBe('Lens');
  });

  it('says which commune has no zone d’emploi', () => {
    const result = assignCommunes(communes, arrondissements, composition, '32');
    expect(!result.ok && result.error).toMatch(/60694 \(Les Hauts-Talican\)/);
  });

  it('uses a replacement SPEL table when given', () => {
    const table = new Map([
      ['60054', { code: 'S1', nom: 'Sud' }],
      ['60694', { code: 'S1', nom: 'Sud' }],
      ['62498', { code: 'S2', nom: 'Nord' }],
    ]);
    const result = assignCommunes(communes, arrondissements, composition, '32', table, new Map([['60694', '60054']]));
    expect(result.ok && result.value.communes.map((commune) => commune.spel)).toEqual(['S1', 'S1', 'S2']);
  });
});
