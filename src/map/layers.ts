import type { ColorSpecification, DataDrivenPropertyValueSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { CHOROPLETH_PALETTES } from '../domain/theme.ts';
import type { Theme } from '../domain/theme.ts';



/** Icon names registered by the map adapter (see icons.ts): one shape per voie, one for Alliance Emploi. */
export const ICONS = {
  scolaire: 'voie-scolaire',
  apprentissage: 'voie-apprentissage',
  continue: 'voie-continue',
  mixte: 'voie-mixte',
  alliance: 'alliance-emploi',
  lieu: 'lieu-choisi',
} as const;

/** Source ids; the map adapter fills them with data. */
export const SOURCES = {
  /** Countries, neighbouring départements and the region, tagged by `kind` (see backdrop.ts). */
  fond: 'fond',
  departements: 'departements',
  zonesEmploi: 'zones-emploi',
  spel: 'spel',
  bassins: 'bassins',
  villes: 'villes',
  sites: 'sites',
  siteFocus: 'site-focus',
  alliance: 'alliance',
  campusLines: 'campus-liens',
  campusPoints: 'campus-communes',
  organismes: 'organismes-apprentissage',
  lieu: 'lieu',
  communes: 'communes',
  /** IGN's Plan IGN, added only when a person turns the detailed plan on (plan-ign.ts). */
  plan: 'plan-ign',
} as const;

/** Layer ids the app refers to (visibility, hover, clicks, tests). */
export const LAYERS = {
  background: 'fond-mer',
  plan: 'plan-ign',
  backdropFill: 'fond-terres',
  voisinsLine: 'departements-voisins-limite',
  zonesEmploiFill: 'zones-emploi-fond',
  zonesEmploiLine: 'zones-emploi-limite',
  spelFill: 'spel-fond',
  spelLine: 'spel-limite',
  bassinsFill: 'bassins-fond',
  bassinsLine: 'bassins-limite',
  departementsLine: 'departements-limite',
  regionLine: 'region-limite',
  villesLabel: 'villes-nom',
  prefecturesLabel: 'villes-prefectures',
  campusLine: 'campus-liens',
  campusPoint: 'campus-communes',
  sitesCluster: 'sites-groupes',
  sitesClusterCount: 'sites-groupes-nombre',
  sitesPoint: 'sites-lieux',
  sitesLabel: 'sites-noms',
  siteFocus: 'site-focus',
  alliancePoint: 'alliance-ecoles',
  organismesPoint: 'organismes-apprentissage',
  lieuPortee: 'lieu-portee',
  lieuPorteeLimite: 'lieu-portee-limite',
  lieuZone: 'lieu-zone',
  lieuPoint: 'lieu-point',
  communesLine: 'communes-limite',
  communesLabel: 'communes-nom',
  choroplethDepartements: 'choroplethe-departements',
  choroplethZonesEmploi: 'choroplethe-zones-emploi',
  choroplethSpel: 'choroplethe-spel',
  choroplethBassins: 'choroplethe-bassins',
} as const;

/** Layers of each switchable overlay, for visibility. */
export const OVERLAY_LAYERS = {
  sites: [LAYERS.sitesCluster, LAYERS.sitesClusterCount, LAYERS.sitesPoint, LAYERS.sitesLabel],
  alliance: [LAYERS.alliancePoint],
  campus: [LAYERS.campusLine, LAYERS.campusPoint],
  cfa: [LAYERS.organismesPoint],
} as const;

/** Layers whose features can be clicked to open a card. */
export const CLICKABLE_POINT_LAYERS = [LAYERS.alliancePoint, LAYERS.sitesPoint, LAYERS.sitesLabel, LAYERS.sitesCluster, LAYERS.organismesPoint, LAYERS.campusPoint] as const;

/** Fill layers that respond to hover and click, by zoning source. */
export const ZONE_FILL_LAYERS = [LAYERS.zonesEmploiFill, LAYERS.spelFill, LAYERS.bassinsFill] as const;

/** Zoom from which site names are written beside their symbol. */
export const SITE_LABELS_FROM_ZOOM = 12;

/** Douglas-Peucker tolerance of the boundary sources, in screen pixels. */
export const BOUNDARY_TOLERANCE_PX = 1;

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
      // Miter joins (the default): round joins cost ~40 % more vertices for no visible gain at 1–3 px.
      layout: { visibility: 'none' },
      paint: {
        'line-color': theme.zoneLine,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.2],
      },
    },
  ];
}

