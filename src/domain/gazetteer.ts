import { COMMUNE_KEYS, type Zoning } from './zones.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { foldText } from './text.ts';

/** A current commune of the region, from `public/data/communes.json`. */
export interface Commune {
  code: string;
  nom: string;
  codesPostaux: string[];
  population: number;
  departement: string;
  zoneEmploi: string;
  spel: string;
  /** France Travail's bassin d'emploi (BMO). */
  bassin: string;
  /** Representative point inside the commune, `[lng, lat]`. */
  point: [number, number];
}

export interface Gazetteer {
  communes: Commune[];
  byCode: Map<string, Commune>;
}

const FIELDS = ['code', 'nom', 'codesPostaux', 'population', 'departement', 'zoneEmploi', 'spel', 'bassin', 'lng', 'lat'];

/**
 * Reads the columnar gazetteer (`{version, fields, rows}`) into communes.
 * @returns an error naming the row and field when the file does not have the expected shape
 */
export function readGazetteer(data: unknown): Result<Gazetteer> {
  if (typeof data !== 'object' || data === null) return fail('communes.json : un objet JSON est attendu ; rechargez la page');
  const { version, fields, rows } = data as { version?: unknown; fields?: unknown; rows?: unknown };
  if (version !== 1) return fail(`communes.json : version ${String(version)} non prise en charge (attendue : 1) ; rechargez la page`);
  if (!Array.isArray(fields) || fields.join() !== FIELDS.join()) return fail(`communes.json : les colonnes ${FIELDS.join(', ')} sont attendues ; rechargez la page`);
  if (!Array.isArray(rows)) return fail('communes.json : « rows » n\'est pas une liste');
  const communes: Commune[] = [];
  for (const [index, row] of rows.entries()) {
    if (!Array.isArray(row) || row.length !== FIELDS.length) return fail(`communes.json : ligne ${index + 1} : ${FIELDS.length} valeurs attendues`);
    const [code, nom, codesPostaux, population, departement, zoneEmploi, spel, bassin, lng, lat] = row as unknown[];
    if (typeof code !== 'string' || typeof nom !== 'string') return fail(`communes.json : ligne ${index + 1}, champs « code » et « nom » : des textes sont attendus`);
    if (typeof lng !== 'number' || typeof lat !== 'number') return fail(`communes.json : commune ${code}, champs « lng » et « lat » : des nombres sont attendus`);
    communes.push({
      code,
      nom,
      codesPostaux: Array.isArray(codesPostaux) ? codesPostaux.map(String) : [],
      population: typeof population === 'number' ? population : 0,
      departement: String(departement),
      zoneEmploi: String(zoneEmploi),
      spel: String(spel),
      bassin: String(bassin),
      point: [lng, lat],
    });
  }
  return ok({ communes, byCode: new Map(communes.map((commune) => [commune.code, commune])) });
}

/** A commune name as people type it: no accents or case, hyphens as spaces, "st" for "saint". */
function communeKey(text: string): string {
  return foldText(text)
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Communes matching what a person types: a postcode or INSEE code (digits), or a name, accents and
 * hyphens ignored ("st omer" → Saint-Omer). Exact names first, then names starting with the
 * text, then names containing it; bigger communes first within each.
 */
export function searchCommunes(gazetteer: Gazetteer, text: string, limit = 8): Commune[] {
  const query = text.trim();
  if (query === '') return [];
  if (/^\d{2,5}$/.test(query)) {
    return gazetteer.communes
      .filter((commune) => commune.code === query || commune.codesPostaux.some((postcode) => postcode.startsWith(query)))
      .sort((a, b) => b.population - a.population)
      .slice(0, limit);
  }
  const key = communeKey(query);
  if (key.length < 2) return [];
  const scored: { commune: Commune; rank: number }[] = [];
  for (const commune of gazetteer.communes) {
    const name = communeKey(commune.nom);
    const rank = name === key ? 0 : name.startsWith(key) ? 1 : name.includes(` ${key}`) ? 2 : name.includes(key) ? 3 : -1;
    if (rank >= 0) scored.push({ commune, rank });
  }
  return scored
    .sort((a, b) => a.rank - b.rank || b.commune.population - a.commune.population)
    .slice(0, limit)
    .map((item) => item.commune);
}

/**
 * Whether a site is in a zone: its commune is (the gazetteer's commune → zone columns). The one
 * definition of "in the zone" for the zone filter (`dans=`), the zone cards and the choropleths:
 * communes tile every zoning exactly, where a point near a border could fall on either side of
 * a simplified outline.
 */
export function siteInZone(site: { commune: string }, reference: { zoning: Zoning; code: string }, gazetteer: Gazetteer): boolean {
  return zoneOfSite(site, reference.zoning, gazetteer) === reference.code;
}

/** The zone of a zoning a site is in (by its commune), or null. */
export function zoneOfSite(site: { commune: string }, zoning: Zoning, gazetteer: Gazetteer): string | null {
  return gazetteer.byCode.get(site.commune)?.[COMMUNE_KEYS[zoning]] ?? null;
}
