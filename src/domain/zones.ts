/**
 * The zonings of the region, as used in the URL (`couche=`) and in zone references: départements,
 * INSEE zones d'emploi, SPEL, and France Travail's bassins d'emploi of the BMO survey (other areas
 * than the zones d'emploi, though their codes overlap: never joined by code).
 */
export const ZONINGS = ['departement', 'zone_emploi', 'spel', 'bassin'] as const;
export type Zoning = (typeof ZONINGS)[number];

/** Short keys used in URLs and zone references (`ze:3215`). */
export const ZONING_KEYS: Readonly<Record<Zoning, string>> = {
  departement: 'dep',
  zone_emploi: 'ze',
  spel: 'spel',
  bassin: 'bassin',
};

/** Objects of the boundaries topology, one per zoning. */
export const TOPOLOGY_OBJECTS: Readonly<Record<Zoning, string>> = {
  departement: 'departements',
  zone_emploi: 'zones_emploi',
  spel: 'spel',
  bassin: 'bassins',
};

export const ZONING_LABELS: Readonly<Record<Zoning, string>> = {
  departement: 'Départements',
  zone_emploi: "Zones d'emploi",
  spel: 'SPEL (bassins emploi-formation)',
  bassin: "Bassins d'emploi (France Travail, enquête BMO)",
};

export const ZONING_SINGULAR: Readonly<Record<Zoning, string>> = {
  departement: 'Département',
  zone_emploi: "Zone d'emploi",
  spel: 'SPEL',
  bassin: "Bassin d'emploi",
};

/** The column of the gazetteer (`public/data/communes.json`) that gives a commune's zone in each zoning. */
export const COMMUNE_KEYS: Readonly<Record<Zoning, 'departement' | 'zoneEmploi' | 'spel' | 'bassin'>> = {
  departement: 'departement',
  zone_emploi: 'zoneEmploi',
  spel: 'spel',
  bassin: 'bassin',
};

/** What a bassin d'emploi is and whose: said on its card and in the legend, wherever it is shown. */
export const BASSIN_NOTE =
  "Bassin d'emploi de France Travail, le découpage de l'enquête Besoins en main-d'œuvre (BMO). Ce n'est pas une zone d'emploi de l'Insee : leurs codes se ressemblent (3201…) mais désignent d'autres territoires, et leurs chiffres ne se comparent pas.";

/** The five départements of Hauts-de-France (INSEE codes). */
export const REGION_DEPARTEMENTS = ['02', '59', '60', '62', '80'] as const;
export const REGION_CODE = '32';

/** Properties carried by every zone feature of the boundaries topology. */
export interface ZoneProperties {
  code: string;
  nom: string;
  population: number;
  communes: number;
  /** Départements the zone lies in (codes), sorted. */
  departements: string[];
  /** Set on zones d'emploi that cross the regional border: only the regional part is drawn. */
  partieRegionale?: boolean;
}

/** A reference to one zone, as written in URLs: `ze:3215`, `dep:59`, `spel:627`. */
export interface ZoneReference {
  zoning: Zoning;
  code: string;
}

const ZONE_CODE_PATTERN: Readonly<Record<Zoning, RegExp>> = {
  departement: /^(02|59|60|62|80)$/,
  zone_emploi: /^(32(0[1-9]|1\d|2[0-2])|0054|0058)$/,
  spel: /^(02|59|60|62|80)\d$/,
  bassin: /^32\d{2}$/,
};

export function zoningFromKey(key: string): Zoning | undefined {
  return ZONINGS.find((zoning) => ZONING_KEYS[zoning] === key);
}

/** Parses `ze:3215`; anything malformed gives `undefined`. */
export function parseZoneReference(text: string): ZoneReference | undefined {
  const [key, code, ...rest] = text.split(':');
  if (key === undefined || code === undefined || rest.length > 0) return undefined;
  const zoning = zoningFromKey(key);
  if (!zoning || !ZONE_CODE_PATTERN[zoning].test(code)) return undefined;
  return { zoning, code };
}

export function formatZoneReference(reference: ZoneReference): string {
  return `${ZONING_KEYS[reference.zoning]}:${reference.code}`;
}
