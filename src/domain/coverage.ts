import { VOIES, type TrainingDataset, type Voie } from './training.ts';

/** A figure typed from a public document, with its source (data/sources/chiffres-cles.csv). */
export interface Fact {
  indicateur: string;
  /** The figure; null for a fact that is a list of names (then in `texte`). */
  valeur: number | null;
  texte?: string;
  unite: string;
  periode: string;
  source: string;
}

/** Facts the "Couverture des données" panel sets beside what we hold, by their `indicateur`. */
export const COVERAGE_FACTS = {
  cfa: 'CFA',
  organismes: 'Organismes de formation',
  apprentis: 'Apprentis',
  entreesDemandeurs: "Entrées en formation de personnes en recherche d'emploi",
  bassinsMarshall: 'Plan Marshall - bassins prioritaires',
} as const;

export interface VoieCoverage {
  voie: Voie;
  trainings: number;
  sites: number;
  /** Ids of the sources that give trainings of this voie. */
  sources: string[];
}

/** What the offer holds per voie: trainings, sites and the sources they come from. */
export function coverageByVoie(dataset: TrainingDataset): VoieCoverage[] {
  return VOIES.map((voie) => {
    const trainings = dataset.trainings.filter((training) => training.voies.includes(voie));
    const sources = new Set(trainings.flatMap((training) => training.provenance.map((item) => item.source)));
    return {
      voie,
      trainings: trainings.length,
      sites: new Set(trainings.map((training) => training.siteId)).size,
      sources: dataset.sources.filter((source) => sources.has(source.id)).map((source) => source.id),
    };
  });
}
