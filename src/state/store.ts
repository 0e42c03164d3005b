import type { JobSuggestion, SearchResult } from '../domain/search.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ZoneReference } from '../domain/zones.ts';
import { coucheShowing, type Camera, type Couche, type Overlay } from '../domain/view.ts';
import type { Filters } from '../domain/filters.ts';
import type { IndicatorsFile } from '../domain/indicators.ts';
import type { LabourFile } from '../domain/labour.ts';
import { DEFAULT_URL_STATE, NOTE_MAX_LENGTH, type TerritoryView, type UrlState, type Where } from '../url/codec.ts';
import type { TrainingDataset } from '../ingest/dataset-builder.ts';
import type { ImportReport } from '../ingest/report.ts';
import type { AppData, AreaCollection, Boundaries } from './app-data.ts';

/** Where a change came from, so the map, the URL and the store never ping-pong. */
export type ChangeOrigin = 'app' | 'map' | 'url';

export interface ViewSlice {
  couche: Couche;
  overlays: Readonly<Record<Overlay, boolean>>;
  setCouche: (couche: Couche) => void;
  setOverlay: (overlay: Overlay, visible: boolean) => void;
  /**
   * The detailed plan (IGN tiles): kept on this device (device-preferences.ts), never in the URL.
   * `status` says what the service did: `chargement` until a tile arrives, `erreur` when it fails,
   * `hors-ligne` when the browser is offline.
   */
  plan: { on: boolean; status: PlanStatus };
  /** The embedded version (`integre=1`, see UrlState). */
  integre: boolean;
  setPlan: (on: boolean) => void;
  setPlanStatus: (status: PlanStatus) => void;
}

export type PlanStatus = 'eteint' | 'chargement' | 'ok' | 'erreur' | 'hors-ligne';

export interface SelectionSlice {
  /** Selected zone (from a map click, the list or the URL). */
  zone: ZoneReference | null;
  /** Selected training site id. */
  site: string | null;
  /** Hovered item, map or list: drives the highlight on both sides. */
  hover: { kind: 'zone'; zone: ZoneReference } | { kind: 'site'; site: string } | null;
  selectZone: (zone: ZoneReference | null) => void;
  selectSite: (site: string | null) => void;
  setHover: (hover: SelectionSlice['hover']) => void;
}

export interface CameraSlice {
  camera: Camera | null;
  cameraOrigin: ChangeOrigin;
  /** Bounds of the map view, `[west, south, east, north]`, written by the map. */
  bounds: [number, number, number, number] | null;
  setCamera: (camera: Camera, origin: ChangeOrigin, bounds?: [number, number, number, number]) => void;
  /** The map reports its bounds after a camera move the store asked for (a link, Back/Forward). */
  setBounds: (bounds: [number, number, number, number]) => void;
}

export interface DataSlice {
  /** The boundaries, as soon as they arrive (before the rest of the data): the first map frame. */
  boundaries: Boundaries | null;
  setBoundaries: (boundaries: Boundaries) => void;
  data: AppData | null;
  dataStatus: 'loading' | 'ready' | 'error';
  dataError: string | null;
  setData: (data: AppData) => void;
  setDataError: (error: string) => void;
}

/** A file opened by the person during the session (never sent anywhere). */
export interface ImportedFile {
  name: string;
  dataset: TrainingDataset;
  report: ImportReport;
  /** A problem with the file as a whole that did not stop the import (e.g. truncated). */
  warning: string | null;
}

export interface ImportSlice {
  imported: ImportedFile | null;
  importState: { status: 'idle' | 'reading' | 'done' | 'error' | 'cancelled'; fileName: string | null; progress: number; error: string | null };
  startImport: (fileName: string) => void;
  /** The person stopped the reading; what was shown before stays. */
  cancelImport: () => void;
  setImportProgress: (progress: number) => void;
  finishImport: (file: ImportedFile) => void;
  failImport: (error: string) => void;
  clearImport: () => void;
}

/** The search worker's answer to one search text. */
export interface SearchHits {
  query: string;
  /** Matching training ids; null when the text holds no searchable word (nothing is filtered). */
  ids: ReadonlySet<string> | null;
  /** Each id's place in the ranking (0 = most relevant). */
  rank?: ReadonlyMap<string, number>;
  /** The jobs the text names, and how they were read (see `SearchResult`). */
  romes?: readonly string[];
  via?: SearchResult['via'];
  /** Jobs to suggest under the search box. */
  jobs?: readonly JobSuggestion[];
  /** Something the person should know about the answer (the job vocabulary did not load). */
  warning?: string | null;
}

