import { describe, expect, it } from 'vitest';
import { describePlaces, placesOf } from '../../../src/domain/places.ts';
import type { Acces } from '../../../src/domain/training.ts';

const entry = (entree: string | null, places: number | null, extra: Partial<Acces> = {}): Acces => ({ entree, places, voeux: null, voeuxType: 'confirmes', source: 'Parcoursup 2024', ...extra });

describe('the places of a training, one definition', () => {
  it('adds the two statuses, shown apart', () => {
    const places = placesOf({ capacite: 24, acces: [entry('sous statut scolaire', 24), entry('en apprentissage', 12)] });
    expect(places).toEqual({ total: 36, parts: [{ statut: 'sous statut scolaire', places: 24 }, { statut: 'en apprentissage', places: 12 }], nonLimitees: false });
    expect(describePlaces(places)).toBe('36 places (24 sous statut scolaire, 12 en apprentissage)');
  });

  it('adds two rows of one status (a BTS and its "réservé aux Mises à Niveau" row)', () => {
    expect(placesOf({ capacite: 4, acces: [entry('sous statut scolaire', 4), entry('sous statut scolaire', 8)] }).total).toBe(12);
    // One of them unknown: the capacity the source gives, not a guess.
    expect(placesOf({ capacite: 4, acces: [entry('sous statut scolaire', 4), entry('sous statut scolaire', null)] }).total).toBe(4);
  });

  it('says "not limited" for Affelnet’s 999, never a number', () => {
    const places = placesOf({ capacite: null, acces: [entry('2nde', null, { placesNonLimitees: true, source: 'Affelnet 2022', voeuxType: 'premier-choix' })] });
    expect(describePlaces(places)).toBe('places non limitées ou non précisées (Affelnet)');
  });
});
