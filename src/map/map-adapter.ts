import { LngLat, Map as MapLibreMap, NavigationControl, prewarm, ScaleControl, setWorkerUrl, type GeoJSONSource, type LngLatBoundsLike, type MapGeoJSONFeature, type MapMouseEvent } from 'maplibre-gl';
import { bbox, circle } from '@turf/turf';
import { formatZoneReference, type Zoning, type ZoneReference } from '../domain/zones.ts';
import type { AppData, Boundaries } from '../state/app-data.ts';
import type { AppState, AppStore } from '../state/store.ts';
import type { OfferIndex } from '../domain/offer-index.ts';
import { selectChoropleth, selectFilteredOffer, selectOffer, selectPlacePoint, selectReach, selectShowsEverySite, type Choropleth, type Reach } from '../state/selectors.ts';
import { roundPosition } from '../url/codec.ts';
import { drawIcons } from './icons.ts';
import { LIGHT_THEME } from '../domain/theme.ts';
import { REGION_BOUNDS } from '../domain/view.ts';
import { choroplethColor, CLICKABLE_POINT_LAYERS, LAYERS, makeStyle, OVERLAY_LAYERS, SOURCES, ZONE_FILL_LAYERS, type SourceId } from './layers.ts';
import { diffSiteFeatures, makeAllianceFeatures, makeCampusFeatures, makeFocusFeatures, makeMapSiteFeatures, makeOrganismeFeatures, makeSiteFeatures, shownSitesOf, type ShownSites, type SiteFeatureProperties } from './offer-features.ts';
import { makeTownLabels } from './town-labels.ts';
import { makeBackdrop } from './backdrop.ts';
import { MAP_TRIAL, trialStyle } from './trials.ts';
import { prewarmGlyphs } from './glyph-prewarm.ts';
import { typeset } from '../domain/typography.ts';
import { MAP_LOCALE_FR } from './map-locale.ts';
import { holdFirstFrames, holdRepaints, type RepaintHold } from './repaint-hold.ts';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

// MapLibre loads its worker from a file next to its own module; once bundled, that file is here.
setWorkerUrl(workerUrl);

/**
 * Starts MapLibre's worker now, while the app's data downloads: the map itself is created only once
 * its first frame's data is in, and its worker is then already up instead of booting (~300 ms on a
 * slow machine) on the critical path.
 */
export function startMapWorker(): void {
  prewarm();
}

const ZONE_SOURCE: Readonly<Record<Zoning, string>> = {
  departement: SOURCES.departements,
  zone_emploi: SOURCES.zonesEmploi,
  spel: SOURCES.spel,
  bassin: SOURCES.bassins,
};
const CHOROPLETH_LAYERS: Readonly<Record<Zoning, string>> = {
  departement: LAYERS.choroplethDepartements,
  zone_emploi: LAYERS.choroplethZonesEmploi,
  spel: LAYERS.choroplethSpel,
  bassin: LAYERS.choroplethBassins,
};
const FILL_LAYER_ZONING: Readonly<Record<string, Zoning>> = {
  [LAYERS.zonesEmploiFill]: 'zone_emploi',
  [LAYERS.spelFill]: 'spel',
  [LAYERS.bassinsFill]: 'bassin',
};
/** A source's data, and the input it is built from (the same input is never sent twice). */
interface SourceFill {
  source: SourceId;
  input: unknown;
  build: () => GeoJSON.GeoJSON;
}

/** The same for the same Alliance schools, from map-sites.json or from the offer (a handful of them). */
const allianceKey = (schools: readonly { id: string; nom: string; point: readonly [number, number] }[]): string => schools.map((school) => `${school.id}|${school.nom}|${school.point.join(',')}`).join('\n');

/**
 * The sources that follow the store's data: boundaries, town labels, the offer's points.
 * @param zonesDrawn - whether the first frame (the zones) is on screen: the town names and the
 *   default view's sites (map-sites.json) wait for it, so they never delay it, then go to
 *   MapLibre's worker while the offer is parsed
 */
