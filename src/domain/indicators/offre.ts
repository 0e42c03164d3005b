/** Training supply: trainings and training sites per 10,000 inhabitants, and the zones blanches. */
import { ZONINGS } from '../zones.ts';
import { roundTo, type IndicatorInputs, type IndicatorModule } from './registry-types.ts';

const held = (inputs: IndicatorInputs) =>
  `Compte seulement ce que la carte contient : ${inputs.held}. Manque : la formation continue des demandeurs d'emploi (sauf fichier LHEO ouvert) et l'offre détaillée de la plupart des CFA. Une zone pâle peut n'être qu'un manque de nos données, pas un désert de formation.`;
/** A count of the supply per zone for 10,000 inhabitants, unknown where the population is. */
const perTenThousand = (inputs: IndicatorInputs, count: 'trainings' | 'sites', digits: number) =>
  new Map(inputs.zones.map((zone) => [zone.code, zone.population > 0 ? roundTo(((inputs.supply.get(zone.code)?.[count] ?? 0) * 10_000) / zone.population, digits) : null]));
const source = () => 'offre de formation chargée (voir « Couverture des données ») ; populations @etalab/decoupage-administratif.';

export const OFFRE: IndicatorModule = {
  id: 'offre',
  label: 'Offre de formation',
  unit: 'formations pour 10 000 hab.',
  scale: 'sequentiel',
  explanation: 'Formations (selon les filtres) dont le lieu est dans le territoire, pour 10 000 habitants. Les formations entièrement à distance ne comptent pas : elles ne sont dans aucun territoire.',
  period: false,
  zonings: ZONINGS,
  followsMetiers: false,
  noData: () => 'population inconnue',
  source,
  notes: (inputs) => [held(inputs)],
  values: (inputs) => perTenThousand(inputs, 'trainings', 1),
};

export const LIEUX: IndicatorModule = {
  id: 'lieux',
  label: 'Lieux de formation',
  unit: 'lieux pour 10 000 hab.',
  scale: 'sequentiel',
  explanation: 'Lieux de formation (ayant au moins une formation selon les filtres, hors formations à distance) dans le territoire, pour 10 000 habitants.',
  period: false,
  zonings: ZONINGS,
  followsMetiers: false,
  noData: () => 'population inconnue',
  source,
  notes: (inputs) => [held(inputs)],
  values: (inputs) => perTenThousand(inputs, 'sites', 2),
};

export const ZONES_BLANCHES: IndicatorModule = {
  id: 'zones-blanches',
  label: 'Zones blanches',
  unit: '% de la population',
  scale: 'sequentiel',
  explanation: 'Part de la population (communes pondérées par leur population, à leur point) à plus de la distance ou du temps choisi de toute formation correspondant aux filtres.',
  period: false,
  zonings: ZONINGS,
  followsMetiers: false,
  noData: () => 'population inconnue',
  source,
  notes: (inputs) => [`Seuil : ${Math.round(inputs.whiteKm)} km à vol d'oiseau (le rayon ou le temps estimé du lieu). ${held(inputs)}`],
  values: (inputs) =>
    new Map(
      inputs.zones.map((zone) => {
        const entry = inputs.far?.get(`${inputs.zoning}:${zone.code}`);
        return [zone.code, entry && entry.total > 0 ? roundTo((entry.far / entry.total) * 100, 1) : null];
      }),
    ),
};