/** The fill colour of a choropleth: the palette by class, grey where there is no data. */
export function choroplethColor(palette: readonly string[]): DataDrivenPropertyValueSpecification<ColorSpecification> {
  // Before any value is known (indicators still loading), every zone is "no data".
  if (palette.length === 0) return CHOROPLETH_PALETTES.sansDonnee;
  const cases = palette.flatMap((color, index) => [index, color]);
  return ['match', ['coalesce', ['feature-state', 'classe'], -1], ...cases, CHOROPLETH_PALETTES.sansDonnee] as unknown as DataDrivenPropertyValueSpecification<ColorSpecification>;
}

/** The layers of the map, bottom to top, as plain data (validated against the style spec in tests). */
export function makeLayers(theme: Theme): LayerSpecification[] {
  return [
    { id: LAYERS.background, type: 'background', paint: { 'background-color': theme.sea } },
    {
      id: LAYERS.backdropFill,
      type: 'fill',
      source: SOURCES.fond,
      paint: { 'fill-color': ['match', ['get', 'kind'], 'region', theme.regionLand, 'voisin', theme.neighbourLand, theme.land] },
    },
    { id: LAYERS.voisinsLine, type: 'line', source: SOURCES.fond, filter: ['==', ['get', 'kind'], 'voisin'], paint: { 'line-color': theme.neighbourLine, 'line-width': 1 } },
    // Choropleths: one per zoning, coloured by each zone's class (feature-state `classe`, -1 = no data).
    ...[
      [LAYERS.choroplethDepartements, SOURCES.departements],
      [LAYERS.choroplethZonesEmploi, SOURCES.zonesEmploi],
      [LAYERS.choroplethSpel, SOURCES.spel],
      [LAYERS.choroplethBassins, SOURCES.bassins],
    ].map(
      ([id, source]): LayerSpecification => ({
        id: id as string,
        type: 'fill',
        source: source as string,
        layout: { visibility: 'none' },
        paint: { 'fill-color': choroplethColor(CHOROPLETH_PALETTES.sequentiel), 'fill-opacity': 0.75 },
      }),
    ),
    ...zoneLayers(theme, SOURCES.zonesEmploi, LAYERS.zonesEmploiFill, LAYERS.zonesEmploiLine),
    ...zoneLayers(theme, SOURCES.spel, LAYERS.spelFill, LAYERS.spelLine),
    ...zoneLayers(theme, SOURCES.bassins, LAYERS.bassinsFill, LAYERS.bassinsLine),
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
    { id: LAYERS.regionLine, type: 'line', source: SOURCES.fond, filter: ['==', ['get', 'kind'], 'region'], paint: { 'line-color': theme.regionLine, 'line-width': 1.8 } },
    // Commune boundaries orient a person at street zooms (loaded on demand).
    { id: LAYERS.communesLine, type: 'line', source: SOURCES.communes, minzoom: 10, paint: { 'line-color': theme.departementLine, 'line-width': 0.7, 'line-opacity': 0.7 } },
    {
      // At street zooms a commune's name runs along its boundary, inside and out: wherever the view
      // is, the communes it shows are named (placed last: every other label keeps its place).
      id: LAYERS.communesLabel,
      type: 'symbol',
      source: SOURCES.communes,
      minzoom: SITE_LABELS_FROM_ZOOM,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 320,
        'text-field': ['get', 'nom'],
        'text-font': [theme.fontStack],
        'text-size': 11,
        'text-offset': [0, 0.75],
        'text-max-angle': 35,
        'text-padding': 4,
      },
      paint: { 'text-color': theme.communeLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 },
    },
    // The place: its reach (radius or estimated travel time), the zone it searches in, its marker.
    { id: LAYERS.lieuPortee, type: 'fill', source: SOURCES.lieu, filter: ['==', ['get', 'role'], 'portee'], paint: { 'fill-color': theme.focus, 'fill-opacity': 0.08 } },
    { id: LAYERS.lieuPorteeLimite, type: 'line', source: SOURCES.lieu, filter: ['==', ['get', 'role'], 'portee'], paint: { 'line-color': theme.focus, 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: LAYERS.lieuZone, type: 'line', source: SOURCES.lieu, filter: ['==', ['get', 'role'], 'zone'], paint: { 'line-color': theme.zoneSelected, 'line-width': 3 } },
    ...makePointLayers(theme),
  ];
}

