/**
 * Demand beside supply: the hiring survey (BMO, per bassin d'emploi) against the trainings on the
 * map that lead to each métier (FAP → ROME codes through the DARES table → the trainings whose
 * diploma leads to them). For the bassin card, the training card and the Plan Marshall view.
 */
import { bassinHiring, hiringOf, MARSHALL_METIERS, metiersOfRomes, readMetierSelection, type BmoMetier, type LabourFile } from '../domain/labour.ts';
import { siteInZone, zoneOfSite } from '../domain/gazetteer.ts';
import type { Training } from '../domain/training.ts';
import { distanceKm } from '../geo/site-index.ts';
import { memoizeSelector } from './memo.ts';
import { selectOffer } from './selectors.ts';
import type { AppState } from './store.ts';

/** "Within reach" of a bassin: this far from its most populated commune, as the crow flies. */
export const NEARBY_KM = 30;

export interface MetierRow {
  metier: BmoMetier;
  projets: number | null;
  difficiles: number | null;
  /** Share of projects judged difficult (%), when both are known. */
  partDifficile: number | null;
  /** Trainings of the map leading to the métier: in the bassin, within reach, anywhere in the region. */
  inBassin: number;
  nearby: number;
  total: number;
}

export interface BassinHiringView {
  code: string;
  mainCommune: string | null;
  /** The métiers with the most hiring projects, most first. */
  rows: MetierRow[];
  /** Among the métiers with the most projects, those no training on the map leads to. */
  withoutTraining: MetierRow[];
  /** Figures withheld in the bassin (statistical secrecy). */
  masques: number;
  source: string;
}

const share = (part: number | null, total: number | null) => (part === null || total === null || total === 0 ? null : Math.round((part / total) * 1000) / 10);

/** The bassin of the selected zone, when it is a bassin and the survey is loaded. */
export const selectBassinHiring = memoizeSelector(
  (state: AppState) => [state.zone, state.labour, selectOffer(state), state.data] as const,
  ([zone, labour, offer, data]): BassinHiringView | null => {
    if (!zone || zone.zoning !== 'bassin' || !labour || !offer || !data) return null;
    const communes = data.gazetteer.communes.filter((commune) => commune.bassin === zone.code);
    const main = [...communes].sort((a, b) => b.population - a.population)[0] ?? null;
    const sites = offer.sitesById;
    const count = (metier: BmoMetier) => {
      const romes = new Set(metier.romes);
      let total = 0;
      let here = 0;
      let near = 0;
      for (const training of offer.dataset.trainings) {
        if (!(training.romes ?? []).some((rome) => romes.has(rome))) continue;
        total += 1;
        const site = sites.get(training.siteId);
        if (!site) continue;
        if (siteInZone(site, zone, data.gazetteer)) here += 1;
        if (main && distanceKm(site.point, main.point) <= NEARBY_KM) near += 1;
      }
      return { total, inBassin: here, nearby: near };
    };
    const byCode = new Map(labour.metiers.map((metier) => [metier.code, metier]));
    const figures = [...(labour.bassins[zone.code] ?? [])].sort((a, b) => (b.projets ?? -1) - (a.projets ?? -1));
    const row = (figure: (typeof figures)[number]): MetierRow | null => {
      const metier = byCode.get(figure.metier);
      return metier ? { metier, projets: figure.projets, difficiles: figure.difficiles, partDifficile: share(figure.difficiles, figure.projets), ...count(metier) } : null;
    };
    const top = figures.slice(0, 30).map(row).filter((item): item is MetierRow => item !== null);
    return {
      code: zone.code,
      mainCommune: main?.nom ?? null,
      rows: top.slice(0, 10),
      withoutTraining: top.filter((item) => item.total === 0).slice(0, 8),
      masques: bassinHiring(labour, zone.code, readMetierSelection(null)).masques,
      source: `${labour.source}, ${labour.licence}`,
    };
  },
);

export interface TrainingHiring {
  metiers: BmoMetier[];
  bassin: { code: string; nom: string; projets: number; difficiles: number; masques: number } | null;
  region: { projets: number; difficiles: number; masques: number };
  source: string;
}

/** For a training's jobs: the survey's hiring projects in its bassin and in the region. */
export function trainingHiring(labour: LabourFile | null, state: Pick<AppState, 'data'>, training: Training, commune: string): TrainingHiring | null {
  if (!labour || (training.romes ?? []).length === 0) return null;
  const metiers = metiersOfRomes(labour, training.romes ?? []);
  if (metiers.length === 0) return null;
  const codes = new Set(metiers.map((metier) => metier.code));
  // The card shows projects and difficult ones: only those figures count as withheld.
  const sum = (bassin: string) => hiringOf(labour, bassin, (metier) => codes.has(metier.code), ['projets', 'difficiles']);
  const region = { projets: 0, difficiles: 0, masques: 0 };
  for (const bassin of Object.keys(labour.bassins)) {
    const total = sum(bassin);
    region.projets += total.projets;
    region.difficiles += total.difficiles;
    region.masques += total.masques;
  }
  const code = state.data ? zoneOfSite({ commune }, 'bassin', state.data.gazetteer) : null;
  const nom = code ? (state.data?.zones.bassin.features.find((feature) => feature.properties.code === code)?.properties.nom ?? code) : null;
  const inBassin = code ? sum(code) : null;
  return { metiers, bassin: code && nom && inBassin ? { code, nom, projets: inBassin.projets, difficiles: inBassin.difficiles, masques: inBassin.masques } : null, region, source: `${labour.source}, ${labour.licence}` };
}

export interface MarshallRow {
  code: string;
  nom: string;
  projets: number;
  partDifficile: number | null;
  masques: number;
  /** Trainings on the map leading to the maintenance métiers, in the bassin. */
  formations: number;
  /** Alliance Emploi schools in the bassin. */
  ecoles: string[];
}

/** The Plan Marshall view: industrial-maintenance hiring per bassin, against the maintenance trainings and the Alliance Emploi schools. */
export const selectMarshallTable = memoizeSelector(
  (state: AppState) => [state.labour, selectOffer(state), state.data] as const,
  ([labour, offer, data]): MarshallRow[] => {
    if (!labour || !offer || !data) return [];
    const selection = readMetierSelection('marshall');
    const romes = new Set(labour.metiers.filter((metier) => MARSHALL_METIERS.includes(metier.code)).flatMap((metier) => metier.romes));
    const bassinOf = (commune: string) => zoneOfSite({ commune }, 'bassin', data.gazetteer);
    const formations = new Map<string, number>();
    for (const training of offer.dataset.trainings) {
      if (!(training.romes ?? []).some((rome) => romes.has(rome))) continue;
      const bassin = bassinOf(offer.sitesById.get(training.siteId)?.commune ?? '');
      if (bassin) formations.set(bassin, (formations.get(bassin) ?? 0) + 1);
    }
    return data.zones.bassin.features
      .map((feature) => {
        const { code, nom } = feature.properties;
        const hiring = bassinHiring(labour, code, selection);
        return { code, nom, projets: hiring.projets, partDifficile: share(hiring.difficiles, hiring.projets), masques: hiring.masques, formations: formations.get(code) ?? 0, ecoles: offer.dataset.alliance.filter((school) => bassinOf(school.commune) === code).map((school) => school.nom) };
      })
      .sort((a, b) => b.projets - a.projets);
  },
);
