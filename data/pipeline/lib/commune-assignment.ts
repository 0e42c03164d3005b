import type { ZoneEmploiComposition } from '../../../src/ingest/insee-zones-emploi.ts';
import { fail, ok, type Result } from '../../../src/domain/result.ts';

/** A row of `@etalab/decoupage-administratif` communes.json (the fields used here). */
export interface DecoupageCommune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  arrondissement?: string;
  population?: number;
  codesPostaux?: string[];
  anciensCodes?: string[];
  chefLieu?: string;
}

export interface DecoupageArrondissement {
  code: string;
  nom: string;
  region?: string;
}

export interface SpelAssignment {
  code: string;
  nom: string;
}

/** A current commune with its zones. */
export interface AssignedCommune {
  code: string;
  nom: string;
  departement: string;
  population: number;
  codesPostaux: string[];
  zoneEmploi: string;
  /** True when the commune lies in the regional part of a cross-border zone d'emploi. */
  zoneEmploiPartieRegionale: boolean;
  spel: string;
}

export interface CommuneAssignment {
  communes: AssignedCommune[];
  /** Every code known for the region (current, former, delegated) → current commune code. */
  currentCodeOf: Map<string, string>;
  zoneEmploiNames: Map<string, string>;
  spelNames: Map<string, string>;
}

/**
 * Gives each current commune of the region its département, zone d'emploi and SPEL.
 * The zone d'emploi comes from INSEE's composition (by the commune's own code, else by a former
 * code it absorbed); the SPEL from `spelTable` when given, else from the arrondissement
 * (the documented approximation "SPEL = arrondissement").
 */
export function assignCommunes(
  decoupage: readonly DecoupageCommune[],
  arrondissements: readonly DecoupageArrondissement[],
  composition: readonly ZoneEmploiComposition[],
  region: string,
  spelTable?: ReadonlyMap<string, SpelAssignment>,
  /** Current commune → its code in the composition's geography, for communes split since. */
  compositionAliases: ReadonlyMap<string, string> = new Map(),
): Result<CommuneAssignment> {
  const current = decoupage
    .filter((commune) => commune.region === region && commune.type === 'commune-actuelle')
    .sort((a, b) => a.code.localeCompare(b.code));
  if (current.length === 0) return fail(`no current commune of region ${region} in the commune list`);
  const currentCodeOf = new Map<string, string>();
  for (const commune of current) currentCodeOf.set(commune.code, commune.code);
  for (const commune of current) {
    for (const former of commune.anciensCodes ?? []) if (!currentCodeOf.has(former)) currentCodeOf.set(former, commune.code);
  }
  for (const commune of decoupage) {
    if (commune.region !== region || commune.type === 'commune-actuelle' || !commune.chefLieu) continue;
    if (!currentCodeOf.has(commune.code) && currentCodeOf.has(commune.chefLieu)) currentCodeOf.set(commune.code, commune.chefLieu);
  }

  const compositionByCode = new Map(composition.map((row) => [row.commune, row]));
  const zoneEmploiNames = new Map<string, string>();
  const arrondissementNames = new Map(arrondissements.map((arrondissement) => [arrondissement.code, arrondissement.nom]));
  const spelNames = new Map<string, string>();
  const communes: AssignedCommune[] = [];
  const codesOf = new Map<string, string[]>();
  for (const [code, currentCode] of currentCodeOf) codesOf.set(currentCode, [...(codesOf.get(currentCode) ?? []), code]);
  for (const commune of current) {
    // Own code first, then the codes it absorbed (former and delegated communes).
    const candidates = [commune.code, ...(codesOf.get(commune.code) ?? []).filter((code) => code !== commune.code).sort()];
    const alias = compositionAliases.get(commune.code);
    if (alias) candidates.push(alias);
    const zone = candidates.map((code) => compositionByCode.get(code)).find((row) => row !== undefined);
    if (!zone) return fail(`commune ${commune.code} (${commune.nom}): not found in the zone d'emploi composition, nor any of its former codes (add it to data/sources/zone-emploi-splits.csv if it was split from another commune)`);
    if (!commune.departement) return fail(`commune ${commune.code} (${commune.nom}): no "departement" field`);
    let spel: SpelAssignment | undefined;
    if (spelTable) {
      spel = spelTable.get(commune.code);
      if (!spel) return fail(`commune ${commune.code} (${commune.nom}): missing from the SPEL table`);
    } else {
      const arrondissement = commune.arrondissement;
      const nom = arrondissement ? arrondissementNames.get(arrondissement) : undefined;
      if (!arrondissement || !nom) return fail(`commune ${commune.code} (${commune.nom}): no known "arrondissement" for its SPEL`);
      spel = { code: arrondissement, nom };
    }
    zoneEmploiNames.set(zone.zoneEmploi, zone.libelle);
    spelNames.set(spel.code, spel.nom);
    communes.push({
      code: commune.code,
      nom: commune.nom,
      departement: commune.departement,
      population: commune.population ?? 0,
      codesPostaux: [...(commune.codesPostaux ?? [])].sort(),
      zoneEmploi: zone.zoneEmploi,
      zoneEmploiPartieRegionale: zone.partieRegionale !== undefined,
      spel: spel.code,
    });
  }
  return ok({ communes, currentCodeOf, zoneEmploiNames, spelNames });
}