function dataSources(state: AppState, zonesDrawn: boolean): SourceFill[] {
  const fills: SourceFill[] = [];
  const boundaries = state.boundaries ?? state.data;
  if (boundaries) {
    fills.push(
      // The region and its context come from one load (loadBoundaries): the region stands for both.
      { source: SOURCES.fond, input: boundaries.region, build: () => makeBackdrop(boundaries) },
      { source: SOURCES.departements, input: boundaries.zones.departement, build: () => boundaries.zones.departement },
      { source: SOURCES.zonesEmploi, input: boundaries.zones.zone_emploi, build: () => boundaries.zones.zone_emploi },
    );
    // The SPEL are hidden by default: their 20,000 vertices go to MapLibre's worker when first shown.
    if (state.couche === 'spel') fills.push({ source: SOURCES.spel, input: boundaries.zones.spel, build: () => boundaries.zones.spel });
    // The bassins d'emploi likewise, when first shown.
    if (state.couche === 'bassin') fills.push({ source: SOURCES.bassins, input: boundaries.zones.bassin, build: () => boundaries.zones.bassin });
    // Town names come with the zones (the gazetteer is loaded with them).
    const communes = boundaries.gazetteer.communes;
    if (state.data || (zonesDrawn && MAP_TRIAL !== 'offre-d-abord')) fills.push({ source: SOURCES.villes, input: communes, build: () => makeTownLabels(communes, MAP_TRIAL === 'tout-ensemble' ? TRIAL_TOWNS : communes.length) });
  }
  const offer = selectOffer(state);
  // Before the offer is parsed, the default view's sites and schools come from map-sites.json (not
  // when the link filters or places: the map then waits for the offer rather than show other sites).
  const first = !offer && zonesDrawn && MAP_TRIAL !== 'offre-d-abord' && boundaries?.firstSites && selectShowsEverySite(state) ? boundaries.firstSites : null;
  if (state.overlays.alliance && (offer || first)) {
    const schools = offer ? offer.dataset.alliance : (first?.alliance ?? []);
    // The same schools from either file are not sent twice.
    fills.push({ source: SOURCES.alliance, input: allianceKey(schools), build: () => makeAllianceFeatures(schools) });
  }
  if (offer) {
    // A hidden overlay's source is filled when it is first shown: each source filled costs a round
    // trip to MapLibre's worker and a frame on the way to "ready".
    if (state.overlays.cfa) fills.push({ source: SOURCES.organismes, input: offer, build: () => makeOrganismeFeatures(offer) });
    if (state.overlays.campus) {
      // Lines and points of the campus networks come from one pass.
      let campus: ReturnType<typeof makeCampusFeatures> | undefined;
      const campusOf = () => (campus ??= makeCampusFeatures(offer));
      fills.push({ source: SOURCES.campusLines, input: offer, build: () => campusOf().lines }, { source: SOURCES.campusPoints, input: offer, build: () => campusOf().points });
    }
  }
  const filtered = selectFilteredOffer(state);
  if (filtered) fills.push({ source: SOURCES.sites, input: filtered, build: () => makeSiteFeatures(filtered) });
  else if (first) fills.push({ source: SOURCES.sites, input: first, build: () => makeMapSiteFeatures(first) });
  return fills;
}

/** The longest the first sources after the zones may hold the map's frames (see repaint-hold.ts). */
const REPAINT_HOLD_MAX_MS = 2000;
/** The trial tout-ensemble draws the names of the 400 largest towns only (those shown below zoom 10). */
const TRIAL_TOWNS = 400;

/** Hauts-de-France with a margin: the camera never leaves the region's surroundings. */
const MAX_BOUNDS: LngLatBoundsLike = [
  [-0.8, 48.0],
  [5.6, 51.9],
];

export interface MapAdapterOptions {
  /** Keep the WebGL drawing buffer readable after each frame (test builds only: it costs speed). */
  readableCanvas?: boolean;
  /** Called once, on the first frame drawn with the zones. */
  onZonesDrawn?: () => void;
  /** Called once, when the map is fully drawn with the training sites (the map is idle). */
  onSitesDrawn?: () => void;
  /** Called once, on the first frame with the training sites on the map (before the list may be). */
  onSitesShown?: () => void;
  /** The trial tout-ensemble only: once the first style's tiles are asked for (the trainings are then parsed while they are cut). */
  onTilesAsked?: () => void;
}

/**
 * The one owner of the MapLibre map. It reads the store and writes user actions back as store
 * actions; it never decides state on its own. Setting the same data twice does nothing.
 */
