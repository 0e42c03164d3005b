import { foldText } from './text.ts';

/**
 * Accents that sources stripped ("Universite d Amiens", "Lycee Cesar Baggio"), restored where we
 * know them for certain:
 * 1. the generic words of establishment names, from the fixed dictionary below (a word is only
 *    replaced when it is exactly that word without its accents);
 * 2. words of training titles, from a lexicon learned from the accented labels our own sources
 *    give (BTS labels, the MEF nomenclature, master mentions): a word is restored only when the
 *    sources spell it with accents in one single way;
 * 3. commune names, from the gazetteer (`restoreCommuneName`).
 * Proper names (people, places not in the gazetteer) are never guessed: "Cesar" stays "Cesar".
 */
const GENERIC_WORDS: Readonly<Record<string, string>> = {
  lycee: 'lycée',
  lycees: 'lycées',
  universite: 'université',
  universites: 'universités',
  ecole: 'école',
  ecoles: 'écoles',
  superieur: 'supérieur',
  superieure: 'supérieure',
  superieures: 'supérieures',
  metiers: 'métiers',
  prive: 'privé',
  privee: 'privée',
  general: 'général',
  generale: 'générale',
  college: 'collège',
  etablissement: 'établissement',
  regional: 'régional',
  regionale: 'régionale',
  departemental: 'départemental',
  departementale: 'départementale',
  ingenieurs: 'ingénieurs',
  ingenieur: 'ingénieur',
  sante: 'santé',
  education: 'éducation',
  hotelier: 'hôtelier',
  hoteliere: 'hôtelière',
  hotellerie: 'hôtellerie',
  electricite: 'électricité',
  electronique: 'électronique',
  energie: 'énergie',
  etudes: 'études',
  federation: 'fédération',
  societe: 'société',
  specialise: 'spécialisé',
  specialisee: 'spécialisée',
  academie: 'académie',
  chambre: 'chambre',
  region: 'région',
  reseau: 'réseau',
  securite: 'sécurité',
  paramedical: 'paramédical',
  paramedicaux: 'paramédicaux',
  medical: 'médical',
  medicale: 'médicale',
  pedagogique: 'pédagogique',
  technologie: 'technologie',
  polytechnique: 'polytechnique',
  catholique: 'catholique',
  hopital: 'hôpital',
  hospitalier: 'hospitalier',
  centre: 'centre',
  formation: 'formation',
  apprentis: 'apprentis',
};

/** Acronyms kept in upper case when an upper-case name is title-cased. */
const ACRONYMS = new Set(['cfa', 'cfai', 'ufa', 'btp', 'cci', 'cma', 'iut', 'afpa', 'afpi', 'ifsi', 'ifas', 'mfr', 'greta', 'urma', 'lp', 'lgt', 'legt', 'lpo', 'ep', 'sa', 'sas', 'sarl', 'eurl', 'imt', 'isen', 'esc', 'crous', 'ucl', 'ulco', 'upjv', 'ugei', 'cnam', 'ifsa', 'ifcass', 'cesi', 'idrac', 'iscid', 'ihecf', 'hdf', 'pme', 'tpe', 'bts', 'cap', 'bp', 'bac', 'ipac', 'ifria', 'aforp', 'aftral', 'promotrans', 'ifap', 'mtp']);

/** Small words kept in lower case inside a title-cased name. */
const LOWER_WORDS = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au', 'a', 'à', 'pour', 'par']);

type Case = 'upper' | 'title' | 'lower';

function caseOf(word: string): Case {
  if (word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()) return 'upper';
  if (word[0] && word[0] === word[0].toUpperCase() && word[0] !== word[0].toLowerCase()) return 'title';
  return 'lower';
}

