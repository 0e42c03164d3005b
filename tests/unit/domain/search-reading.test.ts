import { describe, expect, it } from 'vitest';
import { describeSearchReading } from '../../../src/domain/filters.ts';

const jobs = new Map([
  ['I1604', 'Mécanicien / Mécanicienne automobile'],
  ['H2913', 'Soudeur / Soudeuse'],
]);

describe('how a search was read, for a sheet without a search box', () => {
  it('names the job a search named, or the jobs it fell back on; nothing for a plain search', () => {
    expect(describeSearchReading(' soudeur ', 'metier', ['H2913'], jobs)).toBe("La recherche « soudeur » nomme un métier : les formations qui mènent au métier Soudeur / Soudeuse, avec celles dont l'intitulé la contient.");
    expect(describeSearchReading('mecanicien auto', 'titres-metiers', ['I1604', 'H2913'], jobs)).toBe('Aucun intitulé de formation ne contient « mecanicien auto » : les formations qui mènent aux métiers Mécanicien / Mécanicienne automobile, Soudeur / Soudeuse, dont le nom le contient.');
    // An unknown code is named by its code; a plain search, or one with no job, says nothing.
    expect(describeSearchReading('x', 'metier', ['Z9999'], jobs)).toContain('au métier Z9999');
    expect(describeSearchReading('bts mco', null, [], jobs)).toBeNull();
    expect(describeSearchReading('soudeur', 'metier', [], jobs)).toBeNull();
    expect(describeSearchReading('  ', 'metier', ['H2913'], jobs)).toBeNull();
  });
});