export class MapAdapter {
  readonly map: MapLibreMap;
  private loaded = false;
  private appliedData: AppData | null = null;
  private appliedBoundaries: Boundaries | null = null;
  /** Until the training sites are first in a source: then "ready" waits for the map to be idle. */
  private awaitingSites = true;
  private lastReachKey = '';
  private appliedChoropleth: Choropleth | null = null;
  /** The focus rings drawn: none at first (the style's source starts empty). */
  private appliedFocus = '[]';
  /** The place layer's content: nothing at first. */
  private appliedPlace = '';
  private hoveredZone: ZoneReference | null = null;
  private selectedZone: ZoneReference | null = null;
  private readonly unsubscribe: () => void;
  /** What each data source was last filled from. */
  private readonly sourceInputs = new Map<SourceId, unknown>();
  /** What the sites source holds, once filled: later changes are sent as diffs. */
  private shownSites: ShownSites | null = null;
  /** The filtered offer waiting to be sent to the sites source (see updateSites). */
  private pendingSites: OfferIndex | null = null;
  /** Counts the plan's switches: a chunk arriving after a later switch does nothing. */
  private planRequest = 0;
  /** The sites drawn from map-sites.json, before the offer: the offer then sends a diff (often empty). */
  private earlySites = false;
  /** Once the first frame (the zones) is drawn: the town names and map-sites.json may go to the map. */
  private zonesDrawn = false;
  private sitesShownWatched = false;
  /** Called once the offer's first diff of the sites is sent (see sendPendingSites). */
  private afterFirstDiff: ((sent: boolean) => void) | null = null;
  /** The hold on repaints until the zones are in (see repaint-hold.ts). */
  private firstFramesHold: RepaintHold | null = null;
  /** The hold on repaints while the first sources after the zones are cut (made once). */
  private repaintHold: RepaintHold | null = null;
  private destroyed = false;

  constructor(
    container: HTMLElement,
    private readonly store: AppStore,
    fontUrl: string,
    private readonly options: MapAdapterOptions = {},
  ) {
    const initial = store.getState();
    // The data already in the store goes in the style: its tiles are cut once, with the first frame.
    const inline: Partial<Record<SourceId, GeoJSON.GeoJSON>> = {};
    // (The trial tout-ensemble puts the town names and map-sites.json in the first style too.)
    const together = MAP_TRIAL === 'tout-ensemble';
    for (const fill of dataSources(initial, together)) {
      const data = fill.build();
      inline[fill.source] = data;
      this.sourceInputs.set(fill.source, fill.input);
      if (together && fill.source === SOURCES.sites && fill.input === (initial.boundaries ?? initial.data)?.firstSites) this.earlySites = true;
      // (Outside that trial, map-sites.json never goes in the style: it waits for the first frame.)
      if (fill.source === SOURCES.sites) this.shownSites = shownSitesOf(data as GeoJSON.FeatureCollection<GeoJSON.Point, SiteFeatureProperties>);
    }
    const style = makeStyle(LIGHT_THEME, fontUrl, inline);
    this.map = new MapLibreMap({
      container,
      // A bench build may try a variant of the style (see trials.ts); the users' build has none.
      style: MAP_TRIAL ? trialStyle(style, MAP_TRIAL, LIGHT_THEME) : style,
      // A link's camera, or the whole region. Fitting the region here, not after the data arrives,
      // means the first tiles cut are the ones kept (a later fit would cut them all again).
      ...(initial.camera ? { center: initial.camera.center, zoom: initial.camera.zoom } : { bounds: [...REGION_BOUNDS] as LngLatBoundsLike, fitBoundsOptions: { padding: 24 } }),
      // Points and labels appear at once: no fade animation (its frames delayed "ready" by
      // several hundred ms on slow machines, and it is motion nobody asked for).
      fadeDuration: 0,
      maxBounds: MAX_BOUNDS,
      minZoom: 6,
      maxZoom: 15,
      attributionControl: false,
      // Its buttons' names and tooltips in French (MapLibre's own are English).
      locale: MAP_LOCALE_FR,
      dragRotate: false,
      pitchWithRotate: false,
      // Test builds keep the drawing buffer readable so browser tests can check the pixels.
      canvasContextAttributes: { preserveDrawingBuffer: options.readableCanvas ?? false },
    });
    this.map.touchZoomRotate.disableRotation();
    // Until the zones are in, the frames that only redraw the background are not drawn (see
    // holdFirstFrames): the first frame drawn after the ones that ask for tiles has the zones.
    if (MAP_TRIAL !== 'images-intermediaires') this.firstFramesHold = holdFirstFrames(this.map, Object.keys(inline), { maxMs: REPAINT_HOLD_MAX_MS, inputTarget: container.ownerDocument });
    if (together) this.sayWhenTilesAsked(Object.keys(inline));
    if (this.shownSites) this.watchSitesShown();
    // The canvas is focusable (MapLibre's keyboard handler: arrows pan, + and − zoom): name it, and
    // give it an id the "Aller à la carte" link can reach.
    const canvas = this.map.getCanvas();
    canvas.id = 'carte-interactive';
    canvas.setAttribute('aria-label', typeset('Carte des Hauts-de-France : flèches pour se déplacer, + et − pour zoomer ; les mêmes lieux sont dans la liste'));
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    // Data is applied as soon as the style is in (MapLibre's "load" would wait for the empty
    // sources to be cut into tiles first, a wasted round trip).
    this.map.on('style.load', () => {
      // The font and the glyphs of the labels to come are ready before the offer's tiles ask for them.
      if (MAP_TRIAL !== 'sans-glyphes-prepares') prewarmGlyphs(this.map, LIGHT_THEME.fontStack);
      for (const [name, image] of drawIcons(LIGHT_THEME, window.devicePixelRatio || 1)) {
        this.map.addImage(name, image, { pixelRatio: window.devicePixelRatio || 1 });
      }
      this.loaded = true;
      this.render(this.store.getState(), null);
    });
    this.map.on('moveend', (event) => {
      // Camera moves that the map itself made (drag, zoom, fit) are written back, tagged "map".
      // A move the store asked for (a link, Back/Forward) already has its camera in the store:
      // only the bounds it ends in are reported, so the list "in view" follows it too.
      if ((event as { fromStore?: boolean }).fromStore) this.reportBounds();
      else this.reportCamera();
    });
    for (const layer of ZONE_FILL_LAYERS) {
      this.map.on('mousemove', layer, (event) => this.onZoneHover(event, layer));
      this.map.on('mouseleave', layer, () => {
        this.map.getCanvas().style.cursor = '';
        if (this.store.getState().hover?.kind === 'zone') this.store.getState().setHover(null);
      });
    }
    for (const layer of CLICKABLE_POINT_LAYERS) {
      this.map.on('mouseenter', layer, () => {
        this.map.getCanvas().style.cursor = 'pointer';
      });
      this.map.on('mouseleave', layer, () => {
        this.map.getCanvas().style.cursor = '';
        if (this.store.getState().hover?.kind === 'site') this.store.getState().setHover(null);
      });
    }
    this.map.on('mousemove', LAYERS.sitesPoint, (event) => {
      const id = event.features?.[0]?.properties?.['id'];
      const hover = this.store.getState().hover;
      if (typeof id === 'string' && !(hover?.kind === 'site' && hover.site === id)) this.store.getState().setHover({ kind: 'site', site: id });
    });
    this.map.on('click', (event) => this.onClick(event));
    // The detailed plan says what its service does: a tile in, a tile refused, the browser offline.
    this.map.on('error', (event) => {
      if ((event as { sourceId?: string }).sourceId === SOURCES.plan) this.store.getState().setPlanStatus(navigator.onLine === false ? 'hors-ligne' : 'erreur');
    });
    this.map.on('data', (event) => {
      if ((event as { sourceId?: string; tile?: unknown }).sourceId === SOURCES.plan && (event as { tile?: unknown }).tile) this.store.getState().setPlanStatus('ok');
    });
    // A right click, or a long press on a touch screen, sets the place there.
    this.map.on('contextmenu', (event) => this.setPlaceAt(event.lngLat));
    this.unsubscribe = this.store.subscribe((state, previous) => this.render(state, previous));
  }