function applyCase(word: string, wanted: Case): string {
  if (wanted === 'upper') return word.toUpperCase();
  if (wanted === 'title') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Replaces each word by `lookup(folded word)` when it is that word without accents, keeping its case. */
function restoreWords(text: string, lookup: (folded: string) => string | undefined): string {
  return text.replace(/[\p{L}]+/gu, (word) => {
    const accented = lookup(word.toLowerCase());
    if (!accented || foldText(accented) !== foldText(word) || accented === word.toLowerCase()) return word;
    return applyCase(accented, caseOf(word));
  });
}

/** "d Amiens" → "d'Amiens", "l Artois" → "l'Artois": an elided article that lost its apostrophe. */
function restoreElisions(text: string): string {
  // Inside a name the article is lower case ("Université d'Artois"); at its start it keeps its case.
  return text.replace(/\b([dDlL]) (?=[aeiouyhéèêâîôûAEIOUYHÉÈÊÂÎÔÛ])/g, (_match, letter: string, offset: number) => `${offset === 0 ? letter : letter.toLowerCase()}'`);
}

/**
 * An establishment name with the accents of its generic words and elisions restored:
 * "Universite d Amiens" → "Université d'Amiens", "LYCEE PRIVE" → "LYCÉE PRIVÉ".
 */
export function restoreEstablishmentName(name: string): string {
  return restoreElisions(restoreWords(tidyCase(name), (folded) => GENERIC_WORDS[folded] ?? GIVEN_NAMES[folded]));
}

/**
 * Given names of the people French schools are named after, always spelt with these accents in
 * French ("Lycée Leonard De Vinci" → "Léonard"). A closed list: a name not in it is left as written.
 */
const GIVEN_NAMES: Readonly<Record<string, string>> = {
  leonard: 'léonard',
  theophile: 'théophile',
  therese: 'thérèse',
  helene: 'hélène',
  eugene: 'eugène',
  emile: 'émile',
  edouard: 'édouard',
  gerard: 'gérard',
  andre: 'andré',
  rene: 'rené',
  jerome: 'jérôme',
  frederic: 'frédéric',
  celestin: 'célestin',
  cecile: 'cécile',
  genevieve: 'geneviève',
  honore: 'honoré',
  valery: 'valéry',
  sevigne: 'sévigné',
  cezanne: 'cézanne',
  francois: 'françois',
  francoise: 'françoise',
  faculte: 'faculté',
  facultes: 'facultés',
};

/** Short place names of the region written in capitals inside a name ("Clermont de l'OISE"): names, not acronyms. */
const SHOUTED_PLACES = new Set(['nord', 'oise']);

/**
 * The case of a name written partly in capitals: a word in capitals of five letters or more is a
 * name shouted, not an acronym ("Lycée THEOPHILE LEGRAND" → "Lycée Theophile Legrand"); the
 * particles De, Du, Des, Et inside a name are lower case ("Jesse De Forest" → "Jesse de Forest").
 * Shorter words in capitals (ESJ, EPSI, CFA) stay: they are acronyms.
 */
function tidyCase(name: string): string {
  // A name all in capitals is titleCaseName's to write; this only mends a name written partly so.
  if (caseOf(name.replace(/[^\p{L}]/gu, '')) === 'upper') return name;
  const words = [...name.matchAll(/[\p{L}]+/gu)].map((match) => match[0]);
  const upper = (word: string) => word === word.toUpperCase() && /\p{Lu}/u.test(word) && !ACRONYMS.has(word.toLowerCase());
  // A run of words in capitals with a shouted one in it is one name ("GUY DEBEYRE", "PAYS DE CONDE").
  const title = words.map(() => false);
  for (let start = 0; start < words.length; ) {
    let end = start;
    while (end < words.length && upper(words[end] ?? '')) end += 1;
    if (end > start && words.slice(start, end).some((word) => word.length >= 5 || SHOUTED_PLACES.has(word.toLowerCase()))) for (let index = start; index < end; index += 1) title[index] = true;
    start = end > start ? end : start + 1;
  }
  let position = 0;
  return name.replace(/[\p{L}]+/gu, (word) => {
    const index = position;
    position += 1;
    const cased = title[index] ? word.charAt(0) + word.slice(1).toLowerCase() : word;
    return index > 0 && /^(De|Du|Des|Et)$/.test(cased) ? cased.toLowerCase() : cased;
  });
}

/**
 * An upper-case name as a person writes it, with its generic words accented:
 * "CHAMBRE DE METIERS ET DE L'ARTISANAT" → "Chambre de Métiers et de l'Artisanat". Names that are
 * not all upper case are returned with only their generic words restored.
 */
export function titleCaseName(name: string): string {
  if (caseOf(name.replace(/[^\p{L}]/gu, '')) !== 'upper') return restoreEstablishmentName(name);
  const lowered = name.toLowerCase();
  let first = true;
  const titled = lowered.replace(/[\p{L}\p{N}]+/gu, (word, offset: number) => {
    // A word with a digit in it is a code or an acronym ("IG2I", "3IL"): it stays as the source has it.
    if (/\p{N}/u.test(word)) {
      first = false;
      return name.slice(offset, offset + word.length);
    }
    const afterApostrophe = offset > 0 && /['’]/.test(lowered.charAt(offset - 1));
    const keepLower = !first && (LOWER_WORDS.has(word) || (afterApostrophe && word.length === 1));
    first = false;
    if (keepLower) return word;
    if (ACRONYMS.has(word)) return word.toUpperCase();
    // "l'artisanat": the elided article stays lower case, the word after it is capitalised.
    return word.charAt(0).toUpperCase() + word.slice(1);
  });
  return restoreEstablishmentName(titled.replace(/\b([DL])'/g, (_match, letter: string) => `${letter.toLowerCase()}'`));
}

/** A lexicon of accented words, learned from labels that sources give with their accents. */
export class AccentLexicon {
  private readonly forms = new Map<string, Set<string>>();

  /** Learns every accented word of `text`. */
  learn(text: string): void {
    for (const word of text.toLowerCase().match(/[\p{L}]+/gu) ?? []) {
      const folded = foldText(word);
      if (folded === word || folded.length < 3) continue;
      const known = this.forms.get(folded) ?? new Set<string>();
      known.add(word);
      this.forms.set(folded, known);
    }
  }

  /** The one accented form the sources use for a word, or undefined when none or several. */
  accentedForm(word: string): string | undefined {
    const known = this.forms.get(foldText(word));
    return known && known.size === 1 ? [...known][0] : undefined;
  }

  /** A title with every word the lexicon knows for certain restored; others left as they are. */
  restore(title: string): string {
    return restoreElisions(restoreWords(title, (folded) => this.accentedForm(folded)));
  }

  get size(): number {
    return this.forms.size;
  }
}

/**
 * Replaces the name of a commune that appears (without accents or hyphens) in `text` by its
 * gazetteer spelling: "Lycee Jean Mace Lievin" with Liévin → "Lycee Jean Mace Liévin".
 */
export function restoreCommuneName(text: string, communeName: string): string {
  const words = communeName.split(/[\s'’-]+/).filter(Boolean);
  if (words.length === 0) return text;
  const pattern = new RegExp(`(^|[^\\p{L}])(${words.map((word) => foldText(word).split('').map((letter) => LETTER_CLASS[letter] ?? escape(letter)).join('')).join("[\\s'’-]+")})(?=$|[^\\p{L}])`, 'iu');
  // A name all in capitals keeps the commune in capitals; in a name written in lower case, a
  // commune in capitals ("Soins Infirmiers LAON") is written as the gazetteer writes it.
  const allUpper = caseOf(text.replace(/[^\p{L}]/gu, '')) === 'upper';
  return text.replace(pattern, (_match, before: string, found: string) => (foldText(found) === foldText(communeName) ? `${before}${allUpper ? communeName.toUpperCase() : communeName}` : _match));
}

const LETTER_CLASS: Readonly<Record<string, string>> = {
  a: '[aàâä]',
  e: '[eéèêë]',
  i: '[iîï]',
  o: '[oôö]',
  u: '[uùûü]',
  c: '[cç]',
  y: '[yÿ]',
};

function escape(letter: string): string {
  return letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
