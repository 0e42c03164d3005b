/** Selectors of the territory: the choropleth, its zoning and quarter, and the indicator modules' inputs. */
import { zoneOfSite } from '../../domain/gazetteer.ts';
import { type OfferIndex } from '../../domain/offer-index.ts';
import { IMPORTED_SOURCE_ID } from '../../domain/training.ts';
import { COMMUNE_KEYS, ZONINGS, type Zoning } from '../../domain/zones.ts';
import { createSiteIndex, nearestSites } from '../../geo/site-index.ts';
import type { ZoneReference } from '../../domain/zones.ts';
import type { AppData } from '../app-data.ts';
import { classBounds, classOf, divergingBounds, INDICATOR_SPECS, wholeBounds, type IndicatorId } from '../../domain/territory.ts';
import { INDICATOR_REGISTRY, type IndicatorInputs } from '../../domain/indicators/registry.ts';
import { readMetierSelection } from '../../domain/labour.ts';
import { CHOROPLETH_PALETTES } from '../../domain/theme.ts';
import { DISTANCE_ESTIMATOR } from '../../geo/travel.ts';
import { memoizeSelector } from '../memo.ts';
import type { AppState } from '../store.ts';
import { selectFilteredOffer } from './facets.ts';
import { selectOffer } from './offer.ts';

/** The zoning a choropleth is drawn on: the zoning shown, or the départements when none is. */
export const selectChoroplethZoning = (state: AppState): Zoning => (state.couche === 'aucune' ? 'departement' : state.couche);

/** The quarter shown: the one asked for if the data has it, else the latest. */
export const selectQuarter = memoizeSelector(
  (state: AppState) => [state.indicators, state.territory.periode] as const,
  ([indicators, periode]): string | null => {
    const quarters = indicators?.chomage.quarters ?? [];
    return periode && quarters.includes(periode) ? periode : (quarters.at(-1) ?? null);
  },
);

export interface ZoneValue {
  code: string;
  nom: string;
  population: number;
  value: number | null;
}

/** Distance beyond which a commune counts as far from any training (zones blanches), km. */
export const selectWhiteZoneKm = (state: AppState): number => (state.where.temps === null ? state.where.rayon : DISTANCE_ESTIMATOR.reachKm(state.where.temps, state.where.mode));

/** Population of each zone living farther than the threshold from any matching (non-distance) training. */
export const selectFarPopulation = memoizeSelector(
  (state: AppState) => [selectFilteredOffer(state), state.data, selectWhiteZoneKm(state), state.territory.indicateur] as const,
  ([offer, data, km, indicateur]): Map<string, { far: number; total: number }> | null => {
    if (!offer || !data || indicateur !== 'zones-blanches') return null;
    const taught = new Set(offer.dataset.trainings.filter((training) => training.modalite !== 'distance').map((training) => training.siteId));
    const index = createSiteIndex(offer.dataset.sites.filter((site) => taught.has(site.id)));
    const totals = new Map<string, { far: number; total: number }>();
    for (const commune of data.gazetteer.communes) {
      const nearest = nearestSites(index, commune.point, 1)[0];
      const far = !nearest || nearest.km > km;
      for (const code of ZONINGS.map((zoning) => `${zoning}:${commune[COMMUNE_KEYS[zoning]]}`)) {
        const entry = totals.get(code) ?? { far: 0, total: 0 };
        entry.total += commune.population;
        if (far) entry.far += commune.population;
        totals.set(code, entry);
      }
    }
    return totals;
  },
);

/** What the map holds, in words, for the supply indicators' notes. */
const selectHeldSources = memoizeSelector(
  (state: AppState) => [selectOffer(state), state.imported] as const,
  ([offer, imported]): string =>
    `${(offer?.dataset.sources ?? []).filter((source) => !source.role && source.id !== IMPORTED_SOURCE_ID).map((source) => source.label).join(', ')}${imported ? ` et le fichier ${imported.name}` : ''}`,
);

/** Trainings taught in person, and sites with one, per zone of a zoning, for an offer. */
function zoneSupply(offer: OfferIndex | null, data: AppData | null, zoning: Zoning): Map<string, { trainings: number; sites: number }> {
  const supply = new Map<string, { trainings: number; sites: number }>();
  if (!offer || !data) return supply;
  offer.dataset.sites.forEach((site, index) => {
    const code = zoneOfSite(site, zoning, data.gazetteer);
    if (!code) return;
    const count = (offer.siteTrainings[index] ?? []).filter((training) => training.modalite !== 'distance').length;
    const entry = supply.get(code) ?? { trainings: 0, sites: 0 };
    entry.trainings += count;
    if (count > 0) entry.sites += 1;
    supply.set(code, entry);
  });
  return supply;
}

/** The supply per zone of the choropleth's zoning, for the filtered offer. */
const selectZoneSupply = memoizeSelector(
  (state: AppState) => [selectFilteredOffer(state), state.data, selectChoroplethZoning(state)] as const,
  ([offer, data, zoning]) => zoneSupply(offer, data, zoning),
);

