import { describe, expect, it } from 'vitest';
import { aName, deDepartement, deName, departementWithArticle, frenchNumber, frenchSpaces, NBSP, NNBSP, ordinal, percent, quarterLabel } from '../../../src/domain/typography.ts';

describe('French typography of generated text', () => {
  it('elides and contracts before names: d’Amiens, du Touquet, de l’Oise', () => {
    expect(deName('Amiens')).toBe("d'Amiens");
    expect(deName('Étaples')).toBe("d'Étaples");
    expect(deName('Lille')).toBe('de Lille');
    expect(deName('Hazebrouck')).toBe('de Hazebrouck');
    expect(deName('Le Touquet-Paris-Plage')).toBe('du Touquet-Paris-Plage');
    expect(deName('Les Moëres')).toBe('des Moëres');
    expect(deName('La Bassée')).toBe('de La Bassée');
    expect(aName('Le Portel')).toBe('au Portel');
    expect(aName('Arras')).toBe('à Arras');
    expect(departementWithArticle('60')).toBe("l'Oise");
    expect(departementWithArticle('59')).toBe('le Nord');
    expect(deDepartement('62')).toBe('du Pas-de-Calais');
    expect(deDepartement('80')).toBe('de la Somme');
    expect(deDepartement('02')).toBe("de l'Aisne");
  });

  it('puts unbreakable spaces in numbers, before % and :', () => {
    expect(frenchNumber(12345.67)).toBe(`12${NNBSP}345,7`);
    expect(percent(10.64)).toBe(`10,6${NNBSP}%`);
    expect(frenchSpaces('Source : Insee ; taux : 10 % , fin')).toBe(`Source${NBSP}: Insee${NNBSP}; taux${NBSP}: 10${NNBSP}% , fin`);
    // A ternary-like " : " inside a word pair is still a French colon; no other space changes.
    expect(frenchSpaces('a b')).toBe('a b');
  });

  it('writes ordinals and quarters: 1er, 2e', () => {
    expect(ordinal(1)).toBe('1er');
    expect(ordinal(1, true)).toBe('1re');
    expect(ordinal(2)).toBe('2e');
    expect(quarterLabel('2025-T1')).toBe('1er trimestre 2025');
    expect(quarterLabel('2024-T3')).toBe('3e trimestre 2024');
  });
});
