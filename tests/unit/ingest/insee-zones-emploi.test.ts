import { describe, expect, it } from 'vitest';
import { parseZoneEmploiComposition } from '../../../src/ingest/insee-zones-emploi.ts';

const banner = [['Zones d’emploi 2020'], ['France - Composition communale'], [null], ['Code géographique', 'Libellé']];
const header = ['CODGEO', 'LIBGEO', 'ZE2020', 'LIBZE2020', 'ZE2020_PARTIE_REG', 'DEP', 'REG'];

describe('INSEE zones d’emploi composition', () => {
  it('finds the header under banner rows and reads each commune', () => {
    const result = parseZoneEmploiComposition([
      ...banner,
      header,
      ['62498', 'Lens', '3215', 'Lens', null, '62', '32'],
      ['60054', 'Les Hauts-Talican', '0054', 'Beauvais', '0054-32', '60', '32'],
    ]);
    expect(result.ok && result.value).toEqual([
      { commune: '62498', zoneEmploi: '3215', libelle: 'Lens', departement: '62', region: '32' },
      { commune: '60054', zoneEmploi: '0054', libelle: 'Beauvais', partieRegionale: '0054-32', departement: '60', region: '32' },
    ]);
  });

  it('reads a newer edition with columns in another order', () => {
    const result = parseZoneEmploiComposition([['REG', 'DEP', 'ZE2020', 'LIBZE2020', 'CODGEO'], ['32', '80', '3201', 'Abbeville', '80001']]);
    expect(result.ok && result.value[0]).toMatchObject({ commune: '80001', zoneEmploi: '3201' });
  });

  it('names the missing column', () => {
    const result = parseZoneEmploiComposition([...banner, ['CODGEO', 'LIBGEO', 'DEP', 'REG']]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('ZE2020') });
  });

  it('names the row of a malformed zone code', () => {
    const result = parseZoneEmploiComposition([header, ['62498', 'Lens', '32-15', 'Lens', null, '62', '32']]);
    expect(!result.ok && result.error).toMatch(/row 2: commune 62498 has ZE2020 "32-15"/);
  });
});
