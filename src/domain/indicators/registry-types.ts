import type { IndicatorsFile } from '../indicators.ts';
import type { LabourFile, MetierSelection } from '../labour.ts';
import type { IndicatorId } from '../territory.ts';
import type { Zoning, ZoneProperties } from '../zones.ts';

/** What every indicator may read, assembled once by the state for the zoning drawn. */
export interface IndicatorInputs {
  zoning: Zoning;
  zones: readonly ZoneProperties[];
  /** Trainings taught in person, and sites with one, per zone of the zoning, for the filtered offer. */
  supply: ReadonlyMap<string, { trainings: number; sites: number }>;
  /** Population farther than the threshold from any such training, per `zoning:code`. */
  far: ReadonlyMap<string, { far: number; total: number }> | null;
  /** The zones blanches threshold, km. */
  whiteKm: number;
  indicators: IndicatorsFile | null;
  quarter: string | null;
  labour: LabourFile | null;
  /** The métiers the hiring indicators follow. */
  fap: MetierSelection;
  /** What the map holds, in words (sources, an opened file), for the supply indicators' notes. */
  held: string;
}

/**
 * One indicator: what it is, where it applies, where it comes from and how it is computed. The
 * panel, the legend, the table and the map read these; adding an indicator is adding a module.
 */
export interface IndicatorModule {
  id: IndicatorId;
  label: string;
  unit: string;
  /** Diverging (a change, centred on 0) or sequential. */
  scale: 'sequentiel' | 'divergent';
  /** Its values are counts (whole numbers): class bounds are whole too, and the classes read
   *  "1 124 à 3 153", "3 154 à 4 382" (never "3 153,6"). */
  whole?: boolean;
  /** What the indicator says, in one sentence. */
  explanation: string;
  /** Whether it follows the quarter slider. */
  period: boolean;
  /** The zonings it has values on. */
  zonings: readonly Zoning[];
  /** Whether it follows a chosen métier or family of métiers (the hiring survey). */
  followsMetiers: boolean;
  /** Why a zone has no value, as the legend says it. */
  noData: (inputs: IndicatorInputs) => string;
  source: (inputs: IndicatorInputs) => string;
  /** What a reader must know to read the map right (coverage, withheld figures, whole zones). */
  notes: (inputs: IndicatorInputs) => string[];
  /** The value of each zone of the zoning (null: no data). */
  values: (inputs: IndicatorInputs) => ReadonlyMap<string, number | null>;
}

/** Rounds to `digits` decimals. */
export const roundTo = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** No value for any zone: the indicator does not apply to this zoning. */
export const noValues = (inputs: IndicatorInputs): Map<string, number | null> => new Map(inputs.zones.map((zone) => [zone.code, null]));
