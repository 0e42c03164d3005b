import type { Commune, Gazetteer } from '../domain/gazetteer.ts';
import { foldText } from '../domain/text.ts';
import type { LocationPrecision } from '../domain/training.ts';
import { REGION_DEPARTEMENTS } from '../domain/zones.ts';

export interface Place {
  point: [number, number];
  commune: string;
  precision: LocationPrecision;
}

export interface PlaceInput {
  latitude?: string | number | null;
  longitude?: string | number | null;
  codeInsee?: string | null;
  codePostal?: string | null;
  ville?: string | null;
  /** Département the record must be in (from a UAI's first digits), when known. */
  expectedDepartement?: string | null;
  /** Name of the place: a commune named in it can correct a wrong point. */
  nom?: string | null;
}

export type PlaceResult =
  | { ok: true; place: Place; warning: string | null }
  | { ok: false; field: string; reason: string; outsideRegion: boolean };

/** Finds the current commune containing a point (`undefined` outside the region). */
export type CommuneAt = (point: readonly [number, number]) => string | undefined;

/**
 * Places a record on the map: at its coordinates when they are valid and agree with what else
 * the record says (precision `address`), else at its commune's representative point (precision
 * `commune`) with a warning, else not at all, with the reason.
 */
/**
 * Whether coordinates are a town's generic point, not an address: both in whole arcminutes (the
 * 50.63333, 3.06667 of "Lille, 50°38′ N, 3°04′ E" in gazetteers), which no address geocodes to.
 */
export function isGenericPoint(lat: number, lng: number): boolean {
  const wholeMinutes = (value: number) => Math.abs(value * 60 - Math.round(value * 60)) < 0.003;
  return wholeMinutes(lat) && wholeMinutes(lng);
}

/** The merge table's key for a former commune name: `<département>|<folded name>`. */
export function formerNameKey(departement: string, name: string): string {
  return `${departement}|${communeNameKey(name)}`;
}

