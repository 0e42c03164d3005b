import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Theme } from '../domain/theme.ts';
import { LAYERS, SITE_LABELS_FROM_ZOOM, SOURCES } from './layers.ts';
import type { MapTrial } from './trial-names.ts';

export { MAP_TRIALS, type MapTrial } from './trial-names.ts';

/** Replaced at build time (vite.config.ts `define`): "" in every build but the bench's trials. */
export const MAP_TRIAL = (import.meta.env.VITE_MAP_TRIAL || undefined) as MapTrial | undefined;

/** The style of a trial: the app's own, with the trial's layers in place of the ones it replaces. */
export function trialStyle(style: StyleSpecification, trial: MapTrial, theme: Theme): StyleSpecification {
  // Only two trials change the style; the others change what the code does with it.
  if (trial !== 'cercles' && trial !== 'moins-de-symboles') return style;
  const layers = style.layers;
  if (trial === 'cercles') {
    const sites = style.sources[SOURCES.sites];
    const unclustered = sites && sites.type === 'geojson' ? { ...sites, cluster: false } : sites;
    const point = layers.find((layer) => layer.id === LAYERS.sitesPoint) as SymbolLayerSpecification;
    const circles = {
      id: 'sites-cercles',
      type: 'circle' as const,
      source: SOURCES.sites,
      maxzoom: SITE_LABELS_FROM_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 3.5, 12, 6],
        'circle-color': ['match', ['get', 'voie'], 'scolaire', theme.voies.scolaire, 'apprentissage', theme.voies.apprentissage, 'continue', theme.voies.continue, theme.voies.mixte],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    } as unknown as StyleSpecification['layers'][number];
    return {
      ...style,
      sources: { ...style.sources, [SOURCES.sites]: unclustered as NonNullable<typeof sites> },
      layers: layers.flatMap((layer) => {
        if (layer.id === LAYERS.sitesCluster || layer.id === LAYERS.sitesClusterCount) return [];
        if (layer.id === LAYERS.sitesPoint) return [circles, { ...point, minzoom: SITE_LABELS_FROM_ZOOM }];
        return [layer];
      }),
    };
  }
  // moins-de-symboles: one symbol layer draws a cluster's count or a site's voie shape.
  const point = layers.find((layer) => layer.id === LAYERS.sitesPoint) as SymbolLayerSpecification;
  const count = layers.find((layer) => layer.id === LAYERS.sitesClusterCount) as SymbolLayerSpecification;
  const merged = {
    ...point,
    filter: undefined,
    layout: {
      ...point.layout,
      ...count.layout,
      'icon-image': ['case', ['has', 'point_count'], '', ['concat', 'voie-', ['get', 'voie']]],
      'text-field': ['case', ['has', 'point_count'], ['to-string', ['get', 'formations']], ''],
    },
    paint: count.paint,
  } as unknown as SymbolLayerSpecification;
  delete (merged as { filter?: unknown }).filter;
  return { ...style, layers: layers.flatMap((layer) => (layer.id === LAYERS.sitesClusterCount ? [] : layer.id === LAYERS.sitesPoint ? [merged] : [layer])) };
}
