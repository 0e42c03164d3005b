/** Unemployment (INSEE, quarterly) and its change over 1 and 5 years. */
import { quarterBefore, rateAt } from '../indicators.ts';
import { noValues, roundTo, type IndicatorInputs, type IndicatorModule } from './registry-types.ts';

const ZONINGS = ['zone_emploi', 'departement'] as const;

function rate(inputs: IndicatorInputs, code: string, at: string | null): number | null {
  const { indicators, zoning } = inputs;
  if (!indicators || !at) return null;
  if (zoning === 'zone_emploi') return rateAt(indicators, code, at);
  if (zoning === 'departement') {
    const fact = indicators.chomage.departements[code];
    return fact && fact.trimestre === at ? fact.taux : null;
  }
  return null;
}

const source = (inputs: IndicatorInputs): string =>
  (inputs.indicators?.descriptions ?? [])
    .filter((description) => (inputs.zoning === 'departement' ? description.id === 'chomage-departement' : description.id === 'chomage'))
    .map((description) => `${description.source}, ${description.date}, ${description.licence}`)
    .join(' ; ');

const notes = (inputs: IndicatorInputs): string[] => {
  const whole = inputs.indicators?.chomage.zonesEntieres ?? [];
  return inputs.zoning === 'zone_emploi' && whole.length > 0
    ? [`Zones ${whole.join(' et ')} (à cheval sur deux régions) : l'édition de l'Insee utilisée ne publie pas leur partie Hauts-de-France ; le taux montré est celui de la zone entière.`]
    : [];
};

const noData = () => "le taux n'est publié que par zone d'emploi et par département";

export const CHOMAGE: IndicatorModule = {
  id: 'chomage',
  label: 'Taux de chômage',
  unit: '%',
  scale: 'sequentiel',
  explanation: 'Taux de chômage localisé (Insee, moyenne trimestrielle CVS) au trimestre choisi.',
  period: true,
  zonings: ZONINGS,
  followsMetiers: false,
  noData,
  source,
  notes,
  values: (inputs) => {
    if (!(ZONINGS as readonly string[]).includes(inputs.zoning)) return noValues(inputs);
    // Départements: the facts table's rate, whatever the quarter (its own quarter is said on the card).
    return new Map(inputs.zones.map((zone) => [zone.code, inputs.zoning === 'departement' ? (inputs.indicators?.chomage.departements[zone.code]?.taux ?? null) : rate(inputs, zone.code, inputs.quarter)]));
  },
};

function evolution(years: 1 | 5): IndicatorModule {
  return {
    id: years === 1 ? 'chomage-evol-1' : 'chomage-evol-5',
    label: `Évolution du chômage sur ${years} an${years > 1 ? 's' : ''}`,
    unit: 'points',
    scale: 'divergent',
    explanation: `Écart en points du taux de chômage avec le même trimestre ${years === 1 ? 'un an' : 'cinq ans'} plus tôt.`,
    period: true,
    zonings: ZONINGS,
    followsMetiers: false,
    noData,
    source,
    notes,
    values: (inputs) =>
      new Map(
        inputs.zones.map((zone) => {
          const now = rate(inputs, zone.code, inputs.quarter);
          const before = inputs.quarter ? rate(inputs, zone.code, quarterBefore(inputs.quarter, years)) : null;
          return [zone.code, now !== null && before !== null ? roundTo(now - before, 1) : null];
        }),
      ),
  };
}

export const CHOMAGE_EVOL_1 = evolution(1);
export const CHOMAGE_EVOL_5 = evolution(5);