  /** No camera animation for people who ask for reduced motion (prefers-reduced-motion). */
  private motion(): { duration?: number } {
    return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? { duration: 0 } : {};
  }

  destroy(): void {
    this.unsubscribe();
    this.destroyed = true;
    this.pendingSites = null;
    this.firstFramesHold?.release();
    this.repaintHold?.release();
    this.map.remove();
  }

  private onZoneHover(event: MapMouseEvent & { features?: MapGeoJSONFeature[] }, layer: string): void {
    const code = event.features?.[0]?.properties?.['code'];
    const zoning = FILL_LAYER_ZONING[layer];
    if (typeof code !== 'string' || !zoning) return;
    this.map.getCanvas().style.cursor = 'pointer';
    const hover = this.store.getState().hover;
    if (hover?.kind === 'zone' && hover.zone.code === code && hover.zone.zoning === zoning) return;
    this.store.getState().setHover({ kind: 'zone', zone: { zoning, code } });
  }

  private setPlaceAt(lngLat: LngLat): void {
    const state = this.store.getState();
    state.setWhere({ ...state.where, place: { kind: 'point', point: [roundPosition(lngLat.lng), roundPosition(lngLat.lat)] } });
    state.setPickingPlace(false);
  }

  private onClick(event: MapMouseEvent): void {
    if (this.store.getState().pickingPlace) {
      this.setPlaceAt(event.lngLat);
      return;
    }
    const pointLayers = CLICKABLE_POINT_LAYERS.filter((layer) => this.map.getLayoutProperty(layer, 'visibility') !== 'none');
    const point = this.map.queryRenderedFeatures(event.point, { layers: [...pointLayers] })[0];
    if (point) {
      if (point.layer.id === LAYERS.sitesCluster) {
        const clusterId = point.properties?.['cluster_id'];
        const source = this.map.getSource(SOURCES.sites) as GeoJSONSource | undefined;
        const geometry = point.geometry;
        if (typeof clusterId === 'number' && source && geometry.type === 'Point') {
          source
            .getClusterExpansionZoom(clusterId)
            .then((zoom) => this.map.easeTo({ center: geometry.coordinates as [number, number], zoom: Math.min(zoom, 14), ...this.motion() }))
            // The cluster can vanish while the source updates (a file opened meanwhile): zoom in one step instead.
            .catch(() => this.map.easeTo({ center: geometry.coordinates as [number, number], zoom: this.map.getZoom() + 2, ...this.motion() }));
        }
        return;
      }
      const id = point.properties?.['id'];
      if (typeof id === 'string') this.store.getState().selectSite(id);
      return;
    }
    const visible = ZONE_FILL_LAYERS.filter((layer) => this.map.getLayoutProperty(layer, 'visibility') === 'visible');
    const hit = visible.length > 0 ? this.map.queryRenderedFeatures(event.point, { layers: [...visible] })[0] : undefined;
    const zoning = hit ? FILL_LAYER_ZONING[hit.layer.id] : undefined;
    const code = hit?.properties?.['code'];
    this.store.getState().selectZone(zoning && typeof code === 'string' ? { zoning, code } : null);
  }

