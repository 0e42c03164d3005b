/**
 * What a person sees, as plain domain types: which zoning is drawn, which point layers are on,
 * where the camera is. The URL codec, the store and the map all speak these types.
 */

/** Which zoning is drawn over the map (départements are always outlined). */
export const COUCHES = ['zone_emploi', 'spel', 'bassin', 'aucune'] as const;
export type Couche = (typeof COUCHES)[number];

/** Point layers that can be switched on and off. */
export const OVERLAYS = ['sites', 'alliance', 'campus', 'cfa'] as const;
export type Overlay = (typeof OVERLAYS)[number];

export interface Camera {
  /** `[lng, lat]` */
  center: [number, number];
  zoom: number;
}

/** The whole region: where "voir toute la région" goes. */
export const REGION_CAMERA: Camera = { center: [2.75, 49.95], zoom: 7.2 };

/**
 * The region's bounding box `[west, south, east, north]` (checked against the committed topology in
 * the data tests): the map's first camera fits it, so the first tiles are the ones it keeps.
 */
export const REGION_BOUNDS: readonly [number, number, number, number] = [1.38, 48.83, 4.26, 51.09];

/**
 * The zoning drawn when a zone is selected: a selected zone d'emploi or SPEL always shows its own
 * zoning (départements are always outlined, so they keep whatever is drawn). Holds however the
 * state was reached: a click, the list, a link, Back/Forward.
 */
export function coucheShowing(couche: Couche, zone: { zoning: 'departement' | 'zone_emploi' | 'spel' | 'bassin' } | null): Couche {
  return zone && zone.zoning !== 'departement' ? zone.zoning : couche;
}
