import { domainLabel } from '../domain/domains.ts';
import type { OfferIndex } from '../domain/offer-index.ts';
import { MODALITE_LABELS, NIVEAU_LABELS, VOIE_LABELS, type Acces, type Provenance, type Training, type TrainingSession } from '../domain/training.ts';
import { describePlaces, placesOf } from '../domain/places.ts';
import { formatInteger } from './format.ts';
import { frenchDate } from '../domain/typography.ts';

export function describeSession(session: TrainingSession): string {
  const parts = [session.debut ? `début ${frenchDate(session.debut, 'short')}` : null, session.fin ? `fin ${frenchDate(session.fin, 'short')}` : null].filter(Boolean);
  const state = session.etat === 'ouvert' ? 'inscriptions ouvertes' : session.etat === 'ferme' ? 'inscriptions closes' : session.etat === 'suspendu' ? 'inscriptions suspendues' : null;
  return [parts.join(', '), state].filter(Boolean).join(' · ') || 'dates non précisées';
}

/** The facts line of a training: diploma, level, voies, mode, places, funding, domain. */
export function describeTraining(training: Training): string[] {
  return [
    training.niveau ? NIVEAU_LABELS[training.niveau] : 'Niveau non précisé',
    training.voies.map((voie) => VOIE_LABELS[voie]).join(', '),
    training.modalite ? MODALITE_LABELS[training.modalite] : null,
    describePlaces(placesOf(training)),
    training.conventionne === true ? 'Places financées (conventionné)' : null,
    domainLabel(training.domaine),
  ].filter((item): item is string => item !== null);
}

/**
 * Access in words, with its source and year: "2nde : 42 vœux en premier choix pour 24 places —
 * Affelnet 2022". Only what the source says; no score beyond it.
 */
export function describeAcces(acces: Acces): string {
  const wishes = acces.voeux === null ? null : `${formatInteger(acces.voeux)} ${acces.voeuxType === 'premier-choix' ? (acces.voeux > 1 ? 'vœux en premier choix' : 'vœu en premier choix') : acces.voeux > 1 ? 'vœux confirmés' : 'vœu confirmé'}`;
  const places = acces.places === null ? (acces.placesNonLimitees ? 'places non limitées ou non précisées' : null) : `${formatInteger(acces.places)} place${acces.places > 1 ? 's' : ''}`;
  const body = wishes && places ? `${wishes} pour ${places}` : (wishes ?? places ?? 'capacité non précisée');
  return `${acces.entree ? `${acces.entree.charAt(0).toUpperCase()}${acces.entree.slice(1)} : ` : ''}${body} — ${acces.source}`;
}

/** "Parcoursup 2024, ligne 443" for each provenance of a record. */
export function describeProvenance(offer: OfferIndex, provenance: readonly Provenance[]): string[] {
  return provenance.map((item) => {
    const source = offer.sourcesById.get(item.source);
    return source ? `${source.label} (${source.date}) — ${item.record}` : `${item.source} — ${item.record}`;
  });
}
