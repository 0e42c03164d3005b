import { describe, expect, it } from 'vitest';
import { AccentLexicon, restoreCommuneName, restoreEstablishmentName, titleCaseName } from '../../../src/domain/accents.ts';

describe('accents of establishment names', () => {
  it('restores the generic words and the elided articles, never a person’s name', () => {
    expect(restoreEstablishmentName('Universite d Amiens')).toBe("Université d'Amiens");
    expect(restoreEstablishmentName('Lycee Cesar Baggio')).toBe('Lycée Cesar Baggio');
    expect(restoreEstablishmentName('LYCEE PRIVE SAINT JOSEPH')).toBe('LYCÉE PRIVÉ SAINT JOSEPH');
    expect(restoreEstablishmentName('Lycee polyvalent des Metiers')).toBe('Lycée polyvalent des Métiers');
  });

  it('writes an upper-case name as a person would, keeping acronyms', () => {
    expect(titleCaseName("CHAMBRE DE METIERS ET DE L'ARTISANAT DE REGION HAUTS-DE-FRANCE")).toBe("Chambre de Métiers et de l'Artisanat de Région Hauts-de-France");
    expect(titleCaseName('BTP CFA PICARDIE')).toBe('BTP CFA Picardie');
    expect(titleCaseName('UNIVERSITE D ARTOIS')).toBe("Université d'Artois");
    expect(titleCaseName('Lycee Jean Bart')).toBe('Lycée Jean Bart');
    expect(titleCaseName('IG2I')).toBe('IG2I');
    expect(titleCaseName('LYCEE SAINT FRANCOIS')).toBe('Lycée Saint François');
  });

  it('restores a commune name from the gazetteer', () => {
    expect(restoreCommuneName('Lycee Jean Mace Lievin', 'Liévin')).toBe('Lycee Jean Mace Liévin');
    expect(restoreCommuneName('Lycee de Saint Omer', 'Saint-Omer')).toBe('Lycee de Saint-Omer');
    expect(restoreCommuneName('Lycee de Lens', 'Liévin')).toBe('Lycee de Lens');
    // A short commune name shouted in a name written in lower case is a name, not an acronym.
    expect(restoreCommuneName('Institut de Formation en Soins Infirmiers LAON', 'Laon')).toBe('Institut de Formation en Soins Infirmiers Laon');
    expect(restoreCommuneName('Institut de Formation en Ergotherapie Site de LOOS', 'Loos')).toBe('Institut de Formation en Ergotherapie Site de Loos');
    expect(restoreCommuneName('LYCEE DE LENS', 'Lens')).toBe('LYCEE DE LENS');
  });
});

describe('accent lexicon learned from the sources', () => {
  it('restores a word only when the sources spell it with accents in one single way', () => {
    const lexicon = new AccentLexicon();
    lexicon.learn('BTS - Services - Diététique');
    lexicon.learn('Métiers de l’élevage');
    lexicon.learn('Le résumé'); // résumé
    lexicon.learn('Un resume'); // no accent: not learned
    lexicon.learn('Pâte et pâté'); // two forms of "pate": ambiguous, never restored
    expect(lexicon.restore('BTS Services Dietetique et nutrition')).toBe('BTS Services Diététique et nutrition');
    expect(lexicon.restore('Metiers de l elevage')).toBe("Métiers de l'élevage");
    expect(lexicon.restore('pate')).toBe('pate');
    expect(lexicon.restore('Resume')).toBe('Résumé');
  });
});

describe('names of sites and organisations, as people write them', () => {
  it('restores case and accents: shouted names, lower-case particles, given names, Faculté; acronyms stay', () => {
    expect(restoreEstablishmentName('Lycee THEOPHILE LEGRAND')).toBe('Lycée Théophile Legrand');
    expect(restoreEstablishmentName('Lycée Jesse De Forest')).toBe('Lycée Jesse de Forest');
    expect(restoreEstablishmentName('Lycée Leonard De Vinci')).toBe('Lycée Léonard de Vinci');
    expect(restoreEstablishmentName('Institut Catholique de Lille Faculte Libre Droit')).toBe('Institut Catholique de Lille Faculté Libre Droit');
    expect(restoreEstablishmentName('Lycée professionnel GUY DEBEYRE')).toBe('Lycée professionnel Guy Debeyre');
    expect(restoreEstablishmentName('EPSI Ecole Privee des Sciences Informatiques de LILLE')).toBe('EPSI École Privée des Sciences Informatiques de Lille');
    expect(restoreEstablishmentName('ESJ Lille')).toBe('ESJ Lille');
    expect(restoreEstablishmentName("Institut de Formation en Soins Infirmiers Clermont de l'OISE")).toBe("Institut de Formation en Soins Infirmiers Clermont de l'Oise");
    expect(restoreEstablishmentName('Lycée Polyvalent privé EIC Industriel')).toBe('Lycée Polyvalent privé EIC Industriel');
    // A name not in the list is left as written: no guess.
    expect(restoreEstablishmentName('Lycee Cesar Baggio')).toBe('Lycée Cesar Baggio');
  });
});