  private render(state: AppState, previous: AppState | null): void {
    if (!this.loaded) return;
    const boundaries = state.boundaries ?? state.data;
    if (boundaries && boundaries !== this.appliedBoundaries && (!this.appliedBoundaries || boundaries.zones !== this.appliedBoundaries.zones)) this.applyBoundaries(boundaries);
    if (state.data && state.data !== this.appliedData) this.applyData(state.data);
    if (!previous || state.couche !== previous.couche) this.applyCouche(state);
    if (!previous || state.plan.on !== previous.plan.on) this.applyPlan(state.plan.on);
    if (!previous || state.hover !== previous.hover) {
      this.hoveredZone = this.swapFeatureState(this.hoveredZone, state.hover?.kind === 'zone' ? state.hover.zone : null, 'hover');
    }
    if (!previous || state.zone !== previous.zone || state.data !== previous.data) {
      this.selectedZone = this.swapFeatureState(this.selectedZone, state.zone, 'selected');
      if (state.zone && previous && state.zone !== previous.zone) this.revealZone(state, state.zone);
    }
    this.fillSources(state);
    const offer = selectOffer(state);
    const filtered = selectFilteredOffer(state);
    if (filtered && this.awaitingSites) {
      this.awaitingSites = false;
      const onSitesDrawn = this.options.onSitesDrawn;
      if (onSitesDrawn && this.earlySites) {
        // The sites are on the map already: done once the offer's diff is sent, at once when it was
        // empty and the map has nothing left to draw (no frame would come to say "idle").
        this.afterFirstDiff = (sent) => {
          if (!sent && this.map.loaded() && this.map.areTilesLoaded() && !this.map.isMoving()) onSitesDrawn();
          else this.whenDrawn(onSitesDrawn);
        };
      } else if (onSitesDrawn) this.whenDrawn(onSitesDrawn);
    }
    if (!previous || state.overlays !== previous.overlays) {
      for (const [overlay, layers] of Object.entries(OVERLAY_LAYERS) as [keyof typeof OVERLAY_LAYERS, readonly string[]][]) {
        for (const layer of layers) this.setVisible(layer, state.overlays[overlay]);
      }
    }
    if (!previous || state.site !== previous.site || state.hover !== previous.hover || offer !== selectOffer(previous)) this.applyFocus(state, offer, previous);
    const choropleth = selectChoropleth(state);
    if (choropleth !== this.appliedChoropleth || (previous && state.data !== previous.data)) this.applyChoropleth(choropleth);
    const placePoint = selectPlacePoint(state);
    const reach = selectReach(state);
    if (!previous || placePoint !== selectPlacePoint(previous) || reach !== selectReach(previous) || state.where.dans !== previous.where.dans || state.data !== previous.data) this.applyPlace(state, placePoint, reach, previous !== null || state.camera === null);
    if (state.communeBoundaries && state.communeBoundaries !== previous?.communeBoundaries) this.setSourceData(SOURCES.communes, state.communeBoundaries);
    if (previous && state.pickingPlace !== previous.pickingPlace) this.map.getCanvas().style.cursor = state.pickingPlace ? 'crosshair' : '';
    if (previous && state.mapImage.request !== previous.mapImage.request) {
      // The drawing buffer is readable during the render event, even without preserveDrawingBuffer.
      this.map.once('render', () => this.store.getState().setMapImage(this.map.getCanvas().toDataURL('image/png')));
      this.map.triggerRepaint();
    }
    if (previous && state.camera && state.camera !== previous.camera && state.cameraOrigin !== 'map') {
      this.map.jumpTo({ center: state.camera.center, zoom: state.camera.zoom }, { fromStore: true });
    }
  }

