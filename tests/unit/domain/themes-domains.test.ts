import { describe, expect, it } from 'vitest';
import { domainFromTitle } from '../../../src/domain/domain-rules.ts';
import { themesOf } from '../../../src/domain/themes.ts';

describe('domain from a title', () => {
  it('reads professions before broad fields, and says which rule decided', () => {
    expect(domainFromTitle('D.E Infirmier')).toEqual({ domaine: 'sante-social', rule: 'sante' });
    expect(domainFromTitle("Licence Sciences pour l'ingénieur Parcours Génie Électrique Informatique Industrielle")?.domaine).toBe('numerique');
    expect(domainFromTitle('Licence Mathématiques')).toEqual({ domaine: 'sciences', rule: 'sciences' });
    expect(domainFromTitle('CPGE MPSI')?.domaine).toBe('sciences');
    expect(domainFromTitle('Licence Langues étrangères appliquées parcours anglais')?.domaine).toBe('lettres-droit');
    expect(domainFromTitle('1ère pro assistance gestion des organisations et de leurs activités')?.domaine).toBe('gestion');
    expect(domainFromTitle('BUT Techniques de commercialisation')?.domaine).toBe('commerce');
    expect(domainFromTitle("BUT Métiers de la Transition et de l'Efficacité énergétiques")?.domaine).toBe('electricite');
    expect(domainFromTitle('BPJEPS Spécialité Educateur sportif')?.domaine).toBe('services');
  });

  it('each rule leaves alone the titles it must not catch', () => {
    // "animation" is not sport: social and cultural animation is social work.
    expect(domainFromTitle('BUT Carrières sociales parcours animation sociale et socioculturelle')?.domaine).toBe('sante-social');
    expect(domainFromTitle('BTS Animation et gestion touristiques locales')?.rule).not.toBe('sport');
    // "sciences po" is not "sciences pour l'ingénieur".
    expect(domainFromTitle("Licence Sciences pour l'ingénieur")?.rule).not.toBe('langues-lettres');
    expect(domainFromTitle('Sciences Po Lille, diplôme')?.domaine).toBe('lettres-droit');
    // A bare "sciences" says nothing of the field.
    expect(domainFromTitle('Master Sciences du langage')?.rule).not.toBe('sciences');
    // A DN MADE is art and design, whatever one word of its title says.
    expect(domainFromTitle('DN MADE Numérique')).toEqual({ domaine: 'communication', rule: 'dn-made' });
    expect(domainFromTitle('DN MADE Espace Spécialité : Architecture intérieure')).toEqual({ domaine: 'communication', rule: 'dn-made' });
    // Management, finance, civil engineering: their own fields.
    expect(domainFromTitle('Master Management et administration des entreprises')?.domaine).toBe('gestion');
    expect(domainFromTitle('Master Finance')?.domaine).toBe('gestion');
    expect(domainFromTitle('Master Génie civil')?.domaine).toBe('batiment');
  });

  it('leaves a title that says nothing of its field without a domain', () => {
    expect(domainFromTitle('Formation Bac + 3')).toBeNull();
    expect(domainFromTitle('Licence Pluridisciplinaire Parcours Projet personnel')).toBeNull();
  });
});

describe('themes', () => {
  it('tags the rev3 transitions and industry from the NSF group or words of the title', () => {
    expect(themesOf({ nsf: '227', intitule: 'BTS Fluides énergies domotique' })).toEqual(['energetique']);
    expect(themesOf({ nsf: '326', intitule: 'BTS SIO' })).toEqual(['numerique']);
    expect(themesOf({ nsf: '250', intitule: 'Bac pro Maintenance des systèmes de production connectés' })).toEqual(['industrie']);
    expect(themesOf({ nsf: null, intitule: 'Licence professionnelle Gestion des déchets et économie circulaire' })).toEqual(['ecologique']);
    expect(themesOf({ nsf: '312', intitule: 'BTS Management commercial opérationnel' })).toEqual([]);
  });

  it('does not read a word inside another word', () => {
    // "eau" must not match "bureau" nor "réseau"'s end.
    expect(themesOf({ nsf: null, intitule: 'Agent de bureau' })).toEqual([]);
  });
});