/** A layer of town names (label points of makeTownLabels); `filter` says which. */
function townLabelLayer(theme: Theme, id: string, filter: FilterSpecification): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source: SOURCES.villes,
    filter,
    layout: {
      'text-field': ['get', 'nom'],
      'text-font': [theme.fontStack],
      'text-size': ['interpolate', ['linear'], ['get', 'population'], 5000, 11, 200000, 15],
      'symbol-sort-key': ['get', 'rang'],
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
      // Clear of a cluster's count (about 14 px from its centre), and of a site's symbol at street zooms.
      'text-radial-offset': ['interpolate', ['linear'], ['zoom'], 11, 1.2, 12, 1.5],
      'text-padding': 1,
    },
    paint: { 'text-color': theme.label, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 },
  };
}

/** Campus networks, training sites (clustered), the focus ring and Alliance Emploi schools. */
function makePointLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: LAYERS.campusLine,
      type: 'line',
      source: SOURCES.campusLines,
      layout: { visibility: 'none', 'line-cap': 'round' },
      paint: { 'line-color': theme.campus, 'line-width': 1.5, 'line-dasharray': [2, 2], 'line-opacity': 0.8 },
    },
    {
      id: LAYERS.campusPoint,
      type: 'circle',
      source: SOURCES.campusPoints,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': theme.campus, 'circle-stroke-width': 2.5 },
    },
    {
      // Apprenticeship organisations: rings (not filled squares), placed at their commune.
      id: LAYERS.organismesPoint,
      type: 'circle',
      source: SOURCES.organismes,
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 3.5, 12, 6],
        'circle-color': '#ffffff',
        'circle-stroke-color': theme.voies.apprentissage,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 7, 1.8, 12, 3],
      },
    },
    {
      id: LAYERS.sitesCluster,
      type: 'circle',
      source: SOURCES.sites,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': theme.cluster,
        'circle-opacity': 0.88,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-radius': ['interpolate', ['linear'], ['get', 'formations'], 2, 13, 50, 18, 400, 26],
      },
    },

    {
      id: LAYERS.siteFocus,
      type: 'circle',
      source: SOURCES.siteFocus,
      paint: {
        'circle-radius': ['case', ['==', ['get', 'role'], 'selected'], 16, 13],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': theme.focus,
        'circle-stroke-width': ['case', ['==', ['get', 'role'], 'selected'], 4, 3],
      },
    },
    {
      // Labels are placed top layer first. Site names (from zoom 12) come last: a town keeps its
      // name, a site's name goes beside its symbol where there is room, or waits for the next zoom.
      id: LAYERS.sitesLabel,
      type: 'symbol',
      source: SOURCES.sites,
      minzoom: SITE_LABELS_FROM_ZOOM,
      filter: ['!', ['has', 'point_count']],
      layout: {
        'text-field': ['get', 'nom'],
        'text-font': [theme.fontStack],
        'text-size': 11.5,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        // Clear of its own symbol (12 px from its centre, and its 2 px padding), which it may not overlap.
        'text-radial-offset': 1.5,
        'text-padding': 1,
        'text-justify': 'auto',
        'text-max-width': 12,
        'symbol-sort-key': ['-', ['get', 'formations']],
      },
      paint: { 'text-color': theme.siteLabel, 'text-halo-color': theme.labelHalo, 'text-halo-width': 1.5 },
    },
    // Town names: drawn above the clusters (never covered by them), placed after the cluster counts,
    // the site symbols and the Alliance schools, so a name moves to a free side of its point
    // (variable anchor) rather than hide a count or be written over a symbol.
    townLabelLayer(theme, LAYERS.villesLabel, ['all', ['!', ['get', 'prefecture']], ['<=', ['get', 'rang'], ['interpolate', ['linear'], ['zoom'], 7, 12, 9, 60, 10, 400, 11, 4000]]]),
    {
      id: LAYERS.alliancePoint,
      type: 'symbol',
      source: SOURCES.alliance,
      // Anchored beside its point, so a cluster at the same place stays readable. Above the town
      // names (the préfectures aside), so placed before them: a name moves to a free side of its
      // point rather than be written over a school (placement goes from the top layer down).
      layout: { 'icon-image': ICONS.alliance, 'icon-allow-overlap': true, 'icon-anchor': 'bottom-left', 'icon-offset': [2, -2] },
    },
    // The five préfectures, at every zoom: placed before the Alliance schools (a school's symbol,
    // always drawn, then goes under the name rather than push it off the map on a phone) and after
    // the counts and site symbols, which they keep clear of.
    townLabelLayer(theme, LAYERS.prefecturesLabel, ['get', 'prefecture']),
    {
      // A site's voie shape, always drawn, and placed before the town names: a name moves to a free
      // side of its point rather than be written over a symbol; site names keep clear of it too.
      id: LAYERS.sitesPoint,
      type: 'symbol',
      source: SOURCES.sites,
      filter: ['!', ['has', 'point_count']],
      layout: {
        'icon-image': ['concat', 'voie-', ['get', 'voie']],
        'icon-allow-overlap': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 7, 0.8, 12, 1.1],
      },
    },
    {
      // The place's marker: a pin whose tip is the place, so a cluster's count there stays in view
      // (drawn above it); above the site symbols. A symbol, always drawn, placed before the town
      // names: the chosen town's name moves to a free side of it instead of being drawn through
      // ("L●ns", when it was a circle layer, which takes no part in collisions).
      id: LAYERS.lieuPoint,
      type: 'symbol',
      source: SOURCES.lieu,
      filter: ['==', ['get', 'role'], 'lieu'],
      layout: { 'icon-image': ICONS.lieu, 'icon-allow-overlap': true, 'icon-anchor': 'bottom' },
    },
    {
      id: LAYERS.sitesClusterCount,
      type: 'symbol',
      source: SOURCES.sites,
      filter: ['has', 'point_count'],
      // Always drawn, and placed first: town names keep clear of the counts. A halo of the cluster's
      // own colour keeps the digits readable where an Alliance school's symbol (drawn below) meets them.
      layout: { 'text-field': ['to-string', ['get', 'formations']], 'text-font': [theme.fontStack], 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': theme.clusterText, 'text-halo-color': theme.cluster, 'text-halo-width': 1.5 },
    },
  ];
}

