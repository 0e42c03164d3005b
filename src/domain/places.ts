import type { Training } from './training.ts';

/** A training's places as its sources give them: the total, and its parts per status when it has two. */
export interface Places {
  /** All places, or null when a source does not give them. */
  total: number | null;
  /** Per status ("sous statut scolaire", "en apprentissage"), for a training under both. */
  parts: { statut: string; places: number | null }[];
  /** A source says "no limit" (Affelnet's 999): not a number of places. */
  nonLimitees: boolean;
}

const STATUTS = ['sous statut scolaire', 'en apprentissage'];

/**
 * The places of a training: a training under both statuses (a BTS in school and in apprenticeship)
 * adds its two statuses' places, known apart; a status given by several rows adds them; otherwise
 * its capacity. One definition for the card,
 * the list, the exports and the pipeline's `capacite`.
 */
export function placesOf(training: Pick<Training, 'capacite' | 'acces'>): Places {
  const parts = STATUTS.flatMap((statut) => {
    const entries = training.acces.filter((item) => item.entree === statut);
    if (entries.length === 0) return [];
    const known = entries.filter((item) => item.places !== null);
    return [{ statut, places: known.length === 0 ? null : known.reduce((sum, item) => sum + (item.places ?? 0), 0) }];
  });
  const nonLimitees = training.capacite === null && training.acces.some((item) => item.placesNonLimitees === true);
  // One status given by several rows (a BTS's own row and its "réservé aux Mises à Niveau" row): their sum.
  const single = parts.length === 1 ? training.acces.filter((item) => item.entree === parts[0]?.statut) : [];
  if (single.length > 1 && single.every((item) => item.places !== null)) return { total: parts[0]?.places ?? null, parts: [], nonLimitees };
  if (parts.length < 2) return { total: training.capacite, parts: [], nonLimitees };
  const total = parts.every((part) => part.places !== null) ? parts.reduce((sum, part) => sum + (part.places ?? 0), 0) : null;
  return { total, parts, nonLimitees };
}

/** Places in words: "36 places (24 sous statut scolaire, 12 en apprentissage)", "places non limitées…", or null. */
export function describePlaces(places: Places): string | null {
  if (places.nonLimitees) return 'places non limitées ou non précisées (Affelnet)';
  if (places.parts.length > 0) {
    const detail = places.parts.map((part) => `${part.places === null ? '?' : part.places} ${part.statut}`).join(', ');
    return places.total === null ? `places : ${detail}` : `${places.total} places (${detail})`;
  }
  return places.total === null ? null : `${places.total} place${places.total > 1 ? 's' : ''}`;
}
