/**
 * France Travail's commune → bassin d'emploi table of the BMO survey
 * (`labour/bassins_bmo_communes.csv`: `reg,dep,code_commune_insee,code_bassin_BMO,lib_bassin_BMO`).
 * Every current commune of the region must fall in exactly one bassin; the table also lists some
 * former codes, which are ignored when their current commune is listed. Pure: text in, table out.
 */
import { fail, ok, type Result } from '../domain/result.ts';
import { collapseSpaces, foldText } from '../domain/text.ts';
import { parseCsv } from './csv.ts';

export interface BassinTable {
  /** Commune INSEE code → bassin code. */
  bassinOf: Map<string, string>;
  /** Bassin code → name as the file writes it (upper case, no accents). */
  names: Map<string, string>;
}

const COLUMNS = ['reg', 'code_commune_insee', 'code_bassin_BMO', 'lib_bassin_BMO'] as const;

/** Reads the table for one region; the error names the file and the missing columns. */
export function readBassinTable(text: string, file: string, region = '32'): Result<BassinTable> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return fail(`${file} : fichier vide`);
  const index = new Map(header.cells.map((name, column) => [name.trim(), column]));
  const missing = COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) return fail(`${file} : colonnes absentes : ${missing.join(', ')}`);
  const get = (cells: string[], column: (typeof COLUMNS)[number]) => (cells[index.get(column) ?? -1] ?? '').trim();
  const bassinOf = new Map<string, string>();
  const names = new Map<string, string>();
  for (const row of rows) {
    if (get(row.cells, 'reg').padStart(2, '0') !== region) continue;
    const commune = get(row.cells, 'code_commune_insee');
    const bassin = get(row.cells, 'code_bassin_BMO');
    if (!/^\d[\dAB]\d{3}$/.test(commune) || !/^\d{4}$/.test(bassin)) return fail(`${file} ligne ${row.line} : commune « ${commune} » ou bassin « ${bassin} » mal formé`);
    const known = bassinOf.get(commune);
    if (known && known !== bassin) return fail(`${file} ligne ${row.line} : la commune ${commune} est dans deux bassins (${known} et ${bassin})`);
    bassinOf.set(commune, bassin);
    names.set(bassin, collapseSpaces(get(row.cells, 'lib_bassin_BMO')));
  }
  return ok({ bassinOf, names });
}

/** BMO's short forms in bassin names, written out (documented in data/SOURCES.md). */
const SHORT_FORMS: readonly [RegExp, string][] = [
  [/\bN-EST\b/g, 'NORD-EST'],
  [/\bROUB\.\s*TOURC\./g, 'ROUBAIX-TOURCOING'],
];
const LOWER = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'd', 'l']);

/**
 * A readable bassin name: short forms written out, words in title case, and words spelt as the
 * region's communes and départements spell them ("SAINT QUENTIN" → "Saint-Quentin",
 * "COMPIEGNE" → "Compiègne", "SANTERRE SOMME" → "Santerre Somme").
 * @param spellings - names whose spelling is the reference (communes, départements)
 */
export function bassinName(raw: string, spellings: readonly string[]): string {
  let text = raw.toUpperCase();
  for (const [pattern, replacement] of SHORT_FORMS) text = text.replace(pattern, replacement);
  // A whole name that is a commune's (folded) takes its spelling; else word by word.
  const whole = new Map(spellings.map((name) => [foldText(name), name]));
  const folded = foldText(text);
  if (whole.has(folded)) return whole.get(folded) ?? raw;
  const words = new Map<string, string>();
  for (const name of spellings) for (const word of name.split(/[\s'’-]+/)) if (word.length > 2 && !words.has(foldText(word))) words.set(foldText(word), word);
  // Two words that make a hyphenated commune ("SAINT QUENTIN") are that commune.
  const hyphenated = new Map(spellings.filter((name) => name.includes('-')).map((name) => [foldText(name), name]));
  return text
    .split(/\s+/)
    .reduce<string[]>((parts, word) => {
      const previous = parts.at(-1);
      const joined = previous ? hyphenated.get(foldText(`${previous} ${word}`)) : undefined;
      if (joined) {
        parts[parts.length - 1] = joined;
        return parts;
      }
      parts.push(word);
      return parts;
    }, [])
    .map((word, position) => {
      if (word.includes('-') && /[a-z]/.test(word)) return word;
      const key = foldText(word);
      if (position > 0 && LOWER.has(key)) return key;
      const known = words.get(key);
      if (known) return known.charAt(0).toUpperCase() + known.slice(1);
      return word
        .toLowerCase()
        .split('-')
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join('-');
    })
    .join(' ');
}