export interface FiltersSlice {
  filters: Filters;
  /** What the search worker answered for the search text; `query` says which text it answers. */
  searchHits: SearchHits | null;
  setFilters: (filters: Filters) => void;
  setSearchHits: (hits: SearchHits | null) => void;
  /** The search failed: said to the person, the filters kept. */
  searchError: string | null;
  setSearchError: (error: string | null) => void;
  /** The counsellor's note, carried in the link's hash only. */
  note: string;
  /** Pinned training ids ("sélection"), in the link's hash only. */
  pinned: readonly string[];
  setNote: (note: string) => void;
  togglePin: (trainingId: string) => void;
  /** A picture of the map for the printed sheet: asked by the UI, taken by the map adapter. */
  mapImage: { request: number; dataUrl: string | null; takenFor: number };
  /** What the printed sheet holds: the list of trainings, or the selected territory's sheet. */
  printMode: 'liste' | 'territoire';
  setPrintMode: (mode: 'liste' | 'territoire') => void;
  setMapImage: (dataUrl: string) => void;
  /** A newer version of the app is installed and waits for the person to reload. */
  updateAvailable: boolean;
  setUpdateAvailable: (available: boolean) => void;
  /** A print asked for: the sheet prints once the map picture it asked for has arrived. */
  printPending: boolean;
  requestPrint: (mode: 'liste' | 'territoire') => void;
  donePrinting: () => void;
}

export interface WhereSlice {
  where: Where;
  /** A message about finding the person's position (refused, unavailable, outside the region). */
  placeMessage: string | null;
  setWhere: (where: Where) => void;
  setPlaceMessage: (message: string | null) => void;
  /** The next map click sets the place ("choisir sur la carte"). */
  pickingPlace: boolean;
  setPickingPlace: (picking: boolean) => void;
  /** Commune boundaries for street zooms, loaded on demand. */
  communeBoundaries: AreaCollection | null;
  setCommuneBoundaries: (boundaries: AreaCollection) => void;
}

export interface TerritorySlice {
  territory: TerritoryView;
  setTerritory: (territory: TerritoryView) => void;
  /** Unemployment and other indicators, loaded after the map. */
  indicators: IndicatorsFile | null;
  indicatorsError: string | null;
  setIndicators: (indicators: IndicatorsFile) => void;
  setIndicatorsError: (error: string) => void;
  /** France Travail's hiring survey (BMO) per bassin d'emploi, loaded after the map. */
  labour: LabourFile | null;
  labourError: string | null;
  setLabour: (labour: LabourFile) => void;
  setLabourError: (error: string) => void;
}

export interface UrlSlice {
  /** Applies a parsed URL (first load, Back/Forward). */
  applyUrlState: (state: UrlState) => void;
  /**
   * How many times a URL was applied (Back/Forward). What was pending before (a debounced search,
   * a camera write) belongs to the view left: it compares this count and gives up.
   */
  urlApplied: number;
}

export type AppState = ViewSlice & SelectionSlice & CameraSlice & DataSlice & ImportSlice & FiltersSlice & WhereSlice & TerritorySlice & UrlSlice;
export type AppStore = StoreApi<AppState>;

