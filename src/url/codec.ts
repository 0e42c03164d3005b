import { COUCHES, coucheShowing, OVERLAYS, type Camera, type Couche, type Overlay } from '../domain/view.ts';
import { formatZoneReference, parseZoneReference, type ZoneReference } from '../domain/zones.ts';


/** Version of the URL contract; bump it when a key changes meaning. */
export const URL_VERSION = 1;

const COUCHE_KEYS: Readonly<Record<Couche, string>> = { zone_emploi: 'ze', spel: 'spel', aucune: 'aucune' };

/** Everything a shared link carries. */
export interface UrlState {
  couche: Couche;
  zone: ZoneReference | null;
  overlays: Readonly<Record<Overlay, boolean>>;
  /** Selected training site id. */
  site: string | null;
  camera: Camera | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  couche: 'zone_emploi',
  zone: null,
  overlays: { sites: true, alliance: true, campus: false, cfa: false },
  site: null,
  camera: null,
};

const SITE_ID_PATTERN = /^[\w.:-]{1,80}$/;

/**
 * Reads the app state from a URL's query string and hash. Unknown keys are ignored; a malformed
 * value falls back to its default; a link of another contract version (`v` other than 1) is not
 * understood and gives the default view. A selected zone d'emploi or SPEL brings its own zoning.
 * Never throws.
 * @param search - `location.search`, with or without the leading `?`
 * @param hash - `location.hash`, with or without `#`; holds the camera as `map=zoom/lat/lng`
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
  return { couche: coucheShowing(couche, zone), zone, overlays, site, camera: parseCamera(safeParams(hash.replace(/^#/, '')).get('map')) };
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
  if (state.site && SITE_ID_PATTERN.test(state.site)) parts.push(`site=${encodeURIComponent(state.site)}`);
  const search = parts.length > 0 ? `?v=${URL_VERSION}&${parts.join('&')}` : '';
  return { search, hash: state.camera ? `#map=${formatCamera(state.camera)}` : '' };
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
