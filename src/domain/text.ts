/** Collapses runs of white space and trims. */
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

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', ecirc: 'ê', ocirc: 'ô' };

/**
 * Turns text that may hold (escaped) HTML into plain text: tags dropped, block ends as line breaks,
 * entities decoded. The result is meant for text nodes only, never for innerHTML.
 */
export function htmlToPlainText(text: string): string {
  const decodeEntities = (value: string) =>
    value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
      if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
      return ENTITIES[entity.toLowerCase()] ?? match;
    });
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
