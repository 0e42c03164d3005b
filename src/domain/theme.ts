/**
 * The colour theme, as plain data: the map's style (src/map/layers.ts) and the UI's legends and
 * symbols read the same colours from here.
 */
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
  /** Site names at street zooms: apart from town names by colour, dark enough on the light basemap and the plan. */
  siteLabel: string;
  /** Commune names along their boundaries at street zooms. */
  communeLabel: string;
  fontStack: string;
  cluster: string;
  clusterText: string;
  focus: string;
  campus: string;
  voies: Readonly<Record<'scolaire' | 'apprentissage' | 'continue' | 'mixte', string>>;
  alliance: string;
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
  siteLabel: '#1d4a70',
  communeLabel: '#5a5a56',
  fontStack: 'Noto Sans Regular',
  cluster: '#1f5f8f',
  clusterText: '#ffffff',
  focus: '#d4a000',
  campus: '#6a3d9a',
  // Voie colours differ in hue and lightness, and each voie also has its own shape.
  voies: { scolaire: '#1f5f8f', apprentissage: '#a8480a', continue: '#2e7d32', mixte: '#6a3d9a' },
  alliance: '#b3261e',
};

/**
 * Choropleth palettes (ColorBrewer, colour-blind safe): sequential OrRd for levels, diverging PuOr
 * for changes (purple = fewer, orange = more), and the "no data" grey.
 */
export const CHOROPLETH_PALETTES = {
  sequentiel: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
  divergent: ['#542788', '#998ec3', '#f7f7f7', '#f1a340', '#b35806'],
  sansDonnee: '#cfcfca',
} as const;

/** The chosen place's pin, in a 24 × 32 box, its tip at the bottom (the place); the legend draws the same. */
export const PLACE_PIN = { width: 24, height: 32, path: 'M12 1.5C6.2 1.5 1.5 6 1.5 11.6 1.5 19 12 30.5 12 30.5S22.5 19 22.5 11.6C22.5 6 17.8 1.5 12 1.5Z', dot: { x: 12, y: 11.5, r: 4 } } as const;
