/**
 * Hiring needs (France Travail, BMO): projects per bassin d'emploi, per 1,000 inhabitants, the share
 * judged difficult and the share seasonal, for all métiers, a family or one métier. Published per
 * bassin d'emploi only: other zonings have no value (a bassin is never joined with a zone by code).
 */
import { bassinHiring, selects, type LabourFile, type MetierSelection } from '../labour.ts';
import { BASSIN_NOTE } from '../zones.ts';
import { noValues, roundTo, type IndicatorInputs, type IndicatorModule } from './registry-types.ts';

/** The métiers followed, in words. */
export function describeSelection(labour: LabourFile | null, selection: MetierSelection): string {
  if (selection.kind === 'tous') return 'tous métiers';
  if (selection.kind === 'marshall') return 'métiers de la maintenance industrielle (Plan Marshall : FAP G0A40, G0A41, G1X72, G1X77)';
  if (selection.kind === 'famille') return `famille « ${labour?.metiers.find((metier) => metier.famille === selection.code)?.familleLibelle ?? selection.code} »`;
  return `métier « ${labour?.metiers.find((metier) => metier.code === selection.code)?.libelle ?? selection.code} » (FAP ${selection.code})`;
}

const source = (inputs: IndicatorInputs) => `${inputs.labour?.source ?? "France Travail, enquête Besoins en main-d'œuvre"}, ${inputs.labour?.licence ?? 'Licence Ouverte 2.0'} ; ${describeSelection(inputs.labour, inputs.fap)}`;

const noData = (inputs: IndicatorInputs) =>
  inputs.zoning !== 'bassin' ? "l'enquête est publiée par bassin d'emploi : choisissez le zonage « Bassins d'emploi »" : 'valeur masquée par France Travail (secret statistique) ou aucun projet déclaré pour ces métiers';

function notes(inputs: IndicatorInputs): string[] {
  const { labour } = inputs;
  if (!labour || inputs.zoning !== 'bassin') return [BASSIN_NOTE];
  let withheld = 0;
  for (const bassin of Object.keys(labour.bassins)) withheld += bassinHiring(labour, bassin, inputs.fap).masques;
  return [
    BASSIN_NOTE,
    ...(withheld > 0 ? [`${withheld} valeurs sont masquées par France Travail (secret statistique, « * ») : elles sont inconnues, jamais comptées comme zéro ; les totaux d'un bassin qui en a sont des minimums.`] : []),
  ];
}

/** Projects, or a share of them, per bassin, for the métiers followed; null when nothing is known. */
function perBassin(inputs: IndicatorInputs, value: (labour: LabourFile, bassin: string, population: number) => number | null): Map<string, number | null> {
  const { labour } = inputs;
  if (!labour || inputs.zoning !== 'bassin') return noValues(inputs);
  return new Map(inputs.zones.map((zone) => [zone.code, value(labour, zone.code, zone.population)]));
}

/** The known projects of a bassin: null when every figure is withheld (unknown, not zero). */
function knownProjects(labour: LabourFile, bassin: string, selection: MetierSelection): number | null {
  const figures = (labour.bassins[bassin] ?? []).filter((figure) => {
    const metier = labour.metiers.find((item) => item.code === figure.metier);
    return metier !== undefined && selects(selection, metier);
  });
  if (figures.length === 0) return 0;
  if (figures.every((figure) => figure.projets === null)) return null;
  return figures.reduce((sum, figure) => sum + (figure.projets ?? 0), 0);
}

/** A share (%) of the projects, over the métiers where both figures are known. */
function share(labour: LabourFile, bassin: string, selection: MetierSelection, key: 'difficiles' | 'saisonniers'): number | null {
  let part = 0;
  let total = 0;
  for (const figure of labour.bassins[bassin] ?? []) {
    const metier = labour.metiers.find((item) => item.code === figure.metier);
    if (!metier || !selects(selection, metier) || figure.projets === null || figure[key] === null) continue;
    part += figure[key] ?? 0;
    total += figure.projets;
  }
  return total > 0 ? roundTo((part / total) * 100, 1) : null;
}

const common = { period: false, zonings: ['bassin'] as const, followsMetiers: true, noData, source, notes };

export const RECRUTEMENTS: IndicatorModule = {
  ...common,
  id: 'recrutements',
  label: 'Projets de recrutement',
  unit: 'projets',
  scale: 'sequentiel',
  whole: true,
  explanation: "Projets de recrutement déclarés par les employeurs pour l'année (enquête BMO de France Travail), par bassin d'emploi, pour les métiers choisis.",
  values: (inputs) => perBassin(inputs, (labour, bassin) => knownProjects(labour, bassin, inputs.fap)),
};

export const RECRUTEMENTS_HABITANTS: IndicatorModule = {
  ...common,
  id: 'recrutements-habitants',
  label: 'Projets de recrutement pour 1 000 habitants',
  unit: 'projets pour 1 000 hab.',
  scale: 'sequentiel',
  explanation: "Projets de recrutement (enquête BMO) du bassin d'emploi pour 1 000 habitants, pour les métiers choisis.",
  values: (inputs) =>
    perBassin(inputs, (labour, bassin, population) => {
      const projects = knownProjects(labour, bassin, inputs.fap);
      return projects === null || population <= 0 ? null : roundTo((projects * 1000) / population, 1);
    }),
};

export const RECRUTEMENTS_DIFFICILES: IndicatorModule = {
  ...common,
  id: 'recrutements-difficiles',
  label: 'Recrutements jugés difficiles',
  unit: '% des projets',
  scale: 'sequentiel',
  explanation: "Part des projets de recrutement que les employeurs jugent difficiles (enquête BMO), sur les métiers dont les deux chiffres sont connus.",
  values: (inputs) => perBassin(inputs, (labour, bassin) => share(labour, bassin, inputs.fap, 'difficiles')),
};

export const RECRUTEMENTS_SAISONNIERS: IndicatorModule = {
  ...common,
  id: 'recrutements-saisonniers',
  label: 'Recrutements saisonniers',
  unit: '% des projets',
  scale: 'sequentiel',
  explanation: "Part des projets de recrutement qui sont saisonniers (enquête BMO), sur les métiers dont les deux chiffres sont connus.",
  values: (inputs) => perBassin(inputs, (labour, bassin) => share(labour, bassin, inputs.fap, 'saisonniers')),
};
