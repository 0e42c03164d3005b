import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** Colours of the light basemap and overlays. Text colours meet WCAG AA on the land colour. */
export interface Theme {
  sea: string;
  land: string;
  neighbourLand: string;
  neighbourLine: string;
  regionLand: string;
  regionLine: string;
  departementLine: string;
  zoneLine: string;
  zoneHover: string;
  zoneSelected: string;
  label: string;
  labelHalo: string;
  fontStack: string;
}

export const LIGHT_THEME: Theme = {
  sea: '#d7e6ef',
  land: '#efefec',
  neighbourLand: '#e6e6e2',
  neighbourLine: '#ffffff',
  regionLand: '#fbfaf6',
  regionLine: '#4a4a48',
  departementLine: '#6f6f6b',
  zoneLine: '#3d6f96',
  zoneHover: '#9cc2de',
  zoneSelected: '#1f5f8f',
  label: '#2b2b2a',
  labelHalo: '#fbfaf6',
  fontStack: 'Noto Sans Regular',
};

/** Source ids; the map adapter fills them with data. */
export const SOURCES = {
  pays: 'pays',
  voisins: 'departements-voisins',
  region: 'region',
  departements: 'departements',
  zonesEmploi: 'zones-emploi',
  spel: 'spel',
  villes: 'villes',
} as const;

/** Layer ids the app refers to (visibility, hover, clicks, tests). */
export const LAYERS = {
  background: 'fond-mer',
  paysFill: 'pays-fond',
  voisinsFill: 'departements-voisins-fond',
  voisinsLine: 'departements-voisins-limite',
  regionFill: 'region-fond',
  zonesEmploiFill: 'zones-emploi-fond',
  zonesEmploiLine: 'zones-emploi-limite',
  spelFill: 'spel-fond',
  spelLine: 'spel-limite',
  departementsLine: 'departements-limite',
  regionLine: 'region-limite',
  villesLabel: 'villes-nom',
} as const;

/** Fill layers that respond to hover and click, by zoning source. */
export const ZONE_FILL_LAYERS = [LAYERS.zonesEmploiFill, LAYERS.spelFill] as const;

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

function zoneLayers(theme: Theme, source: string, fillId: string, lineId: string): LayerSpecification[] {
  return [
    {
      id: fillId,
      type: 'fill',
      source,
      layout: { visibility: 'none' },
      paint: {
        'fill-color': ['case', ['boolean', ['feature-state', 'selected'], false], theme.zoneSelected, theme.zoneHover],
        'fill-opacity': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          0.35,
          ['boolean', ['feature-state', 'hover'], false],
          0.45,
          0,
        ],
      },
    },
    {
      id: lineId,
      type: 'line',
      source,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: {
        'line-color': theme.zoneLine,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.2],
      },
    },
  ];
}

/** The layers of the map, bottom to top, as plain data (validated against the style spec in tests). */
export function makeLayers(theme: Theme): LayerSpecification[] {
  return [
    { id: LAYERS.background, type: 'background', paint: { 'background-color': theme.sea } },
    { id: LAYERS.paysFill, type: 'fill', source: SOURCES.pays, paint: { 'fill-color': theme.land } },
    { id: LAYERS.voisinsFill, type: 'fill', source: SOURCES.voisins, paint: { 'fill-color': theme.neighbourLand } },
    { id: LAYERS.voisinsLine, type: 'line', source: SOURCES.voisins, paint: { 'line-color': theme.neighbourLine, 'line-width': 1 } },
    { id: LAYERS.regionFill, type: 'fill', source: SOURCES.region, paint: { 'fill-color': theme.regionLand } },
    ...zoneLayers(theme, SOURCES.zonesEmploi, LAYERS.zonesEmploiFill, LAYERS.zonesEmploiLine),
    ...zoneLayers(theme, SOURCES.spel, LAYERS.spelFill, LAYERS.spelLine),
    {
      id: LAYERS.departementsLine,
      type: 'line',
      source: SOURCES.departements,
      paint: {
        'line-color': theme.departementLine,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1],
        'line-dasharray': [3, 2],
      },
    },
    { id: LAYERS.regionLine, type: 'line', source: SOURCES.region, paint: { 'line-color': theme.regionLine, 'line-width': 1.8 } },
    {
      id: LAYERS.villesLabel,
      type: 'symbol',
      source: SOURCES.villes,
      filter: ['<=', ['get', 'rang'], ['interpolate', ['linear'], ['zoom'], 7, 12, 9, 60, 11, 400]],
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': [theme.fontStack],
        'text-size': ['interpolate', ['linear'], ['get', 'population'], 5000, 11, 200000, 15],
        'symbol-sort-key': ['get', 'rang'],
        'text-padding': 4,
      },
      paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 },
    },
  ];
}

/** The style: local sources only, text drawn from a font file shipped with the app (no glyph server). */
export function makeStyle(theme: Theme, fontUrl: string): StyleSpecification {
  const geojson = (promoteId?: string) => ({
    type: 'geojson' as const,
    data: emptyCollection,
    ...(promoteId ? { promoteId } : {}),
  });
  return {
    version: 8,
    name: 'carte-formation-emploi clair',
    'font-faces': { [theme.fontStack]: fontUrl },
    sources: {
      [SOURCES.pays]: geojson(),
      [SOURCES.voisins]: geojson(),
      [SOURCES.region]: geojson(),
      [SOURCES.departements]: geojson('code'),
      [SOURCES.zonesEmploi]: geojson('code'),
      [SOURCES.spel]: geojson('code'),
      [SOURCES.villes]: geojson(),
    },
    layers: makeLayers(theme),
  };
}
