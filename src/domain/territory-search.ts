/**
 * A search can name a territory: "Nord", "Somme", "zone d'emploi de Lens", "SPEL de Béthune",
 * "Hauts-de-France". It then sets the zone filter (`dans=`) or, for the region, clears it, as a
 * commune sets the place. Pure: the zones are passed in.
 */
import { foldText } from './text.ts';
import type { Zoning, ZoneReference } from './zones.ts';

export interface TerritoryOption {
  /** What the suggestion says: "Nord (département)", "Zone d'emploi de Lens". */
  label: string;
  /** The zone to search in; null for the whole region. */
  dans: ZoneReference | null;
  /** Folded phrases that name it. */
  keys: readonly string[];
}

const elide = (word: string, name: string) => (/^[aeiouyhéèêâîôû]/i.test(name) ? `${word.slice(0, -1)}'${name}` : `${word} ${name}`);

/** The territories a search can name, from the zones of each zoning. */
export function territoryOptions(zones: Readonly<Record<Zoning, readonly { code: string; nom: string }[]>>): TerritoryOption[] {
  const options: TerritoryOption[] = [{ label: 'Hauts-de-France (toute la région)', dans: null, keys: ['hauts de france', 'region hauts de france', 'toute la region', 'region'] }];
  for (const zone of zones.departement) {
    const name = foldText(zone.nom);
    options.push({ label: `${zone.nom} (département)`, dans: { zoning: 'departement', code: zone.code }, keys: [name, `departement ${name}`, `departement du ${name}`, `departement de l ${name}`, `departement de la ${name}`, `departement de ${name}`, zone.code] });
  }
  for (const zone of zones.zone_emploi) {
    const name = foldText(zone.nom);
    options.push({ label: elide(`Zone d'emploi de`, zone.nom), dans: { zoning: 'zone_emploi', code: zone.code }, keys: [`zone d emploi de ${name}`, `zone d emploi d ${name}`, `zone d emploi ${name}`, `ze ${name}`] });
  }
  for (const zone of zones.spel) {
    const name = foldText(zone.nom);
    options.push({ label: elide('SPEL de', zone.nom), dans: { zoning: 'spel', code: zone.code }, keys: [`spel de ${name}`, `spel d ${name}`, `spel ${name}`, `arrondissement de ${name}`, `arrondissement d ${name}`] });
  }
  // France Travail's bassins d'emploi (BMO): "bassin d'emploi de Lens" is the bassin, not the zone d'emploi.
  for (const zone of zones.bassin) {
    const name = foldText(zone.nom);
    options.push({ label: `Bassin d'emploi : ${zone.nom}`, dans: { zoning: 'bassin', code: zone.code }, keys: [`bassin d emploi de ${name}`, `bassin d emploi d ${name}`, `bassin d emploi ${name}`, `bassin de ${name}`, `bassin ${name}`] });
  }
  return options;
}

/** The territory a whole query names exactly, or null ("Nord" is the département; "Lens" alone stays a commune). */
export function exactTerritory(query: string, options: readonly TerritoryOption[]): TerritoryOption | null {
  const folded = foldText(query);
  if (folded === '' || /^\d+$/.test(folded)) return null;
  return options.find((option) => option.keys.includes(folded)) ?? null;
}

/** Territories whose names start with what is typed (at least 3 letters), for the suggestions. */
export function matchTerritories(query: string, options: readonly TerritoryOption[], limit = 3): TerritoryOption[] {
  const folded = foldText(query);
  if (folded.length < 3) return [];
  return options.filter((option) => option.keys.some((key) => key.startsWith(folded) && !/^\d+$/.test(key))).slice(0, limit);
}
