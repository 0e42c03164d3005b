import { DOMAINS, domainLabel } from './domains.ts';
import { THEMES } from './themes.ts';
import { MODALITE_LABELS, MODALITES, VOIE_LABELS, VOIES, type Modalite, type Niveau, type Training, type Voie } from './training.ts';

/** Levels a person can filter on, with the words people use. */
export const FILTER_NIVEAUX = [3, 4, 5, 6, 7, 8] as const satisfies readonly Niveau[];
export const NIVEAU_SHORT_LABELS: Readonly<Record<(typeof FILTER_NIVEAUX)[number], string>> = {
  3: 'CAP, BEP',
  4: 'Bac',
  5: 'Bac+2',
  6: 'Bac+3',
  7: 'Bac+5',
  8: 'Doctorat',
};

/** Id of the "no domain" option: trainings whose domain could not be found stay filterable. */
export const NO_DOMAIN = 'non-precise';

/** What a person asks for. Empty lists mean "any". */
export interface Filters {
  /** Free text, searched in titles, diplomas, bodies, communes and job words. */
  q: string;
  domaines: readonly string[];
  niveaux: readonly Niveau[];
  voies: readonly Voie[];
  modalites: readonly Modalite[];
  /** Funded places only. */
  conventionne: boolean;
  themes: readonly string[];
  sources: readonly string[];
  /** `YYYY-MM`: a session starting in or after that month. */
  debut: string | null;
  /** Jobs (ROME v3 codes): trainings whose diploma leads to one of them. */
  metiers: readonly string[];
}

export const EMPTY_FILTERS: Filters = { q: '', domaines: [], niveaux: [], voies: [], modalites: [], conventionne: false, themes: [], sources: [], debut: null, metiers: [] };

