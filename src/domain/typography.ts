/**
 * French typography for text the app writes from data: elision and contraction ("d'Amiens",
 * "du Touquet", "de l'Oise"), the non-breaking spaces French puts before "%" and ":" and inside
 * numbers, and ordinals ("1er", "2e").
 */

/** U+00A0: before ":" (and between a number and its unit). */
export const NBSP = '\u00a0';
/** U+202F, the narrow no-break space: thousands, and before "%" (as Intl's fr-FR writes them). */
export const NNBSP = '\u202f';

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/**
 * "de" before a name in two parts, the name apart (to set it in bold): `["d'", "Amiens"]`,
 * `["d'", "Étaples"]`, `["du ", "Touquet-Paris-Plage"]` (Le), `["des ", "Moëres"]` (Les),
 * `["de ", "La Bassée"]`, `["de ", "Lille"]`. An initial h is left alone: "de Hazebrouck".
 */
export function deParts(name: string): [string, string] {
  const match = /^(Le|Les)[\s-](.+)$/.exec(name);
  if (match) return [match[1] === 'Le' ? 'du ' : 'des ', match[2] ?? ''];
  return VOWEL.test(name) ? ["d'", name] : ['de ', name];
}

/** "de" before a name: "d'Amiens", "du Touquet", "de Lille" (see {@link deParts}). */
export function deName(name: string): string {
  return deParts(name).join('');
}

const DEPARTEMENTS: Readonly<Record<string, { nom: string; article: 'le' | 'la' | "l'" }>> = {
  '02': { nom: 'Aisne', article: "l'" },
  '59': { nom: 'Nord', article: 'le' },
  '60': { nom: 'Oise', article: "l'" },
  '62': { nom: 'Pas-de-Calais', article: 'le' },
  '80': { nom: 'Somme', article: 'la' },
};

/** A département of the region with its article: "l'Oise", "le Nord"; its name alone if unknown. */
export function departementWithArticle(code: string, fallback = code): string {
  const known = DEPARTEMENTS[code];
  if (!known) return fallback;
  return known.article === "l'" ? `l'${known.nom}` : `${known.article} ${known.nom}`;
}

const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** A number the French way: "12 345", "10,6" (narrow no-break space for thousands). */
/**
 * A label put inside a sentence: its first letter in lower case ("Zones d'emploi" → "zones
 * d'emploi"), unless its first word is an acronym ("SPEL"); names and acronyms further on keep
 * their capitals ("bassins d'emploi (France Travail, enquête BMO)", "… du BTP"), which lowering
 * the whole label lost.
 */
export function lowerFirst(label: string): string {
  const first = /^\p{L}+/u.exec(label)?.[0] ?? '';
  if (first.length > 1 && first === first.toUpperCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function frenchNumber(value: number): string {
  return numberFormat.format(value).replace(/[\s\u00a0]/g, NNBSP);
}

/**
 * A distance in a list: "450 m", "12,3 km", the space before the unit unbreakable. Where the
 * site's point is approximate (placed in its commune, or at its head office), "≈ 3 km" to the
 * kilometre, and never under 1 km: a site placed at the commune's point is not "0 m" away from a
 * person looking from that point.
 */
export function formatDistance(km: number, approximate = false): string {
  if (approximate) return `≈${NBSP}${frenchNumber(Math.max(1, Math.round(km)))}${NBSP}km`;
  return km < 1 ? `${Math.round(km * 1000)}${NBSP}m` : `${frenchNumber(km)}${NBSP}km`;
}

/** "10,6 %", the space before "%" unbreakable. */
export function percent(value: number): string {
  return `${frenchNumber(value)}${NNBSP}%`;
}

/** The units a number keeps beside it ("30 km", "15 min"), not followed by a letter ("3 mois"). */
const UNIT = String.raw`(?:km|m|min|h|€)(?![\p{L}\d])`;
const NEEDS_TYPESETTING = new RegExp(String.raw`[ ][:%;?!»]|«[ ]|\d ${UNIT}`, 'u');
const NUMBER_UNIT = new RegExp(String.raw`(\d) (?=${UNIT})`, 'gu');
const LEADING_UNIT = new RegExp(String.raw`^ (?=${UNIT})`, 'u');

/**
 * The spaces French sets before and inside punctuation, in a text written with ordinary spaces:
 * unbreakable before ":" and inside « guillemets », narrow and unbreakable before "%", ";", "?"
 * and "!" (as Intl's fr-FR writes "%"), and unbreakable between a number and its unit ("30 km",
 * "15 min", "2 h", "12 €"). Only an ordinary space (U+0020) is replaced, and only
 * where it touches the sign: "https://", "?v=1" or "10:30" are left alone.
 */
export function typeset(text: string): string {
  if (!NEEDS_TYPESETTING.test(text)) return text;
  return text
    .replace(NUMBER_UNIT, `$1${NBSP}`)
    .replace(/ +(?=:)/g, NBSP)
    .replace(/ +(?=[%;?!])/g, NNBSP)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/ +»/g, `${NBSP}»`);
}

/** A text that follows a number written apart (`{rayon}` then " km"): its unit stays beside it. */
export function typesetAfterNumber(text: string): string {
  return text.replace(LEADING_UNIT, NBSP);
}

/** "1er", "2e", "3e" (masculine); "1re" with `feminine`. */
export function ordinal(value: number, feminine = false): string {
  return value === 1 ? (feminine ? '1re' : '1er') : `${value}e`;
}

const MONTHS_LONG = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_SHORT = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

/**
 * A date as French writes it: `2027-06-30` → "30 juin 2027", `2026-12-01` → "1er décembre 2026"
 * (the first of a month is "1er"), `2027-01` → "janvier 2027"; `short` months: "1er sept. 2027".
 * Anything else is returned as it is.
 */
export function frenchDate(date: string, months: 'long' | 'short' = 'long'): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  const month = match ? (months === 'long' ? MONTHS_LONG : MONTHS_SHORT)[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  return match[3] ? `${ordinalDay(Number(match[3]))} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

function ordinalDay(day: number): string {
  return day === 1 ? '1er' : String(day);
}

/** The local calendar date of `date` as `YYYY-MM-DD` (not UTC's, which is the day before late at night). */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** "2025-T1" → "1er trimestre 2025"; `short`: "1er trim. 2025", unbreakable (tables, small print). */
export function quarterLabel(quarter: string, short = false): string {
  const match = /^(\d{4})-T([1-4])$/.exec(quarter);
  if (!match) return quarter;
  return short ? `${ordinal(Number(match[2]))}${NBSP}trim.${NBSP}${match[1]}` : `${ordinal(Number(match[2]))} trimestre ${match[1]}`;
}

/** The year of a quarter ("2003-T1" → "2003"), or the text as it is. */
export function quarterYear(quarter: string): string {
  return /^(\d{4})-T[1-4]$/.exec(quarter)?.[1] ?? quarter;
}
