import { describe, expect, it } from 'vitest';
import { deName, deParts, departementWithArticle, formatDistance, frenchDate, frenchNumber, localIsoDate, lowerFirst, NBSP, NNBSP, ordinal, percent, quarterLabel, typeset } from '../../../src/domain/typography.ts';

describe('French typography of generated text', () => {
  it('elides and contracts before names: d’Amiens, du Touquet, de l’Oise', () => {
    expect(deName('Amiens')).toBe("d'Amiens");
    expect(deName('Étaples')).toBe("d'Étaples");
    expect(deName('Lille')).toBe('de Lille');
    expect(deName('Hazebrouck')).toBe('de Hazebrouck');
    expect(deName('Le Touquet-Paris-Plage')).toBe('du Touquet-Paris-Plage');
    expect(deName('Les Moëres')).toBe('des Moëres');
    expect(deName('La Bassée')).toBe('de La Bassée');
    expect(deParts('Amiens')).toEqual(["d'", 'Amiens']);
    expect(deParts('Le Portel')).toEqual(['du ', 'Portel']);
    expect(departementWithArticle('60')).toBe("l'Oise");
    expect(departementWithArticle('59')).toBe('le Nord');
    expect(departementWithArticle('80')).toBe('la Somme');
  });

  it('puts unbreakable spaces in numbers and before %', () => {
    expect(frenchNumber(12345.67)).toBe(`12${NNBSP}345,7`);
    expect(percent(10.64)).toBe(`10,6${NNBSP}%`);
  });

  it('writes a distance with an unbreakable space before its unit, and approximately for an approximate site', () => {
    expect(formatDistance(0.4499)).toBe(`450${NBSP}m`);
    expect(formatDistance(12.34)).toBe(`12,3${NBSP}km`);
    // A site placed at its commune's point is not "0 m" from a person looking from that point.
    expect(formatDistance(0, true)).toBe(`≈${NBSP}1${NBSP}km`);
    expect(formatDistance(12.6, true)).toBe(`≈${NBSP}13${NBSP}km`);
  });

  it('writes ordinals and quarters: 1er, 2e', () => {
    expect(ordinal(1)).toBe('1er');
    expect(ordinal(1, true)).toBe('1re');
    expect(ordinal(2)).toBe('2e');
    expect(quarterLabel('2025-T1')).toBe('1er trimestre 2025');
    expect(quarterLabel('2024-T3')).toBe('3e trimestre 2024');
    expect(quarterLabel('2025-T1', true)).toBe(`1er${NBSP}trim.${NBSP}2025`);
    expect(quarterLabel('2025')).toBe('2025');
  });

  it('writes dates as French does: "1er" for the first of a month, months in words', () => {
    expect(frenchDate('2026-12-01')).toBe('1er décembre 2026');
    expect(frenchDate('2027-06-30')).toBe('30 juin 2027');
    expect(frenchDate('2027-09-02', 'short')).toBe('2 sept. 2027');
    expect(frenchDate('2027-09-01', 'short')).toBe('1er sept. 2027');
    expect(frenchDate('2027-01')).toBe('janvier 2027');
    expect(frenchDate('2027-01', 'short')).toBe('janv. 2027');
    // Not a date it knows: as it is, never "undefined 2027".
    expect(frenchDate('2027-13-01')).toBe('2027-13-01');
    expect(frenchDate('bientôt')).toBe('bientôt');
    // The local calendar day, late at night too (toISOString would give UTC's day).
    expect(localIsoDate(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01');
    expect(localIsoDate(new Date(2027, 0, 9, 0, 1))).toBe('2027-01-09');
  });

  it('sets the spaces before ":", "%", ";", "?", "!", inside guillemets and before a unit, and leaves the rest alone', () => {
    expect(typeset('Rayon : 30 km')).toBe(`Rayon${NBSP}: 30${NBSP}km`);
    expect(typeset('9,2 % ; le reste')).toBe(`9,2${NNBSP}%${NNBSP}; le reste`);
    expect(typeset('Que faire ? Rien !')).toBe(`Que faire${NNBSP}? Rien${NNBSP}!`);
    expect(typeset('après « # » seulement')).toBe(`après «${NBSP}#${NBSP}» seulement`);
    // Two ordinary spaces are one unbreakable space.
    expect(typeset('Lens  : 3')).toBe(`Lens${NBSP}: 3`);
    // Already set, or not touching a sign: unchanged (and the same string).
    const done = `Lens${NBSP}: 3`;
    expect(typeset(done)).toBe(done);
    for (const verbatim of ['https://data.geopf.fr/wmts?SERVICE=WMTS', '?v=1&voie=apprentissage', '10:30', 'Lens-Liévin', '']) expect(typeset(verbatim)).toBe(verbatim);
    // A number and its unit stay together; a word that starts like a unit is not one.
    expect(typeset('à moins de 30 km de Lens, 15 min à pied, 2 h, 12 €')).toBe(`à moins de 30${NBSP}km de Lens, 15${NBSP}min à pied, 2${NBSP}h, 12${NBSP}€`);
    for (const words of ['3 mois', '2 heures', '4 minutes', '5 métiers', '2 formations']) expect(typeset(words)).toBe(words);
  });
});

describe('a label inside a sentence', () => {
  it('lowers its first letter only, and never an acronym', () => {
    expect(lowerFirst("Zones d'emploi")).toBe("zones d'emploi");
    expect(lowerFirst("Bassins d'emploi (France Travail, enquête BMO)")).toBe("bassins d'emploi (France Travail, enquête BMO)");
    expect(lowerFirst('SPEL (bassins emploi-formation)')).toBe('SPEL (bassins emploi-formation)');
    expect(lowerFirst('Ouvriers qualifiés en menuiserie et en agencement du BTP')).toBe('ouvriers qualifiés en menuiserie et en agencement du BTP');
    expect(lowerFirst('Élagueurs')).toBe('élagueurs');
    expect(lowerFirst('A')).toBe('a');
    expect(lowerFirst('')).toBe('');
  });
});