/** The filter dimensions, each with its own facet counts. */
export const DIMENSIONS = ['q', 'domaines', 'niveaux', 'voies', 'modalites', 'conventionne', 'themes', 'sources', 'debut', 'metiers'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_LABELS: Readonly<Record<Dimension, string>> = {
  q: 'recherche',
  domaines: 'domaine',
  niveaux: 'niveau',
  voies: 'voie',
  modalites: 'modalité',
  conventionne: 'places financées',
  themes: 'thème',
  sources: 'source',
  debut: 'date de début',
  metiers: 'métier',
};

/** What a training is, for filtering: computed once per training. */
export interface TrainingFacets {
  domaine: string;
  niveau: Niveau | null;
  voies: readonly Voie[];
  modalite: Modalite | null;
  conventionne: boolean;
  themes: readonly string[];
  sources: readonly string[];
  /** Session start months, `YYYY-MM`. */
  debuts: readonly string[];
  /** ROME v3 codes of the jobs the diploma leads to. */
  romes: readonly string[];
  /** The options the training counts for, per dimension (computed once: counting runs at every change). */
  keys: Readonly<Record<Dimension, readonly string[]>>;
}

export function facetsOf(training: Training, themes: readonly string[]): TrainingFacets {
  const domaine = training.domaine ?? NO_DOMAIN;
  const sources = [...new Set(training.provenance.map((item) => item.source))];
  const debuts = training.sessions.map((session) => session.debut?.slice(0, 7) ?? '').filter(Boolean);
  const conventionne = training.conventionne === true;
  return {
    domaine,
    niveau: training.niveau,
    voies: training.voies,
    modalite: training.modalite,
    conventionne,
    themes,
    sources,
    debuts,
    romes: training.romes ?? [],
    keys: {
      q: ['q'],
      domaines: [domaine],
      niveaux: training.niveau === null ? [] : [String(training.niveau)],
      voies: training.voies,
      modalites: training.modalite === null ? [] : [training.modalite],
      conventionne: conventionne ? ['1'] : [],
      themes,
      sources,
      debut: debuts,
      metiers: training.romes ?? [],
    },
  };
}

/** Whether a training passes one dimension of the filters (search is decided elsewhere). */
export function passes(facets: TrainingFacets, filters: Filters, dimension: Dimension, searchHits: ReadonlySet<string> | null, id: string): boolean {
  switch (dimension) {
    case 'q':
      return searchHits === null || searchHits.has(id);
    case 'domaines':
      return filters.domaines.length === 0 || filters.domaines.includes(facets.domaine);
    case 'niveaux':
      return filters.niveaux.length === 0 || (facets.niveau !== null && filters.niveaux.includes(facets.niveau));
    case 'voies':
      return filters.voies.length === 0 || facets.voies.some((voie) => filters.voies.includes(voie));
    case 'modalites':
      return filters.modalites.length === 0 || (facets.modalite !== null && filters.modalites.includes(facets.modalite));
    case 'conventionne':
      return !filters.conventionne || facets.conventionne;
    case 'themes':
      return filters.themes.length === 0 || facets.themes.some((theme) => filters.themes.includes(theme));
    case 'sources':
      return filters.sources.length === 0 || facets.sources.some((source) => filters.sources.includes(source));
    case 'debut':
      return filters.debut === null || facets.debuts.some((month) => month >= (filters.debut ?? ''));
    case 'metiers':
      return filters.metiers.length === 0 || facets.romes.some((rome) => filters.metiers.includes(rome));
    default: {
      const unreachable: never = dimension;
      throw new Error(`unknown dimension ${String(unreachable)}`);
    }
  }
}

export function isDimensionActive(filters: Filters, dimension: Dimension): boolean {
  switch (dimension) {
    case 'q':
      return filters.q.trim() !== '';
    case 'conventionne':
      return filters.conventionne;
    case 'debut':
      return filters.debut !== null;
    default:
      return filters[dimension].length > 0;
  }
}

export function hasActiveFilters(filters: Filters): boolean {
  return DIMENSIONS.some((dimension) => isDimensionActive(filters, dimension));
}

/** The filters without one dimension. */
export function withoutDimension(filters: Filters, dimension: Dimension): Filters {
  return { ...filters, [dimension]: EMPTY_FILTERS[dimension] };
}

/** Option ids and labels of each list dimension, in the order the panel shows them. */
export function optionLabels(sourceLabels: ReadonlyMap<string, string>): {
  domaines: [string, string][];
  niveaux: [Niveau, string][];
  voies: [Voie, string][];
  modalites: [Modalite, string][];
  themes: [string, string][];
  sources: [string, string][];
} {
  return {
    domaines: [...DOMAINS.map((domain): [string, string] => [domain.id, domain.label]), [NO_DOMAIN, domainLabel(null)]],
    niveaux: FILTER_NIVEAUX.map((niveau): [Niveau, string] => [niveau, NIVEAU_SHORT_LABELS[niveau]]),
    voies: VOIES.map((voie): [Voie, string] => [voie, VOIE_LABELS[voie]]),
    modalites: MODALITES.map((modalite): [Modalite, string] => [modalite, MODALITE_LABELS[modalite]]),
    themes: THEMES.map((theme): [string, string] => [theme.id, theme.label]),
    sources: [...sourceLabels],
  };
}

/**
 * How a search was read, in words, for the printed sheet (it has no search box): a job it named,
 * or the jobs it fell back on when no title holds its words. Null for a plain search of the titles.
 * @param via - how the search worker read it (`metier`, `titres-metiers`, or null)
 */
export function describeSearchReading(query: string, via: 'metier' | 'titres-metiers' | null | undefined, romes: readonly string[], jobLabels: ReadonlyMap<string, string>): string | null {
  const jobs = romes.map((code) => jobLabels.get(code) ?? code);
  if (jobs.length === 0 || query.trim() === '') return null;
  const named = `${jobs.length === 1 ? 'au métier' : 'aux métiers'} ${jobs.join(', ')}`;
  if (via === 'metier') return `La recherche « ${query.trim()} » nomme un métier : les formations qui mènent ${named}, avec celles dont l'intitulé la contient.`;
  if (via === 'titres-metiers') return `Aucun intitulé de formation ne contient « ${query.trim()} » : les formations qui mènent ${named}, dont le nom le contient.`;
  return null;
}

/**
 * The active filters in words: "niveau Bac+2 ; voie Apprentissage ; recherche « soudure »".
 * @param jobLabels - ROME code → job title, to name the job filter
 */
export function describeFilters(filters: Filters, sourceLabels: ReadonlyMap<string, string>, jobLabels: ReadonlyMap<string, string> = new Map()): string[] {
  const labels = optionLabels(sourceLabels);
  const named = <T,>(values: readonly T[], options: [T, string][]) => values.map((value) => options.find(([id]) => id === value)?.[1] ?? String(value)).join(', ');
  const parts: string[] = [];
  if (isDimensionActive(filters, 'q')) parts.push(`recherche « ${filters.q.trim()} »`);
  if (filters.domaines.length > 0) parts.push(`domaine ${named(filters.domaines, labels.domaines)}`);
  if (filters.niveaux.length > 0) parts.push(`niveau ${named(filters.niveaux, labels.niveaux)}`);
  if (filters.voies.length > 0) parts.push(`voie ${named(filters.voies, labels.voies)}`);
  if (filters.modalites.length > 0) parts.push(`modalité ${named(filters.modalites, labels.modalites)}`);
  if (filters.conventionne) parts.push('places financées (conventionné)');
  if (filters.themes.length > 0) parts.push(`thème ${named(filters.themes, labels.themes)}`);
  if (filters.sources.length > 0) parts.push(`source ${named(filters.sources, labels.sources)}`);
  if (filters.debut) parts.push(`début à partir de ${filters.debut}`);
  if (filters.metiers.length > 0) parts.push(`métier ${filters.metiers.map((code) => `${jobLabels.get(code) ?? 'code ROME'} (${code})`).join(', ')}`);
  return parts;
}