/** Creates the one store of the app; tests make their own. */
export function createAppStore(initial: UrlState = DEFAULT_URL_STATE): AppStore {
  return createStore<AppState>()((set) => ({
    couche: coucheShowing(initial.couche, initial.zone),
    overlays: initial.overlays,
    setCouche: (couche) =>
      set((state) => ({
        couche,
        // A selected zone of the zoning being hidden is deselected (départements always show).
        zone: state.zone && state.zone.zoning !== 'departement' && state.zone.zoning !== couche ? null : state.zone,
      })),
    setOverlay: (overlay, visible) => set((state) => ({ overlays: { ...state.overlays, [overlay]: visible } })),
    plan: { on: false, status: 'eteint' },
    integre: initial.integre,
    setPlan: (on) => set({ plan: { on, status: on ? 'chargement' : 'eteint' } }),
    setPlanStatus: (status) => set((state) => (state.plan.on && state.plan.status !== status ? { plan: { on: true, status } } : {})),

    zone: initial.zone,
    site: initial.site,
    hover: null,
    selectZone: (zone) =>
      set(() => (zone && zone.zoning !== 'departement' ? { zone, couche: zone.zoning } : { zone })),
    selectSite: (site) => set({ site }),
    setHover: (hover) => set({ hover }),

    camera: initial.camera,
    cameraOrigin: 'url',
    bounds: null,
    setCamera: (camera, origin, bounds) => set(bounds ? { camera, cameraOrigin: origin, bounds } : { camera, cameraOrigin: origin }),
    setBounds: (bounds) => set((state) => (state.bounds && state.bounds.every((value, index) => value === bounds[index]) ? {} : { bounds })),

    boundaries: null,
    setBoundaries: (boundaries) => set({ boundaries }),
    data: null,
    dataStatus: 'loading',
    dataError: null,
    setData: (data) => set({ data, dataStatus: 'ready', dataError: null }),
    setDataError: (error) => set({ dataStatus: 'error', dataError: error }),

    imported: null,
    importState: { status: 'idle', fileName: null, progress: 0, error: null },
    startImport: (fileName) => set({ importState: { status: 'reading', fileName, progress: 0, error: null } }),
    cancelImport: () => set((state) => ({ importState: { ...state.importState, status: 'cancelled', progress: 0, error: null } })),
    setImportProgress: (progress) => set((state) => ({ importState: { ...state.importState, progress } })),
    finishImport: (file) => set({ imported: file, importState: { status: 'done', fileName: file.name, progress: 1, error: null } }),
    failImport: (error) => set((state) => ({ importState: { ...state.importState, status: 'error', error } })),
    clearImport: () => set({ imported: null, importState: { status: 'idle', fileName: null, progress: 0, error: null } }),

    filters: initial.filters,
    searchHits: null,
    setFilters: (filters) => set({ filters }),
    setSearchHits: (searchHits) => set({ searchHits, searchError: null }),
    searchError: null,
    setSearchError: (searchError) => set({ searchError }),
    note: initial.note,
    pinned: initial.pinned,
    setNote: (note) => set({ note: note.slice(0, NOTE_MAX_LENGTH) }),
    mapImage: { request: 0, dataUrl: null, takenFor: 0 },
    printMode: 'liste',
    setPrintMode: (printMode) => set({ printMode }),
    setMapImage: (dataUrl) => set((state) => ({ mapImage: { request: state.mapImage.request, dataUrl, takenFor: state.mapImage.request } })),
    updateAvailable: false,
    setUpdateAvailable: (updateAvailable) => set({ updateAvailable }),
    printPending: false,
    requestPrint: (printMode) => set((state) => ({ printMode, printPending: true, mapImage: { ...state.mapImage, request: state.mapImage.request + 1 } })),
    donePrinting: () => set({ printPending: false }),
    togglePin: (trainingId) => set((state) => ({ pinned: state.pinned.includes(trainingId) ? state.pinned.filter((id) => id !== trainingId) : [...state.pinned, trainingId] })),

    where: initial.where,
    placeMessage: null,
    setWhere: (where) => set({ where, placeMessage: null }),
    setPlaceMessage: (placeMessage) => set({ placeMessage }),
    pickingPlace: false,
    setPickingPlace: (pickingPlace) => set({ pickingPlace }),
    communeBoundaries: null,
    setCommuneBoundaries: (communeBoundaries) => set({ communeBoundaries }),

    territory: initial.territory,
    setTerritory: (territory) => set({ territory }),
    indicators: null,
    indicatorsError: null,
    setIndicators: (indicators) => set({ indicators, indicatorsError: null }),
    setIndicatorsError: (indicatorsError) => set({ indicatorsError }),
    labour: null,
    labourError: null,
    setLabour: (labour) => set({ labour, labourError: null }),
    setLabourError: (labourError) => set({ labourError }),

    urlApplied: 0,
    applyUrlState: (state) =>
      set((current) => ({
        urlApplied: current.urlApplied + 1,
        territory: state.territory,
        where: state.where,
        filters: state.filters,
        note: state.note,
        pinned: state.pinned,
        couche: coucheShowing(state.couche, state.zone),
        zone: state.zone,
        overlays: state.overlays,
        site: state.site,
        integre: state.integre,
        ...(state.camera ? { camera: state.camera, cameraOrigin: 'url' as const } : {}),
      })),
  }));
}

/** The part of the state that a shared link carries. */
export function selectUrlState(state: AppState): UrlState {
  return { couche: state.couche, zone: state.zone, overlays: state.overlays, site: state.site, camera: state.camera, filters: state.filters, note: state.note, pinned: state.pinned, where: state.where, territory: state.territory, integre: state.integre };
}
