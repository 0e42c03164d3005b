import { ROME_PATTERN } from '../domain/jobs.ts';
import { DOMAINS } from '../domain/domains.ts';
import { EMPTY_FILTERS, FILTER_NIVEAUX, NO_DOMAIN, type Filters } from '../domain/filters.ts';
import { CLASS_METHODS, INDICATORS, type ClassMethod, type IndicatorId } from '../domain/territory.ts';
import { THEMES } from '../domain/themes.ts';
import { MODALITES, VOIES, type Modalite, type Niveau, type Voie } from '../domain/training.ts';
import { COUCHES, coucheShowing, OVERLAYS, type Camera, type Couche, type Overlay } from '../domain/view.ts';
import { TRAVEL_MODES, type TravelMode } from '../geo/travel.ts';
import { formatZoneReference, parseZoneReference, type ZoneReference } from '../domain/zones.ts';

/** Version of the URL contract; bump it when a key changes meaning. */
export const URL_VERSION = 1;

const COUCHE_KEYS: Readonly<Record<Couche, string>> = { zone_emploi: 'ze', spel: 'spel', bassin: 'bassin', aucune: 'aucune' };

/** Longest search text and counsellor note a link carries. */
export const QUERY_MAX_LENGTH = 100;
export const NOTE_MAX_LENGTH = 600;
const PINS_MAX = 50;

/**
 * A place a person searches around: a commune (its INSEE code may sit in the query) or a point
 * from geolocation or a click (in the hash only, rounded to about 100 m).
 */
export type Place = { kind: 'commune'; code: string } | { kind: 'point'; point: [number, number] };

/** Where: a place with a radius or a travel time, and/or a zone the sites must be in. */
export interface Where {
  place: Place | null;
  /** km, 5–100; used when no travel time is set. */
  rayon: number;
  /** minutes (15, 30, 45, 60), or null to search by radius. */
  temps: number | null;
  mode: TravelMode;
  dans: ZoneReference | null;
}

export const RAYONS = [5, 10, 15, 20, 30, 40, 50, 75, 100] as const;
export const TEMPS = [15, 30, 45, 60] as const;
export const DEFAULT_WHERE: Where = { place: null, rayon: 20, temps: null, mode: 'voiture', dans: null };

/** Decimals kept for a position: 3 is about 100 m, so a link never carries an exact home. */
export const POSITION_DECIMALS = 3;

/** The territory view: the indicator drawn, its quarter, its classes, the zones compared. */
export interface TerritoryView {
  indicateur: IndicatorId | null;
  /** `YYYY-Tn`; null for the latest quarter. */
  periode: string | null;
  classes: ClassMethod;
  comparer: readonly ZoneReference[];
  /** The métiers the hiring indicators follow: a family letter (`I`) or a FAP 228 code (`D1X33`); null for all. */
  fap: string | null;
}

/** A `fap=` value: a BMO family letter or a FAP 2021 code at the 228 level. */
export const FAP_PATTERN = /^([A-Z]|[A-Z]\d[A-Z]\d{2}|marshall)$/;

/**
 * Spellings of issue #10's URL contract, read as today's (links already shared keep working):
 * `chomage-evol1` / `chomage-evol5` are `chomage-evol-1` / `chomage-evol-5`; `classes=egal` is `egales`.
 * Links are written with today's spellings.
 */
export const INDICATOR_ALIASES: Readonly<Record<string, IndicatorId>> = { 'chomage-evol1': 'chomage-evol-1', 'chomage-evol5': 'chomage-evol-5' };
export const CLASS_ALIASES: Readonly<Record<string, ClassMethod>> = { egal: 'egales' };

export const DEFAULT_TERRITORY: TerritoryView = { indicateur: null, periode: null, classes: 'quantiles', comparer: [], fap: null };

/** Everything a shared link carries. */
export interface UrlState {
  couche: Couche;
  zone: ZoneReference | null;
  overlays: Readonly<Record<Overlay, boolean>>;
  /** Selected training site id. */
  site: string | null;
  camera: Camera | null;
  filters: Filters;
  /** The counsellor's note: in the hash only, never sent to a server. */
  note: string;
  /** Pinned training ids: in the hash only. */
  pinned: readonly string[];
  where: Where;
  territory: TerritoryView;
  /**
   * `integre=1`: the version for an `<iframe>` on a partner's site (map, list, a compact filter
   * summary, a link to the full app). Kept in the frame's own links; never in "Ouvrir la carte complète".
   */
  integre: boolean;
}

