/**
 * The indicators a territory can be coloured by, one module each (`src/domain/indicators/`): the
 * panel, the legend, the table, the map and the cards read this registry. TypeScript requires a
 * module for every id of `INDICATORS` (the URL contract).
 */
import type { IndicatorId } from '../territory.ts';
import { CHOMAGE, CHOMAGE_EVOL_1, CHOMAGE_EVOL_5 } from './chomage.ts';
import { LIEUX, OFFRE, ZONES_BLANCHES } from './offre.ts';
import { RECRUTEMENTS, RECRUTEMENTS_DIFFICILES, RECRUTEMENTS_HABITANTS, RECRUTEMENTS_SAISONNIERS } from './recrutements.ts';
import type { IndicatorModule } from './registry-types.ts';

export type { IndicatorInputs, IndicatorModule } from './registry-types.ts';

export const INDICATOR_REGISTRY: Readonly<Record<IndicatorId, IndicatorModule>> = {
  chomage: CHOMAGE,
  'chomage-evol-1': CHOMAGE_EVOL_1,
  'chomage-evol-5': CHOMAGE_EVOL_5,
  offre: OFFRE,
  lieux: LIEUX,
  'zones-blanches': ZONES_BLANCHES,
  recrutements: RECRUTEMENTS,
  'recrutements-habitants': RECRUTEMENTS_HABITANTS,
  'recrutements-difficiles': RECRUTEMENTS_DIFFICILES,
  'recrutements-saisonniers': RECRUTEMENTS_SAISONNIERS,
};
