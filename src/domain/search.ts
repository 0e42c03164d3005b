import MiniSearch from 'minisearch';
import type { JobVocabulary } from './jobs.ts';
import { collapseSpaces, foldText } from './text.ts';
import type { Training } from './training.ts';

/** What a training is searched by: its title, diploma (with acronyms), training body, commune, and its jobs (ROME codes). */
export interface SearchDocument {
  id: string;
  intitule: string;
  /** The diploma kind, its full name and the title's acronyms ("BTS brevet de technicien supérieur MCO"). */
  diplome: string;
  organisme: string;
  commune: string;
  romes: readonly string[];
}

/**
 * Words people add that say nothing about which training: ignored in queries and in the index, so
 * "formation soudure" is "soudure" and "apprentissage" does not match every apprenticeship title
 * (the Voie filter does that).
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'formation', 'formations', 'diplome', 'diplomes', 'apprentissage', 'alternance', 'h', 'f', 'hf', 'cursus', 'etudes', 'ecole',
  'de', 'des', 'du', 'd', 'la', 'le', 'les', 'l', 'et', 'en', 'a', 'au', 'aux', 'pour', 'un', 'une', 'sur', 'avec', 'ou', 'par', 'dans', 'ses', 'son', 'sa',
]);

/** Diploma kinds and their full names, so either finds the other. */
const DIPLOMA_NAMES: Readonly<Record<string, string>> = {
  CAP: 'certificat d aptitude professionnelle',
  'Bac pro': 'baccalaureat professionnel bac professionnel',
  BP: 'brevet professionnel',
  BTS: 'brevet de technicien superieur',
  BUT: 'bachelor universitaire de technologie',
  DUT: 'diplome universitaire de technologie',
  'Classe préparatoire': 'cpge prepa classe preparatoire aux grandes ecoles',
  'Licence professionnelle': 'licence pro',
  'Mention complémentaire': 'mc',
  DCG: 'diplome de comptabilite et de gestion',
  'DN MADE': 'diplome national des metiers d art et du design',
  BPJEPS: 'brevet professionnel de la jeunesse de l education populaire et du sport',
  DEUST: 'diplome d etudes universitaires scientifiques et techniques',
};

/**
 * Usual acronyms that the initials of the title do not give (the others, MCO, NDRC, AEPE, ASSP,
 * MSPC, SIO…, are computed from the title by `titleAcronym`).
 */
const USUAL_ACRONYMS: readonly [string, string][] = [
  ['melec', 'metiers de l electricite et de ses environnements connectes'],
  ['ciel', 'cybersecurite informatique et reseaux electronique'],
  ['agora', 'assistance a la gestion des organisations et de leurs activites'],
  ['mcv', 'metiers du commerce et de la vente'],
  ['sti2d', 'sciences et technologies de l industrie et du developpement durable'],
  ['staps', 'sciences et techniques des activites physiques et sportives'],
  ['llcer', 'langues litteratures et civilisations etrangeres et regionales'],
  ['lea', 'langues etrangeres appliquees'],
  ['miashs', 'mathematiques et informatique appliquees aux sciences humaines et sociales'],
  ['meef', 'metiers de l enseignement de l education et de la formation'],
  ['gea', 'gestion des entreprises et des administrations'],
  ['geii', 'genie electrique et informatique industrielle'],
  ['tc', 'techniques de commercialisation'],
  ['mmi', 'metiers du multimedia et de l internet'],
  ['qlio', 'qualite logistique industrielle et organisation'],
  ['gmp', 'genie mecanique et productique'],
];

const KIND_WORDS = /^(bac pro|bac professionnel|baccalaureat professionnel|cap|bts|but|dut|bp|mc|bma|licence professionnelle|licence|master|deust|dn made|cs|certificat de specialisation)\s+/;
const ACRONYM_STOP = new Set(['de', 'des', 'du', 'd', 'la', 'le', 'les', 'l', 'et', 'en', 'a', 'au', 'aux', 'ses', 'son', 'sa', 'leurs', 'leur', 'pour', 'mention', 'specialite']);

/** The initials of a title's specialty: "BTS management commercial opérationnel" → "mco"; null when not 2–6 letters. */
export function titleAcronym(title: string): string | null {
  return titleAcronyms(title)[0] ?? null;
}