export const DEFAULT_URL_STATE: UrlState = {
  couche: 'zone_emploi',
  zone: null,
  overlays: { sites: true, alliance: true, campus: false, cfa: false },
  site: null,
  camera: null,
  filters: EMPTY_FILTERS,
  note: '',
  pinned: [],
  where: DEFAULT_WHERE,
  territory: DEFAULT_TERRITORY,
  integre: false,
};

/** A site id: the dataset's (`uai:0590001A:59350`), or a file's opened in the browser (`fichier~lheo:59350:ab12`). */
const SITE_ID_PATTERN = /^[\w.:~-]{1,120}$/;
const TRAINING_ID_PATTERN = /^[\w.:~-]{1,100}$/;
const SOURCE_ID_PATTERN = /^[a-z0-9-]{1,40}$/;
const MONTH_PATTERN = /^20\d{2}-(0[1-9]|1[0-2])$/;
const DOMAIN_IDS: readonly string[] = [...DOMAINS.map((domain) => domain.id), NO_DOMAIN];
const THEME_IDS: readonly string[] = THEMES.map((theme) => theme.id);
/** Control characters (and, in search text, angle brackets) become spaces: text stays text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const QUERY_UNSAFE = /[\u0000-\u001f<>]/g;
// eslint-disable-next-line no-control-regex -- a note keeps its line breaks (\n) and tabs, nothing else
const NOTE_UNSAFE = /[\u0000-\u0008\u000b-\u001f]/g;

/** At most this many jobs in `metier=` (a BMO métier leads to up to ~20 ROME codes). */
export const METIERS_MAX = 40;

/** Comma-separated values of a key, keeping only the allowed ones (any that `read` accepts when `allowed` is null), each once, in the given order. */
function listOf<T extends string | number>(text: string | null, allowed: readonly T[] | null, read: (value: string) => T | null = (value) => value as T): T[] {
  if (text === null) return [];
  const values: T[] = [];
  for (const part of text.split(',')) {
    const value = read(part.trim());
    if (value !== null && (allowed === null || allowed.includes(value)) && !values.includes(value)) values.push(value);
  }
  return values;
}

function parseFilters(params: URLSearchParams): Filters {
  const q = (params.get('q') ?? '').replace(QUERY_UNSAFE, ' ').trim().slice(0, QUERY_MAX_LENGTH);
  const sources = (params.get('source') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part, index, all) => SOURCE_ID_PATTERN.test(part) && all.indexOf(part) === index);
  const debut = params.get('debut');
  return {
    q,
    domaines: listOf(params.get('domaine'), DOMAIN_IDS),
    niveaux: listOf<Niveau>(params.get('niveau'), FILTER_NIVEAUX, (value) => (/^\d$/.test(value) ? (Number(value) as Niveau) : null)),
    voies: listOf<Voie>(params.get('voie'), VOIES),
    modalites: listOf<Modalite>(params.get('modalite'), MODALITES),
    conventionne: params.get('conv') === '1',
    themes: listOf(params.get('theme'), THEME_IDS),
    sources,
    debut: debut !== null && MONTH_PATTERN.test(debut) ? debut : null,
    metiers: listOf(params.get('metier'), null, (value) => (ROME_PATTERN.test(value.toUpperCase()) ? value.toUpperCase() : null)).slice(0, METIERS_MAX),
  };
}

/**
 * Reads the app state from a URL's query string and hash. Unknown keys are ignored; a malformed
 * value falls back to its default and, in lists, an unknown value is dropped and the rest kept; a
 * link of another contract version (`v` other than 1) is not understood and gives the default
 * view. A selected zone d'emploi or SPEL brings its own zoning. Never throws.
 * @param search - `location.search`, with or without the leading `?`
 * @param hash - `location.hash`, with or without `#`: the camera `map=zoom/lat/lng`, the
 *   counsellor's `note` and pinned trainings `epingles`
 */