  /**
   * Adds the detailed plan under the app's own layers, or takes it away. Nothing is asked of its
   * service before this (the person's choice), and nothing after it is turned off. Its code is a
   * chunk of its own, fetched the first time the plan is turned on (from the offline copy offline).
   */
  private applyPlan(on: boolean): void {
    const request = (this.planRequest += 1);
    const present = this.map.getSource(SOURCES.plan) !== undefined;
    if (on && !present) {
      import('./plan-ign.ts').then(
        ({ planLayer, planSource }) => {
          // Turned off again, or the map gone, while the chunk came.
          if (request !== this.planRequest || this.destroyed || this.map.getSource(SOURCES.plan)) return;
          this.map.addSource(SOURCES.plan, planSource());
          this.map.addLayer(planLayer(), LAYERS.voisinsLine);
          if (navigator.onLine === false) this.store.getState().setPlanStatus('hors-ligne');
        },
        () => {
          if (request === this.planRequest && !this.destroyed) this.store.getState().setPlanStatus(navigator.onLine === false ? 'hors-ligne' : 'erreur');
        },
      );
    } else if (!on && present) {
      this.map.removeLayer(LAYERS.plan);
      this.map.removeSource(SOURCES.plan);
    }
  }

  /** Colours the zones of the choropleth's zoning by class; hides the other choropleths. */
  private applyChoropleth(choropleth: Choropleth | null): void {
    const previous = this.appliedChoropleth;
    this.appliedChoropleth = choropleth;
    if (previous) for (const zone of previous.values) this.map.setFeatureState({ source: ZONE_SOURCE[previous.zoning], id: zone.code }, { classe: -1 });
    for (const [zoning, layer] of Object.entries(CHOROPLETH_LAYERS) as [Zoning, string][]) {
      this.setVisible(layer, choropleth?.zoning === zoning);
    }
    if (!choropleth) return;
    this.map.setPaintProperty(CHOROPLETH_LAYERS[choropleth.zoning], 'fill-color', choroplethColor(choropleth.palette));
    for (const zone of choropleth.values) this.map.setFeatureState({ source: ZONE_SOURCE[choropleth.zoning], id: zone.code }, { classe: choropleth.classes.get(zone.code) ?? -1 });
  }