/** The inputs every indicator module reads, for the zoning drawn (see `src/domain/indicators/`). */
export const selectIndicatorInputs = memoizeSelector(
  (state: AppState) => [selectChoroplethZoning(state), state.data, selectZoneSupply(state), selectFarPopulation(state), selectWhiteZoneKm(state), state.indicators, selectQuarter(state), state.labour, state.territory.fap, selectHeldSources(state)] as const,
  ([zoning, data, supply, far, whiteKm, indicators, quarter, labour, fap, held]): IndicatorInputs | null =>
    data ? { zoning, zones: data.zones[zoning].features.map((feature) => feature.properties), supply, far, whiteKm, indicators, quarter, labour, fap: readMetierSelection(fap), held } : null,
);

/**
 * The indicator modules' inputs when an indicator is drawn, else null: without a choropleth, a
 * filter change does not count the supply of every zone (at 100,000 sites, a tenth of its time).
 */
const inputsIfDrawn = (state: AppState): IndicatorInputs | null => (state.territory.indicateur ? selectIndicatorInputs(state) : null);

/**
 * The value of the chosen indicator for every zone of the choropleth's zoning (null where it
 * cannot be computed: unemployment is published per zone d'emploi and per département only, the
 * hiring survey per bassin d'emploi only), by the indicator's module.
 */
export const selectZoneValues = memoizeSelector(
  (state: AppState) => [state.territory.indicateur, inputsIfDrawn(state)] as const,
  ([indicateur, inputs]): ZoneValue[] => {
    if (!indicateur || !inputs) return [];
    const values = INDICATOR_REGISTRY[indicateur].values(inputs);
    return inputs.zones.map((zone) => ({ code: zone.code, nom: zone.nom, population: zone.population, value: values.get(zone.code) ?? null }));
  },
);

/**
 * The chosen indicator's value for one zone of any zoning (a compared zone, a card), by its module;
 * null when none is chosen, the zone has no value, or the data is not loaded.
 */
export function indicatorValueOf(state: AppState, reference: ZoneReference, id: IndicatorId | null = state.territory.indicateur): { label: string; unit: string; value: number | null; source: string } | null {
  // One answer per state, zone and indicator: readers get the same object until the state changes.
  const key = `${id ?? ''}|${reference.zoning}:${reference.code}`;
  const cached = indicatorValueCache.get(state);
  if (cached?.has(key)) return cached.get(key) ?? null;
  const value = computeIndicatorValue(state, reference, id);
  (cached ?? indicatorValueCache.set(state, new Map()).get(state))?.set(key, value);
  return value;
}

const indicatorValueCache = new WeakMap<AppState, Map<string, ReturnType<typeof computeIndicatorValue>>>();

function computeIndicatorValue(state: AppState, reference: ZoneReference, indicateur: IndicatorId | null): { label: string; unit: string; value: number | null; source: string } | null {
  if (!indicateur) return null;
  const base = selectIndicatorInputs(state);
  if (!base || !state.data) return null;
  const module = INDICATOR_REGISTRY[indicateur];
  const inputs: IndicatorInputs =
    reference.zoning === base.zoning ? base : { ...base, zoning: reference.zoning, zones: state.data.zones[reference.zoning].features.map((feature) => feature.properties), supply: zoneSupply(selectFilteredOffer(state), state.data, reference.zoning) };
  return { label: module.label, unit: module.unit, value: module.values(inputs).get(reference.code) ?? null, source: module.source(inputs) };
}

/** What the legend says of the chosen indicator: its source, its notes, why a zone has no data. */
export const selectIndicatorText = memoizeSelector(
  (state: AppState) => [state.territory.indicateur, inputsIfDrawn(state)] as const,
  ([indicateur, inputs]): { source: string; notes: string[]; noData: string } | null => {
    if (!indicateur || !inputs) return null;
    const module = INDICATOR_REGISTRY[indicateur];
    return { source: module.source(inputs), notes: module.notes(inputs), noData: module.noData(inputs) };
  },
);

export interface Choropleth {
  indicateur: IndicatorId;
  zoning: Zoning;
  values: ZoneValue[];
  bounds: number[];
  /** Class of each zone code (absent: no data). */
  classes: Map<string, number>;
  /** Zones per class, for the legend. */
  counts: number[];
  noData: number;
  palette: readonly string[];
}

/** Classes and colours of the choropleth (quantiles, equal intervals or natural breaks; diverging for changes). */
export const selectChoropleth = memoizeSelector(
  (state: AppState) => [state.territory.indicateur, selectChoroplethZoning(state), selectZoneValues(state), state.territory.classes] as const,
  ([indicateur, zoning, values, method]): Choropleth | null => {
    if (!indicateur) return null;
    const spec = INDICATOR_SPECS[indicateur];
    const numbers = values.flatMap((zone) => (zone.value === null ? [] : [zone.value]));
    const drawn = spec.scale === 'divergent' ? divergingBounds(numbers) : classBounds(numbers, method);
    const bounds = spec.whole ? wholeBounds(drawn) : drawn;
    const classes = new Map<string, number>();
    const counts = Array.from({ length: Math.max(0, bounds.length - 1) }, () => 0);
    for (const zone of values) {
      if (zone.value === null) continue;
      const index = classOf(zone.value, bounds);
      classes.set(zone.code, index);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    const palette = CHOROPLETH_PALETTES[spec.scale === 'divergent' ? 'divergent' : 'sequentiel'];
    return { indicateur, zoning, values, bounds, classes, counts, noData: values.length - classes.size, palette: counts.length === 5 ? palette : palette.slice(0, counts.length) };
  },
);
