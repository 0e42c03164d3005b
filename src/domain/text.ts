import { decodeHTML } from 'entities';

/** Collapses runs of white space and trims. */
const FRENCH = new Intl.Collator('fr');

/**
 * Compares two names in French order. One shared collator: `a.localeCompare(b, 'fr')` builds a
 * collator per call, which made sorting 100,000 names take tens of milliseconds.
 */
export function compareFr(a: string, b: string): number {
  return FRENCH.compare(a, b);
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A comparison key: lower case, no accents, punctuation and hyphens as spaces, spaces collapsed.
 * "BTS - Services - Comptabilité et gestion" and "BTS   Services   Comptabilite et gestion" match.
 */
export function foldText(text: string): string {
  return collapseSpaces(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[’'`]/g, ' ')
      .replace(/[^a-z0-9+.]+/g, ' '),
  );
}

/**
 * Turns text that may hold (escaped) HTML into plain text: tags dropped, block ends as line breaks,
 * entities decoded. The result is meant for text nodes only, never for innerHTML.
 */
export function htmlToPlainText(text: string): string {
  // Every HTML5 named entity and numeric reference (invalid code points become U+FFFD), as a browser would.
  const decodeEntities = (value: string) => decodeHTML(value);
  // Text escaped twice (&lt;p&gt;) is decoded once before tags are removed.
  const once = /&lt;\/?[a-z]/i.test(text) ? decodeEntities(text) : text;
  const withoutScripts = once.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const withBreaks = withoutScripts.replace(/<\s*(br|\/p|\/li|\/div|\/h\d)\b[^>]*>/gi, '\n');
  const stripped = withBreaks.replace(/<[^>]*>/g, ' ');
  return decodeEntities(stripped)
    .split('\n')
    .map((line) => collapseSpaces(line))
    .filter((line) => line !== '')
    .join('\n');
}

/** FNV-1a 32-bit hash as 8 hex digits: short, stable ids from text. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
