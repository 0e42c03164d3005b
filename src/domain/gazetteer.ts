import { COMMUNE_KEYS, type Zoning } from './zones.ts';
import * as v from 'valibot';
import { ok, type Result } from '../domain/result.ts';
import { checkSchema, columns, count, locateInRows, lngLat, nonEmptyText, rowOf, text, versionOf } from './schema.ts';
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

const FILE = 'communes.json';
const FIELDS = ['code', 'nom', 'codesPostaux', 'population', 'departement', 'zoneEmploi', 'spel', 'bassin', 'lng', 'lat'];

const GAZETTEER_SCHEMA = v.object({
  version: v.literal(1),
  fields: columns(FIELDS, 'communes'),
  rows: v.array(
    rowOf(FIELDS, [
      v.pipe(text, v.regex(/^\d[\dAB]\d{3}$/, 'un code INSEE est attendu')),
      nonEmptyText,
      v.array(v.pipe(text, v.regex(/^\d{5}$/, 'des codes postaux à 5 chiffres sont attendus'))),
      count,
      text,
      text,
      text,
      text,
      lngLat.items[0],
      lngLat.items[1],
    ]),
  ),
});

/**
 * Reads the columnar gazetteer (`{version, fields, rows}`) into communes.
 * @returns an error naming the commune and the field when the file does not have the expected shape
 */
export function readGazetteer(data: unknown): Result<Gazetteer> {
  const version = versionOf(FILE, data, 1);
  if (!version.ok) return version;
  const checked = checkSchema(GAZETTEER_SCHEMA, data, FILE, locateInRows('commune', FIELDS, (file) => (file as { rows: unknown[] }).rows));
  if (!checked.ok) return checked;
  const communes = checked.value.rows.map((row): Commune => {
    const [code, nom, codesPostaux, population, departement, zoneEmploi, spel, bassin, lng, lat] = row as [string, string, string[], number, string, string, string, string, number, number];
    return { code, nom, codesPostaux, population, departement, zoneEmploi, spel, bassin, point: [lng, lat] };
  });
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
