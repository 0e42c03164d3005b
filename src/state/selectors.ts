import type { ZoneProperties } from '../domain/zones.ts';
import { memoizeSelector } from '../state/memo.ts';
import type { AppState } from '../state/store.ts';

/** Properties of the selected zone, or null. */
export const selectSelectedZone = memoizeSelector(
  (state: AppState) => [state.zone, state.data] as const,
  ([zone, data]): ZoneProperties | null => {
    if (!zone || !data) return null;
    return data.zones[zone.zoning].features.find((feature) => feature.properties.code === zone.code)?.properties ?? null;
  },
);

/** Zones of the zoning currently drawn, sorted by name for the list. */
export const selectListedZones = memoizeSelector(
  (state: AppState) => [state.couche, state.data] as const,
  ([couche, data]): ZoneProperties[] => {
    if (!data || couche === 'aucune') return [];
    return data.zones[couche].features.map((feature) => feature.properties).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  },
);

/** Département names by code, for cards. */
export const selectDepartementNames = memoizeSelector(
  (state: AppState) => [state.data] as const,
  ([data]): Map<string, string> => new Map((data?.zones.departement.features ?? []).map((feature) => [feature.properties.code, feature.properties.nom])),
);