export function parseState(search: string, hash = ''): UrlState {
  const params = safeParams(search);
  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) return DEFAULT_URL_STATE;
  const coucheKey = params.get('couche');
  const couche = COUCHES.find((candidate) => COUCHE_KEYS[candidate] === coucheKey) ?? DEFAULT_URL_STATE.couche;
  const zoneText = params.get('zone');
  const zone = zoneText === null ? null : (parseZoneReference(zoneText) ?? null);
  const overlays = { ...DEFAULT_URL_STATE.overlays };
  const overlayText = params.get('calques');
  if (overlayText !== null) {
    const listed = overlayText.split(',');
    for (const overlay of OVERLAYS) overlays[overlay] = listed.includes(overlay);
  }
  const siteText = params.get('site');
  const site = siteText !== null && SITE_ID_PATTERN.test(siteText) ? siteText : null;
  const hashParams = safeParams(hash.replace(/^#/, ''));
  const note = (hashParams.get('note') ?? '').replace(NOTE_UNSAFE, ' ').slice(0, NOTE_MAX_LENGTH);
  const pinned = (hashParams.get('epingles') ?? '')
    .split(',')
    .filter((id, index, all) => TRAINING_ID_PATTERN.test(id) && all.indexOf(id) === index)
    .slice(0, PINS_MAX);
  return {
    couche: coucheShowing(couche, zone),
    zone,
    overlays,
    site,
    camera: parseCamera(hashParams.get('map')),
    filters: parseFilters(params),
    note,
    pinned,
    where: parseWhere(params, hashParams),
    territory: parseTerritory(params),
    integre: params.get('integre') === '1',
  };
}

const QUARTER_PATTERN = /^(19|20)\d{2}-T[1-4]$/;

function parseTerritory(params: URLSearchParams): TerritoryView {
  const asked = params.get('indicateur');
  const indicateur = asked === null ? null : (INDICATOR_ALIASES[asked] ?? asked);
  const periode = params.get('periode');
  const classesAsked = params.get('classes');
  const classes = classesAsked === null ? null : (CLASS_ALIASES[classesAsked] ?? classesAsked);
  const comparer: ZoneReference[] = [];
  for (const part of (params.get('comparer') ?? '').split(',')) {
    const zone = parseZoneReference(part.trim());
    if (zone && comparer.length < 4 && !comparer.some((item) => item.zoning === zone.zoning && item.code === zone.code)) comparer.push(zone);
  }
  return {
    indicateur: (INDICATORS as readonly string[]).includes(indicateur ?? '') ? (indicateur as IndicatorId) : null,
    periode: periode !== null && QUARTER_PATTERN.test(periode) ? periode : null,
    classes: (CLASS_METHODS as readonly string[]).includes(classes ?? '') ? (classes as ClassMethod) : DEFAULT_TERRITORY.classes,
    comparer,
    fap: FAP_PATTERN.test(params.get('fap') ?? '') ? params.get('fap') : null,
  };
}

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
const MODE_KEYS: Readonly<Record<TravelMode, string>> = { voiture: 'voiture', tc: 'tc', velo: 'velo', pied: 'pied' };

/** `lng,lat` with at most 5 decimals, inside a generous box around the region. */
function parsePosition(text: string | null): [number, number] | null {
  if (text === null) return null;
  const match = /^(-?\d{1,3}(?:\.\d{1,5})?),(-?\d{1,2}(?:\.\d{1,5})?)$/.exec(text.trim());
  if (!match) return null;
  const lng = Number(match[1]);
  const lat = Number(match[2]);
  if (lng < -1 || lng > 6 || lat < 47.5 || lat > 52) return null;
  return [roundPosition(lng), roundPosition(lat)];
}

export function roundPosition(value: number): number {
  return round(value, POSITION_DECIMALS);
}

function parseWhere(params: URLSearchParams, hashParams: URLSearchParams): Where {
  const commune = params.get('lieu');
  const point = parsePosition(hashParams.get('lieu'));
  const place: Place | null = commune !== null && COMMUNE_CODE.test(commune) ? { kind: 'commune', code: commune } : point ? { kind: 'point', point } : null;
  const rayon = Number(params.get('rayon'));
  const temps = Number(params.get('temps'));
  const modeKey = params.get('mode');
  const dansText = params.get('dans');
  return {
    place,
    rayon: Number.isInteger(rayon) && rayon >= 5 && rayon <= 100 ? rayon : DEFAULT_WHERE.rayon,
    temps: (TEMPS as readonly number[]).includes(temps) ? temps : null,
    mode: TRAVEL_MODES.find((mode) => MODE_KEYS[mode] === modeKey) ?? DEFAULT_WHERE.mode,
    dans: dansText === null ? null : (parseZoneReference(dansText) ?? null),
  };
}

/** `encodeURIComponent`, keeping the characters that stay readable in a query: `:` and `,`. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/**
 * Writes the state as a readable query string and hash; defaults are left out.
 * @returns `search` (with `?`, or empty) and `hash` (with `#`, or empty)
 */
export function serializeState(state: UrlState): { search: string; hash: string } {
  const parts: string[] = [];
  if (state.couche !== DEFAULT_URL_STATE.couche) parts.push(`couche=${COUCHE_KEYS[state.couche]}`);
  if (state.zone) parts.push(`zone=${formatZoneReference(state.zone)}`);
  if (OVERLAYS.some((overlay) => state.overlays[overlay] !== DEFAULT_URL_STATE.overlays[overlay])) {
    parts.push(`calques=${OVERLAYS.filter((overlay) => state.overlays[overlay]).join(',')}`);
  }
  if (state.site && SITE_ID_PATTERN.test(state.site)) parts.push(`site=${encodeValue(state.site)}`);
  const { filters } = state;
  const q = filters.q.trim().slice(0, QUERY_MAX_LENGTH);
  if (q !== '') parts.push(`q=${encodeValue(q)}`);
  if (filters.domaines.length > 0) parts.push(`domaine=${filters.domaines.join(',')}`);
  if (filters.niveaux.length > 0) parts.push(`niveau=${filters.niveaux.join(',')}`);
  if (filters.voies.length > 0) parts.push(`voie=${filters.voies.join(',')}`);
  if (filters.modalites.length > 0) parts.push(`modalite=${filters.modalites.join(',')}`);
  if (filters.conventionne) parts.push('conv=1');
  if (filters.themes.length > 0) parts.push(`theme=${filters.themes.join(',')}`);
  if (filters.sources.length > 0) parts.push(`source=${filters.sources.join(',')}`);
  if (filters.debut) parts.push(`debut=${filters.debut}`);
  const metiers = filters.metiers.filter((code) => ROME_PATTERN.test(code)).slice(0, METIERS_MAX);
  if (metiers.length > 0) parts.push(`metier=${metiers.join(',')}`);
  const { where } = state;
  if (where.place?.kind === 'commune' && COMMUNE_CODE.test(where.place.code)) parts.push(`lieu=${where.place.code}`);
  if (where.rayon !== DEFAULT_WHERE.rayon) parts.push(`rayon=${where.rayon}`);
  if (where.temps !== null) parts.push(`temps=${where.temps}`);
  if (where.mode !== DEFAULT_WHERE.mode) parts.push(`mode=${MODE_KEYS[where.mode]}`);
  if (where.dans) parts.push(`dans=${formatZoneReference(where.dans)}`);
  const { territory } = state;
  if (territory.indicateur) parts.push(`indicateur=${territory.indicateur}`);
  if (territory.periode && QUARTER_PATTERN.test(territory.periode)) parts.push(`periode=${territory.periode}`);
  if (territory.classes !== DEFAULT_TERRITORY.classes) parts.push(`classes=${territory.classes}`);
  if (territory.fap && FAP_PATTERN.test(territory.fap)) parts.push(`fap=${territory.fap}`);
  if (territory.comparer.length > 0) parts.push(`comparer=${territory.comparer.slice(0, 4).map(formatZoneReference).join(',')}`);
  if (state.integre) parts.push('integre=1');
  const search = parts.length > 0 ? `?v=${URL_VERSION}&${parts.join('&')}` : '';
  const hashParts: string[] = [];
  if (state.camera) hashParts.push(`map=${formatCamera(state.camera)}`);
  // A position stays in the hash: browsers never send it to the host.
  if (where.place?.kind === 'point') hashParts.push(`lieu=${roundPosition(where.place.point[0])},${roundPosition(where.place.point[1])}`);
  if (state.note !== '') hashParts.push(`note=${encodeValue(state.note.slice(0, NOTE_MAX_LENGTH))}`);
  const pinned = state.pinned.filter((id) => TRAINING_ID_PATTERN.test(id)).slice(0, PINS_MAX);
  if (pinned.length > 0) hashParts.push(`epingles=${pinned.map(encodeValue).join(',')}`);
  return { search, hash: hashParts.length > 0 ? `#${hashParts.join('&')}` : '' };
}

/** `zoom/lat/lng`, rounded to what the zoom level can show. */
export function formatCamera(camera: Camera): string {
  const digits = Math.max(2, Math.ceil((camera.zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
  const [lng, lat] = camera.center;
  return `${round(camera.zoom, 2)}/${round(lat, digits)}/${round(lng, digits)}`;
}

function parseCamera(text: string | null): Camera | null {
  if (text === null) return null;
  const parts = text.split('/');
  // Each part a plain decimal number: `Number('')` is 0, so "//" would otherwise read as 0/0/0.
  if (parts.length !== 3 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) return null;
  const values = parts.map(Number);
  const [zoom, lat, lng] = values as [number, number, number];
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lng < -180 || lng > 180) return null;
  return { center: [lng, lat], zoom };
}

function safeParams(text: string): URLSearchParams {
  try {
    return new URLSearchParams(text);
  } catch {
    return new URLSearchParams();
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
