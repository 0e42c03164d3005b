import MiniSearch from 'minisearch';
import { domainLabel } from './domains.ts';
import { foldText } from './text.ts';
import { THEMES } from './themes.ts';
import type { Training } from './training.ts';

/** What a training is searched by: its title, diploma, training body, commune and job words. */
export interface SearchDocument {
  id: string;
  intitule: string;
  diplome: string;
  organisme: string;
  commune: string;
  metiers: string;
}

/** The documents to index, built where the dataset is (cheap), indexed where it is slow (a worker). */
export function searchDocuments(trainings: readonly Training[], communeName: (training: Training) => string, themes: (training: Training) => readonly string[]): SearchDocument[] {
  return trainings.map((training) => ({
    id: training.id,
    intitule: training.intitule,
    diplome: training.diplome ?? '',
    organisme: training.organisme ?? '',
    commune: communeName(training),
    metiers: [jobWords(training.intitule), domainLabel(training.domaine), ...themes(training).map((id) => THEME_LABELS.get(id) ?? '')].join(' '),
  }));
}

export interface TrainingSearch {
  /** Ids of the trainings matching `query`: every word, as a prefix, with typos tolerated. */
  search: (query: string) => Set<string>;
}

const THEME_LABELS = new Map(THEMES.map((theme) => [theme.id, theme.label]));

/**
 * Job words people type for what titles name otherwise: a title holding the key (folded word
 * start) is also found by these words. "soudure" finds "Technicien en soudage"; "électricien"
 * finds "Électrotechnique". The app's own list, kept short and literal.
 */
export const JOB_WORDS: Readonly<Record<string, string>> = {
  soudage: 'soudure soudeur',
  chaudronn: 'chaudronnier soudure tolerie',
  electrotech: 'electricien electricite',
  electricite: 'electricien',
  infirmier: 'infirmiere soins',
  'aide soignant': 'aide soignante soins',
  'accompagnement soins': 'aide a domicile auxiliaire de vie',
  'petite enfance': 'creche puericulture',
  maintenance: 'mecanicien technicien de maintenance',
  'maintenance des vehicules': 'mecanicien automobile garagiste',
  cuisine: 'cuisinier',
  'production et service en restaurations': 'cuisinier serveur',
  boulang: 'boulanger',
  patiss: 'patissier',
  comptab: 'comptable',
  'management commercial': 'vendeur commercial',
  'metiers du commerce': 'vendeur commercial',
  logistique: 'cariste magasinier',
  'conducteur routier': 'chauffeur',
  informatique: 'developpeur programmeur',
  'services informatiques aux organisations': 'developpeur programmeur',
  coiffure: 'coiffeur',
  esthetique: 'estheticienne',
  menuiserie: 'menuisier',
  'genie civil': 'btp chantier',
  'amenagements paysagers': 'paysagiste jardinier',
  'conduite de productions agricoles': 'agriculteur exploitant',
  elevage: 'eleveur',
  'educateur specialise': 'educatrice',
};

function jobWords(title: string): string {
  const folded = ` ${foldText(title)} `;
  return Object.entries(JOB_WORDS)
    .filter(([key]) => folded.includes(` ${key}`))
    .map(([, words]) => words)
    .join(' ');
}

/** Lower case, no accents, no punctuation: "Électrotechnique" and "electrotechnique" are one word. */
const processTerm = (term: string): string | null => {
  const folded = foldText(term);
  return folded.length > 0 ? folded : null;
};

/**
 * Builds the full-text index of the trainings (MiniSearch). Queries are accent- and
 * case-insensitive, match word prefixes ("soudur") and tolerate typos (about one letter in five).
 * @param communeName - the commune name of a training's site
 * @param themes - the theme ids of a training
 */
export function createTrainingSearch(trainings: readonly Training[], communeName: (training: Training) => string, themes: (training: Training) => readonly string[]): TrainingSearch {
  return indexSearchDocuments(searchDocuments(trainings, communeName, themes));
}

/** Indexes prepared documents (in the search worker: building the index takes ~100 ms). */
export function indexSearchDocuments(documents: readonly SearchDocument[]): TrainingSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: ['intitule', 'diplome', 'organisme', 'commune', 'metiers'],
    storeFields: [],
    processTerm,
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { intitule: 3, diplome: 2 } },
  });
  index.addAll(documents as SearchDocument[]);
  return {
    search: (query) => {
      const text = query.trim();
      if (text === '') return new Set(documents.map((document) => document.id));
      return new Set(index.search(text).map((result) => String(result.id)));
    },
  };
}