const initials = (text: string): string | null => {
  const words = text.split(' ').filter((word) => word.length > 0 && !ACRONYM_STOP.has(word) && /^[a-z]/.test(word));
  return words.length < 2 || words.length > 6 ? null : words.map((word) => word.charAt(0)).join('');
};

/**
 * Every acronym a title may be known by: its specialty's initials, with and without a leading
 * sector word ("BTS Services Diététique et nutrition" → "dn"; "BTS services informatiques aux
 * organisations" → "sio" as well as "iao").
 */
export function titleAcronyms(title: string): string[] {
  // "BTS - Services - Négociation et digitalisation de la relation client - en apprentissage": the specialty part.
  const parts = title.split(/\s+-\s+/);
  const specialty = parts.length > 1 ? (parts.find((part) => !/^(bts|bac pro|cap|but|services|production|agricole|maritime|fcil)$/i.test(part.trim())) ?? title) : title;
  const folded = foldText(parts.length > 1 && /^bts|^bac pro|^cap/i.test(title) ? `${parts[0]} ${specialty}` : specialty).replace(KIND_WORDS, '');
  const base = folded.split(/ option | parcours |\(/)[0] ?? folded;
  const withoutSector = base.replace(/^(services|production|agricole|maritime)\s+/, '');
  return [...new Set([initials(withoutSector), initials(base)].filter((item): item is string => item !== null))];
}

/** The diploma field of a training: its kind, the kind's full name, the title's acronyms. */
function diplomaText(training: Training): string {
  const folded = ` ${foldText(training.intitule)} `;
  const acronyms = [...titleAcronyms(training.intitule), ...USUAL_ACRONYMS.filter(([, phrase]) => folded.includes(` ${phrase} `)).map(([acronym]) => acronym)];
  return collapseSpaces([training.diplome ?? '', training.diplome ? (DIPLOMA_NAMES[training.diplome] ?? '') : '', ...acronyms.filter((item): item is string => item !== null)].join(' '));
}

/** The documents to index, built where the dataset is (cheap), indexed where it is slow (a worker). */
export function searchDocuments(trainings: readonly Training[], communeName: (training: Training) => string): SearchDocument[] {
  return trainings.map((training) => ({
    id: training.id,
    intitule: training.intitule,
    diplome: diplomaText(training),
    organisme: training.organisme ?? '',
    commune: communeName(training),
    romes: training.romes ?? [],
  }));
}

/** A job the search box suggests: a ROME job title, its code and how many trainings on the map lead to it. */
export interface JobSuggestion {
  rome: string;
  /** The job title that matched ("Cariste"). */
  appellation: string;
  /** The ROME fiche title of the code, when it differs from the appellation. */
  libelle: string;
  trainings: number;
}

export interface SearchResult {
  /** Matching training ids, most relevant first; null when the text holds no searchable word. */
  ids: string[] | null;
  /** The ROME codes whose job title the query names, if any (their trainings are in `ids`). */
  romes: string[];
  /**
   * How the jobs were read: `metier`, the query (or the part of it no title holds) is a job title;
   * `titres-metiers`, no training title holds the words, so the trainings leading to the job
   * titles that hold them all are given instead (and the list says so); null, text only.
   */
  via: 'metier' | 'titres-metiers' | null;
}

export interface SearchEngine {
  search: (query: string) => SearchResult;
  /** Jobs whose titles match what is typed (accent- and typo-tolerant, the last word as a prefix). */
  suggestJobs: (query: string, limit?: number) => JobSuggestion[];
  /** Trainings leading to any of these jobs, those naming one as their main job first. */
  forRomes: (codes: readonly string[]) => string[];
}

/** Folded words, generic words dropped. */
export function queryWords(text: string): string[] {
  return foldText(text)
    .split(' ')
    .filter((word) => word !== '' && !GENERIC_WORDS.has(word));
}

const processTerm = (term: string): string | null => {
  const folded = foldText(term);
  return folded.length > 0 && !GENERIC_WORDS.has(folded) ? folded : null;
};

/** Typos only on words of 5 letters or more: one letter wrong, two from 10 letters; prefixes from 3 letters. */
const fuzzy = (term: string): number | boolean => (term.length >= 10 ? 2 : term.length >= 5 ? 1 : false);
const prefix = (term: string): boolean => term.length >= 3;
/** A word matched with a typo keeps its first letters (see keepsStart in createSearchEngine). */
const TYPO_KEEPS = 3;

/**
 * The forms a ROME job title names: "Développeur / Développeuse web" → "developpeur web",
 * "developpeuse web"; "Aide-soignant / Aide-soignante" → "aide soignant", "aide soignante".
 */
export function appellationForms(libelle: string): string[] {
  const parts = libelle.split(' / ').map((part) => foldText(part));
  if (parts.length !== 2) return [foldText(libelle)];
  const [first = '', second = ''] = parts;
  const firstWords = first.split(' ');
  const secondWords = second.split(' ');
  const masculine = secondWords.length > firstWords.length ? [...firstWords, ...secondWords.slice(firstWords.length)].join(' ') : first;
  return [...new Set([masculine, second])].filter(Boolean);
}

/**
 * The search engine of the trainings (MiniSearch) and of the job vocabulary. Free text is
 * matched on titles, diplomas (kinds, full names, acronyms), training bodies and communes: every
 * word, accents and case ignored, typos tolerated on words of 5 letters or more (one letter, two
 * from 10 letters) that keep their first three letters, generic words
 * ignored, results ranked (title first, an exact phrase in the title first of all). A query that
 * names a job exactly ("aide soignant", "soudeur", "développeur web") also finds the trainings
 * whose diploma leads to it.
 */
export function createSearchEngine(documents: readonly SearchDocument[], vocabulary: JobVocabulary | null): SearchEngine {
  const index = new MiniSearch<SearchDocument>({
    fields: ['intitule', 'diplome', 'organisme', 'commune'],
    storeFields: [],
    processTerm,
    searchOptions: { prefix, fuzzy, combineWith: 'AND', boost: { intitule: 3, diplome: 2, organisme: 1, commune: 1 } },
  });
  index.addAll(documents as SearchDocument[]);
  const byRome = new Map<string, { principal: string[]; others: string[] }>();
  const titles = new Map(documents.map((document) => [document.id, ` ${foldText(document.intitule)} `]));
  for (const document of documents) {
    document.romes.forEach((rome, position) => {
      const entry = byRome.get(rome) ?? { principal: [], others: [] };
      (position === 0 ? entry.principal : entry.others).push(document.id);
      byRome.set(rome, entry);
    });
  }
  const forRomes = (codes: readonly string[]): string[] => {
    const principal = new Set<string>();
    const others = new Set<string>();
    for (const code of codes) {
      const entry = byRome.get(code);
      for (const id of entry?.principal ?? []) principal.add(id);
      for (const id of entry?.others ?? []) others.add(id);
    }
    return [...principal, ...[...others].filter((id) => !principal.has(id))];
  };
  // Job titles: exact forms (to read a query as a job) and an index for suggestions.
  const forms = new Map<string, Set<string>>();
  const jobTitles = vocabulary?.romes ? new Map(vocabulary.romes.map((rome) => [rome.code, rome.libelle])) : new Map<string, string>();
  const jobs = new MiniSearch<{ id: number; libelle: string; rome: string }>({ fields: ['libelle'], storeFields: ['libelle', 'rome'], processTerm, searchOptions: { prefix: (term, position, terms) => position === terms.length - 1 || term.length >= 4, fuzzy, combineWith: 'AND' } });
  // A form is compared as a query is read: generic words ("du", "de la") dropped.
  const formKey = (form: string) => queryWords(form).join(' ');
  if (vocabulary) {
    vocabulary.appellations.forEach((appellation, id) => {
      for (const form of appellationForms(appellation.libelle).map(formKey)) {
        const romes = forms.get(form) ?? new Set<string>();
        romes.add(appellation.rome);
        forms.set(form, romes);
      }
      jobs.add({ id, libelle: appellation.libelle, rome: appellation.rome });
    });
  }
  // A typo keeps the word's first letters: "infirmiere" finds "infirmier" and "maintenence"
  // "maintenance", but "mecanicien" is not "technicien" (two letters apart), so "mecanicien auto"
  // does not list every BTS whose title says "automatique".
  // The same for job titles: "mecanicien" suggests no "Technicien automaticien".
  // Only words long enough for a typo need the check (the shorter ones match as typed or as a
  // prefix); a term that begins with the word keeps its first letters too.
  const keepsStart = (word: string, term: string): boolean => term.slice(0, TYPO_KEEPS) === word.slice(0, TYPO_KEEPS);
  const keepsFirstLetters = (words: readonly string[]): { filter?: (result: { terms: string[] }) => boolean } => {
    const typable = words.filter((word) => fuzzy(word) !== false);
    return typable.length === 0 ? {} : { filter: (result) => typable.every((word) => result.terms.some((term) => keepsStart(word, term))) };
  };
  const textSearch = (words: readonly string[]): Map<string, number> => {
    const phrase = ` ${words.join(' ')} `;
    const scores = new Map<string, number>();
    for (const result of index.search(words.join(' '), keepsFirstLetters(words))) {
      const id = String(result.id);
      // An exact phrase of the title ranks first.
      scores.set(id, result.score * ((titles.get(id) ?? '').includes(phrase) ? 4 : 1));
    }
    return scores;
  };
  // The jobs whose titles hold every word; where some titles start with the words, those jobs only
  // ("mecanicien auto": Mécanicien automobile, not Mécanicien régleur de machine automatique).
  const jobsNamed = (words: readonly string[]): string[] => {
    const typed = words.join(' ');
    const found = jobs.search(typed, keepsFirstLetters(words));
    const starting = found.filter((result) => appellationForms(String(result['libelle'])).some((form) => formKey(form).startsWith(typed)));
    return [...new Set((starting.length > 0 ? starting : found).map((result) => String(result['rome'])))].slice(0, 5);
  };
  return {
    forRomes,
    search: (query) => {
      const words = queryWords(query);
      if (words.length === 0) return { ids: null, romes: [], via: null };
      const scores = textSearch(words);
      const ranked = [...scores].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      // The longest run of words that is a job title: its trainings join the results.
      let job: { romes: string[]; start: number; end: number } | null = null;
      for (let start = 0; start < words.length; start += 1) {
        for (let end = words.length; end > start; end -= 1) {
          if (job && end - start <= job.end - job.start) break;
          const romes = forms.get(words.slice(start, end).join(' '));
          if (romes) job = { romes: [...romes].sort(), start, end };
        }
      }
      // A job named by part of the query counts only where no title holds the whole query.
      if (job && job.end - job.start < words.length && ranked.length > 0) job = null;
      if (job) {
        const rest = [...words.slice(0, job.start), ...words.slice(job.end)];
        const restHits = rest.length > 0 ? textSearch(rest) : null;
        const seen = new Set(ranked);
        const fromJob = forRomes(job.romes).filter((id) => !seen.has(id) && (restHits === null || restHits.has(id)));
        return { ids: [...ranked, ...fromJob], romes: job.romes, via: 'metier' };
      }
      if (ranked.length > 0 || !vocabulary) return { ids: ranked, romes: [], via: null };
      // No title holds the words ("soudure"): the jobs whose titles hold them all lead to trainings.
      const romes = jobsNamed(words);
      if (romes.length === 0) return { ids: ranked, romes: [], via: null };
      return { ids: forRomes(romes), romes, via: 'titres-metiers' };
    },
    suggestJobs: (query, limit = 6) => {
      const words = queryWords(query);
      if (words.length === 0 || !vocabulary) return [];
      const best = new Map<string, { appellation: string; score: number }>();
      const typed = words.join(' ');
      for (const result of jobs.search(typed, keepsFirstLetters(words))) {
        const rome = String(result['rome']);
        const appellation = String(result['libelle']);
        // A title that is exactly, or starts with, what was typed comes first.
        const keys = appellationForms(appellation).map(formKey);
        const starts = keys.some((form) => form === typed) ? 8 : keys.some((form) => form.startsWith(typed)) ? 3 : 1;
        const score = result.score * starts;
        const known = best.get(rome);
        if (!known || score > known.score) best.set(rome, { appellation, score });
      }
      return [...best]
        .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
        .slice(0, limit)
        .map(([rome, { appellation }]) => {
          const entry = byRome.get(rome);
          return { rome, appellation, libelle: jobTitles.get(rome) ?? appellation, trainings: (entry?.principal.length ?? 0) + (entry?.others.length ?? 0) };
        });
    },
  };
}
