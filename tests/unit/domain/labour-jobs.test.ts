import { describe, expect, it } from 'vitest';
import { closestMetier, metiersOfRomes, type LabourFile } from '../../../src/domain/labour.ts';

// A small survey file (test data): three métiers, two of them grouping the welder's ROME code.
const metier = (code: string, libelle: string, romes: string[]) => ({ code, libelle, famille: code.charAt(0), familleLibelle: 'Famille', romes });
const file: LabourFile = {
  version: 1,
  source: 'test',
  licence: 'test',
  annee: 2024,
  metiers: [metier('D6Z70', 'Techniciens en mécanique et travail des métaux', ['H2913', 'H2903', 'H2901', 'H1404']), metier('D1X33', 'Soudeurs', ['H2913']), metier('T4X60', 'Agents d’entretien', ['K2204'])],
  bassins: {},
};

describe('from a job (ROME) to the hiring survey’s métiers', () => {
  it('lists every métier grouping the job, and takes the one grouping the fewest jobs as the closest', () => {
    expect(metiersOfRomes(file, ['H2913']).map((item) => item.code)).toEqual(['D6Z70', 'D1X33']);
    expect(closestMetier(file, 'H2913')?.code).toBe('D1X33');
    expect(closestMetier(file, 'H1404')?.code).toBe('D6Z70');
    expect(closestMetier(file, 'K1401')).toBeNull();
  });
});