export type SourceId = (typeof SOURCES)[keyof typeof SOURCES];

/**
 * The style: local sources only, text drawn from a font file shipped with the app (no glyph server).
 * @param data - sources already known when the map is created go in the style itself, so MapLibre
 *   cuts their tiles once (an empty source filled later is cut twice)
 */
export function makeStyle(theme: Theme, fontUrl: string, data: Partial<Record<SourceId, GeoJSON.GeoJSON>> = {}): StyleSpecification {
  const geojson = (source: SourceId, promoteId?: string) => ({
    type: 'geojson' as const,
    data: data[source] ?? emptyCollection,
    ...(promoteId ? { promoteId } : {}),
  });
  // Boundaries are simplified to 1 screen pixel at every zoom (MapLibre's default is 0.375): the
  // lines drawn over them are wider than that, and each frame draws far fewer vertices (measured
  // with software WebGL: the zones d'emploi outline alone went from 75 to 39 ms a frame).
  const boundary = (source: SourceId, promoteId?: string) => ({ ...geojson(source, promoteId), tolerance: BOUNDARY_TOLERANCE_PX });
  return {
    version: 8,
    name: 'carte-formation-emploi clair',
    'font-faces': { [theme.fontStack]: fontUrl },
    sources: {
      [SOURCES.fond]: boundary(SOURCES.fond),
      [SOURCES.departements]: boundary(SOURCES.departements, 'code'),
      [SOURCES.zonesEmploi]: boundary(SOURCES.zonesEmploi, 'code'),
      [SOURCES.spel]: boundary(SOURCES.spel, 'code'),
      [SOURCES.bassins]: boundary(SOURCES.bassins, 'code'),
      [SOURCES.villes]: geojson(SOURCES.villes),
      [SOURCES.sites]: {
        type: 'geojson',
        data: data[SOURCES.sites] ?? emptyCollection,
        // Sites are identified by their id: filter changes send a diff (see diffSiteFeatures).
        promoteId: 'id',
        cluster: true,
        clusterRadius: 45,
        clusterMaxZoom: 11,
        // Clusters show how many trainings they hold, not how many places.
        clusterProperties: { formations: ['+', ['get', 'formations']] },
      },
      [SOURCES.siteFocus]: geojson(SOURCES.siteFocus),
      [SOURCES.alliance]: geojson(SOURCES.alliance),
      [SOURCES.campusLines]: geojson(SOURCES.campusLines),
      [SOURCES.campusPoints]: geojson(SOURCES.campusPoints),
      [SOURCES.organismes]: geojson(SOURCES.organismes),
      [SOURCES.lieu]: geojson(SOURCES.lieu),
      [SOURCES.communes]: geojson(SOURCES.communes),
    },
    layers: makeLayers(theme),
  };
}