export class Locator {
  private readonly byPostcode = new Map<string, Commune[]>();
  private readonly byDepartement = new Map<string, Commune[]>();

  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly communeAt: CommuneAt,
    /** Former or delegated commune codes → current code. */
    private readonly currentCodeOf: ReadonlyMap<string, string> = new Map(),
    /**
     * The merge table by name: `<département>|<folded name>` of a commune merged since (a commune
     * déléguée or associée, "Marconne") → its current commune's code ("Hesdin-la-Forêt").
     */
    private readonly formerNames: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const commune of gazetteer.communes) {
      for (const postcode of commune.codesPostaux) this.byPostcode.set(postcode, [...(this.byPostcode.get(postcode) ?? []), commune]);
      this.byDepartement.set(commune.departement, [...(this.byDepartement.get(commune.departement) ?? []), commune]);
    }
  }

  commune(code: string): Commune | undefined {
    return this.gazetteer.byCode.get(code) ?? this.gazetteer.byCode.get(this.currentCodeOf.get(code) ?? '');
  }

  locate(input: PlaceInput): PlaceResult {
    const coordinates = readCoordinates(input.latitude, input.longitude);
    const fromCode = input.codeInsee ? this.commune(input.codeInsee.trim()) : undefined;
    const fromPostcode = this.communeFromPostcode(input.codePostal, input.ville);
    const declared = fromCode ?? fromPostcode;
    const atCommune = (commune: Commune, warning: string): PlaceResult => ({
      ok: true,
      place: { point: commune.point, commune: commune.code, precision: 'commune' },
      warning,
    });
    if (coordinates.point) {
      const [lng, lat] = coordinates.point;
      const inside = this.communeAt(coordinates.point);
      const insideCommune = inside ? this.gazetteer.byCode.get(inside) : undefined;
      const expected = input.expectedDepartement;
      if (insideCommune && (!expected || insideCommune.departement === expected)) {
        // A town's generic point (whole arcminutes, "50°38′ N, 3°04′ E" for Lille) is not an address.
        if (isGenericPoint(lat, lng)) return atCommune(insideCommune, `coordonnées ${lat}, ${lng} : le point générique de la ville (minutes d'arc rondes), pas une adresse ; placé au point de la commune ${insideCommune.nom}`);
        return { ok: true, place: { point: [lng, lat], commune: insideCommune.code, precision: 'address' }, warning: null };
      }
      const where = insideCommune ? `dans le département ${insideCommune.departement}` : 'hors des Hauts-de-France';
      const fallback = declared ?? (expected ? this.communeNamedIn(input.nom, expected) : undefined);
      if (fallback && (!expected || fallback.departement === expected)) {
        return atCommune(fallback, `coordonnées ${lat}, ${lng} situées ${where}${expected ? `, pas dans le département ${expected} donné par son UAI` : ''} : placé à ${fallback.nom} (${fallback.code})`);
      }
      if (!insideCommune && !expected) {
        return { ok: false, field: 'coordonnées', reason: `coordonnées ${lat}, ${lng} hors des Hauts-de-France`, outsideRegion: true };
      }
      return {
        ok: false,
        field: 'coordonnées',
        reason: `coordonnées ${lat}, ${lng} situées ${where}${expected ? `, pas dans le département ${expected} donné par son UAI` : ''}, et aucune commune connue ne permet de les corriger`,
        outsideRegion: !insideCommune,
      };
    }
    const invalid = coordinates.invalid ? `coordonnées invalides (${coordinates.invalid})` : 'pas de coordonnées';
    if (declared) return atCommune(declared, `${invalid} : placé au point de la commune ${declared.nom} (${declared.code})`);
    const department = departementOfCode(input.codeInsee) ?? departementOfCode(input.codePostal);
    if (department && !(REGION_DEPARTEMENTS as readonly string[]).includes(department)) {
      const field = input.codeInsee ? 'code-INSEE-commune' : 'codepostal';
      return { ok: false, field, reason: `${field} ${input.codeInsee ?? input.codePostal} hors des Hauts-de-France (département ${department})`, outsideRegion: true };
    }
    if (input.codeInsee || input.codePostal) {
      const field = input.codeInsee ? 'code-INSEE-commune' : 'codepostal';
      return { ok: false, field, reason: `${invalid}, et ${field} ${input.codeInsee ?? input.codePostal} ne correspond à aucune commune de la région`, outsideRegion: false };
    }
    return { ok: false, field: 'lieu', reason: `${invalid}, ni commune ni code postal : lieu impossible à situer`, outsideRegion: false };
  }

  /** The commune of a postcode; when several share it, the one whose name matches `ville`. */
  communeFromPostcode(postcode: string | null | undefined, ville: string | null | undefined): Commune | undefined {
    const code = (postcode ?? '').trim();
    if (!/^\d{5}$/.test(code)) return undefined;
    const folded = communeNameKey((ville ?? '').replace(/\bcedex\b.*$/i, ''));
    const candidates = this.byPostcode.get(code) ?? [];
    if (candidates.length === 1) return candidates[0];
    const named = candidates.find((commune) => communeNameKey(commune.nom) === folded);
    if (named) return named;
    // CEDEX and head-office postcodes are not communes' own: fall back to the name in the département.
    const departement = code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
    if (!folded) return undefined;
    const byName = (this.byDepartement.get(departement) ?? []).find((commune) => communeNameKey(commune.nom) === folded);
    if (byName) return byName;
    // A commune merged since ("Marconne", now part of Hesdin-la-Forêt): the merge table.
    const merged = this.formerNames.get(`${departement}|${folded}`);
    return merged ? this.commune(merged) : undefined;
  }

  /** The longest commune name of `departement` that appears as whole words in `text`. */
  communeNamedIn(text: string | null | undefined, departement: string): Commune | undefined {
    const folded = ` ${foldText(text ?? '')} `;
    if (folded.trim() === '') return undefined;
    let best: Commune | undefined;
    for (const commune of this.byDepartement.get(departement) ?? []) {
      const name = foldText(commune.nom);
      if (name.length >= 4 && folded.includes(` ${name} `) && (!best || name.length > foldText(best.nom).length)) best = commune;
    }
    return best;
  }
}

function readCoordinates(latitude: string | number | null | undefined, longitude: string | number | null | undefined): { point: [number, number] | null; invalid: string | null } {
  if ((latitude === null || latitude === undefined || latitude === '') && (longitude === null || longitude === undefined || longitude === '')) {
    return { point: null, invalid: null };
  }
  const lat = typeof latitude === 'number' ? latitude : Number.parseFloat(String(latitude ?? '').replace(',', '.'));
  const lng = typeof longitude === 'number' ? longitude : Number.parseFloat(String(longitude ?? '').replace(',', '.'));
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180 || (lat === 0 && lng === 0)) {
    return { point: null, invalid: `latitude "${latitude ?? ''}", longitude "${longitude ?? ''}"` };
  }
  return { point: [lng, lat], invalid: null };
}

/** A commune-name key that survives the usual spellings: "Aulnoy les Valenciennes" = "Aulnoy-lez-Valenciennes". */
function communeNameKey(name: string): string {
  return foldText(name)
    .replace(/\b(lez|les|les)\b/g, 'les')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');
}

function departementOfCode(code: string | null | undefined): string | null {
  const value = (code ?? '').trim();
  if (!/^(\d{5}|2[AB]\d{3})$/.test(value)) return null;
  return value.startsWith('97') ? value.slice(0, 3) : value.slice(0, 2);
}

/** Département of a UAI: its first three digits (`059` → `59`). */
export function departementOfUai(uai: string): string | null {
  const match = /^0(\d{2})\d{4}[A-Z]$/.exec(uai.trim().toUpperCase());
  return match?.[1] ?? null;
}