  /** The place's marker, its reach as a circle, and the outline of the zone searched in. */
  private applyPlace(state: AppState, point: [number, number] | null, reach: Reach | null, reveal: boolean): void {
    const features: GeoJSON.Feature[] = [];
    if (reach) {
      const disc = circle(reach.center, reach.km, { steps: 96, units: 'kilometers' });
      features.push({ ...disc, properties: { role: 'portee' } });
    }
    const dans = state.where.dans;
    const zone = dans ? (state.boundaries ?? state.data)?.zones[dans.zoning].features.find((item) => item.properties.code === dans.code) : undefined;
    if (zone) features.push({ type: 'Feature', geometry: zone.geometry, properties: { role: 'zone' } });
    if (point) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: { role: 'lieu' } });
    // The same place, reach and zone are not sent again (each update re-cuts the source's tiles).
    const key = reach ? `${reach.center.join(',')}|${reach.km}` : '';
    const placeKey = `${key}|${zone ? `${dans?.zoning}:${dans?.code}` : ''}|${point?.join(',') ?? ''}`;
    if (placeKey !== this.appliedPlace) {
      this.appliedPlace = placeKey;
      this.setSourceData(SOURCES.lieu, { type: 'FeatureCollection', features });
    }
    // A new place or reach is brought into view.
    const changed = key !== this.lastReachKey;
    this.lastReachKey = key;
    // A link's own camera wins on load; afterwards a new place or reach is brought into view.
    if (reach && changed && reveal) {
      const [west, south, east, north] = bbox(features[0] ?? { type: 'Point', coordinates: reach.center });
      this.map.fitBounds([west, south, east, north], { padding: 30, maxZoom: 12, duration: 0 });
    }
  }

  /**
   * Calls back at the end of the first frame drawn with every source and tile loaded: the map on
   * screen is then complete. (MapLibre's "idle" comes one frame later when new symbols came in: it
   * places them again, with the same result since labels do not fade, before it says so.)
   */
  private whenDrawn(callback: () => void): void {
    if (MAP_TRIAL === 'pret-au-repos') {
      this.map.once('idle', () => callback());
      return;
    }
    const check = (): void => {
      if (!this.map.loaded() || !this.map.areTilesLoaded() || this.map.isMoving()) return;
      this.map.off('render', check);
      this.map.off('idle', check);
      callback();
    };
    this.map.on('render', check);
    // Called while a frame's "render" event is being dispatched, the listener above only hears the
    // next frame; this frame's own "idle" (fired at its end when nothing is left to draw) answers.
    this.map.on('idle', check);
  }

  /** The trial tout-ensemble: says once a frame has asked for the tiles of every source of the first style. */
  private sayWhenTilesAsked(sources: readonly string[]): void {
    const described = new Set<string>();
    const onData = (event: object): void => {
      const { sourceDataType, sourceId } = event as { sourceId?: string; sourceDataType?: string };
      if (sourceDataType === 'metadata' && sourceId !== undefined && sources.includes(sourceId)) described.add(sourceId);
    };
    const onRender = (): void => {
      if (described.size < sources.length) return;
      this.map.off('render', onRender);
      this.map.off('data', onData);
      setTimeout(() => this.options.onTilesAsked?.(), 0);
    };
    this.map.on('data', onData);
    this.map.on('render', onRender);
  }

  /** Says once when a frame first has the sites on the map. */
  private watchSitesShown(): void {
    const onSitesShown = this.options.onSitesShown;
    if (!onSitesShown || this.sitesShownWatched) return;
    this.sitesShownWatched = true;
    const check = () => {
      if (!this.map.isSourceLoaded(SOURCES.sites) || this.map.querySourceFeatures(SOURCES.sites).length === 0) return;
      this.map.off('render', check);
      onSitesShown();
    };
    this.map.on('render', check);
  }

  /** Sends each data source what the state gives it, if that changed. */
  private fillSources(state: AppState): void {
    const sent: string[] = [];
    for (const fill of dataSources(state, this.zonesDrawn)) {
      if (this.sourceInputs.get(fill.source) === fill.input) continue;
      this.sourceInputs.set(fill.source, fill.input);
      sent.push(fill.source);
      if (fill.source === SOURCES.sites && fill.input === (state.boundaries ?? state.data)?.firstSites) {
        this.earlySites = true;
        this.showSites(fill.build() as GeoJSON.FeatureCollection<GeoJSON.Point, SiteFeatureProperties>);
      } else if (fill.source === SOURCES.sites) this.updateSites(fill.input as OfferIndex);
      else this.setSourceData(fill.source, fill.build());
    }
    // The first sources sent after the zones (town names, and for the default view the sites and
    // schools) reach the screen in one frame, not after frames that redraw the zones alone.
    if (this.zonesDrawn && !this.repaintHold && sent.length > 0 && MAP_TRIAL !== 'images-intermediaires') {
      this.repaintHold = holdRepaints(this.map, sent, { maxMs: REPAINT_HOLD_MAX_MS, inputTarget: this.map.getContainer().ownerDocument });
    }
  }

  /** Whether a change of the sites is still to be sent to the map (tests and the bench wait for it). */
  get sitesPending(): boolean {
    return this.pendingSites !== null;
  }

  /**
   * The sites source follows the filtered offer: all of it the first time, then only what changed.
   * A change is sent after the next frame: the list and the counts answer the click first, and the
   * map's share of the work (the diff, copying it to MapLibre's worker) runs in a task of its own.
   */
  private updateSites(offer: OfferIndex): void {
    if (this.shownSites) {
      const scheduled = this.pendingSites !== null;
      this.pendingSites = offer;
      if (!scheduled) requestAnimationFrame(() => setTimeout(() => this.sendPendingSites(), 0));
      return;
    }
    this.showSites(makeSiteFeatures(offer));
  }

  /** Sends every site at once (the first time: from the offer, or from map-sites.json), and says when they are shown. */
  private showSites(features: GeoJSON.FeatureCollection<GeoJSON.Point, SiteFeatureProperties>): void {
    this.shownSites = shownSitesOf(features);
    this.setSourceData(SOURCES.sites, features);
    this.watchSitesShown();
  }

  private sendPendingSites(): void {
    const offer = this.pendingSites;
    this.pendingSites = null;
    // Nothing left to send (or the map was destroyed meanwhile).
    if (!offer || !this.shownSites) return;
    const source = this.map.getSource(SOURCES.sites) as GeoJSONSource | undefined;
    if (!source) return;
    const { diff, shown } = diffSiteFeatures(this.shownSites, offer);
    this.shownSites = shown;
    const sent = Boolean(diff.remove?.length || diff.add?.length || diff.update?.length);
    if (sent) void source.updateData(diff);
    const after = this.afterFirstDiff;
    this.afterFirstDiff = null;
    after?.(sent);
  }

  /** Shows or hides a layer; leaving it as it is costs nothing (MapLibre repaints on every call). */
  private setVisible(layer: string, visible: boolean): void {
    if (MAP_TRIAL && !this.map.getLayer(layer)) return;
    const visibility = visible ? 'visible' : 'none';
    if ((this.map.getLayoutProperty(layer, 'visibility') ?? 'visible') !== visibility) this.map.setLayoutProperty(layer, 'visibility', visibility);
  }

  private setSourceData(source: string, value: GeoJSON.GeoJSON): void {
    (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(value);
  }

  private currentBounds(): [number, number, number, number] {
    const bounds = this.map.getBounds();
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
  }

  private reportBounds(): void {
    this.store.getState().setBounds(this.currentBounds());
  }

  /** Writes the camera and the visible bounds to the store (the list shows what is in view). */
  private reportCamera(): void {
    const center = this.map.getCenter();
    this.store.getState().setCamera({ center: [center.lng, center.lat], zoom: this.map.getZoom() }, 'map', this.currentBounds());
  }

  /** The zones, the region and the context: the first frame, before the offer has arrived. */
  private applyBoundaries(boundaries: Boundaries): void {
    this.appliedBoundaries = boundaries;
    const check = () => {
      if (!this.map.isSourceLoaded(SOURCES.zonesEmploi) || !this.map.isSourceLoaded(SOURCES.departements)) return;
      this.map.off('render', check);
      this.zonesDrawn = true;
      // The zones are on screen: the first hold has done its work (it may wait for a source the
      // zones do not need, the backdrop), and the sources sent now get their own.
      this.firstFramesHold?.release();
      this.options.onZonesDrawn?.();
      if (!this.destroyed) this.fillSources(this.store.getState());
    };
    this.map.on('render', check);
    // The first camera (the link's, or the region fitted at construction) made no moveend:
    // report it, so the list "in view" follows it.
    this.reportCamera();
  }

  private applyData(data: AppData): void {
    this.appliedData = data;
    // The list follows the view: report it now that the offer is in.
    this.reportBounds();
  }

  /** Rings around the hovered and selected points; brings a newly selected point into view. */
  private applyFocus(state: AppState, offer: OfferIndex | null, previous: AppState | null): void {
    if (!offer) return;
    const pointOf = (id: string | null): [number, number] | undefined => {
      if (!id) return undefined;
      return offer.sitesById.get(id)?.point ?? offer.allianceById.get(id)?.point ?? offer.organismesById.get(id)?.point ?? offer.campusById.get(id)?.communes[0]?.point;
    };
    const focus: { point: [number, number]; role: 'hover' | 'selected' }[] = [];
    const selected = pointOf(state.site);
    if (selected) focus.push({ point: selected, role: 'selected' });
    const hovered = state.hover?.kind === 'site' && state.hover.site !== state.site ? pointOf(state.hover.site) : undefined;
    if (hovered) focus.push({ point: hovered, role: 'hover' });
    const key = JSON.stringify(focus);
    if (key !== this.appliedFocus) {
      this.appliedFocus = key;
      this.setSourceData(SOURCES.siteFocus, makeFocusFeatures(focus));
    }
    if (selected && previous && state.site !== previous.site && !this.map.getBounds().contains(new LngLat(selected[0], selected[1]))) {
      this.map.easeTo({ center: selected, zoom: Math.max(this.map.getZoom(), 10), ...this.motion() });
    }
  }

  private applyCouche(state: AppState): void {
    const show = (layers: string[], visible: boolean) => {
      for (const layer of layers) this.setVisible(layer, visible);
    };
    show([LAYERS.zonesEmploiFill, LAYERS.zonesEmploiLine], state.couche === 'zone_emploi');
    show([LAYERS.spelFill, LAYERS.spelLine], state.couche === 'spel');
    show([LAYERS.bassinsFill, LAYERS.bassinsLine], state.couche === 'bassin');
  }

  private swapFeatureState(current: ZoneReference | null, next: ZoneReference | null, key: 'hover' | 'selected'): ZoneReference | null {
    if (current && (!next || formatZoneReference(current) !== formatZoneReference(next))) {
      this.map.setFeatureState({ source: ZONE_SOURCE[current.zoning], id: current.code }, { [key]: false });
    }
    if (next) this.map.setFeatureState({ source: ZONE_SOURCE[next.zoning], id: next.code }, { [key]: true });
    return next;
  }

  /** Brings a zone selected from the list or a link into view when its centre is off screen. */
  private revealZone(state: AppState, zone: ZoneReference): void {
    const feature = (state.boundaries ?? state.data)?.zones[zone.zoning].features.find((item) => item.properties.code === zone.code);
    if (!feature) return;
    const [west, south, east, north] = bbox(feature);
    const center = new LngLat((west + east) / 2, (south + north) / 2);
    if (!this.map.getBounds().contains(center)) this.map.fitBounds([west, south, east, north], { padding: 40, maxZoom: 10, ...this.motion() });
  }
}

