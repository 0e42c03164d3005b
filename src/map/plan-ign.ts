import type { RasterLayerSpecification, RasterSourceSpecification } from 'maplibre-gl';
import { PLAN_IGN_ATTRIBUTION } from '../domain/attributions.ts';
import { LAYERS, SOURCES } from './layers.ts';

/**
 * IGN's "Plan IGN" (Géoplateforme, Licence Ouverte 2.0), the street-level basemap a person may turn
 * on ("Plan détaillé"). Raster WMTS, as IGN's own code requests it: one GET per 256 px tile, no key,
 * no script, no style or font to fetch from the service (a vector plan would also need IGN's style,
 * glyphs and sprites). This module is a chunk of its own, loaded by the map only once the person
 * turns the plan on: it is not on the start-up path.
 */
export const PLAN_IGN_TILES =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';

/** The one origin the plan calls (and the only third party the CSP allows, for images and tiles). */
export const PLAN_IGN_ORIGIN = 'https://data.geopf.fr';


export function planSource(): RasterSourceSpecification {
  // PLANIGNV2 is published from zoom 0 to 19; the app stops at 15.
  return { type: 'raster', tiles: [PLAN_IGN_TILES], tileSize: 256, minzoom: 0, maxzoom: 19, attribution: PLAN_IGN_ATTRIBUTION };
}

/** Under the app's own layers: over the sea and the land fill, below every boundary, zone and point. */
export function planLayer(): RasterLayerSpecification {
  return { id: LAYERS.plan, type: 'raster', source: SOURCES.plan, paint: { 'raster-opacity': 1, 'raster-fade-duration': 0 } };
}
