/** Selectors of the zone summary: a zone's essentials, its supply, the comparison. */
import { siteInZone } from '../../domain/gazetteer.ts';
import { type OfferIndex } from '../../domain/offer-index.ts';
import type { AllianceSchool, CampusMetiers, Voie } from '../../domain/training.ts';
import { COMMUNE_KEYS, type ZoneProperties } from '../../domain/zones.ts';
import { distanceKm } from '../../geo/site-index.ts';
import { wholeZoneNote, type IndicatorsFile } from '../../domain/indicators.ts';
import { COVERAGE_FACTS } from '../../domain/coverage.ts';
import { domainLabel } from '../../domain/domains.ts';
import { foldText } from '../../domain/text.ts';
import type { ZoneReference } from '../../domain/zones.ts';
import { weakMapMemoize } from 'reselect';
import type { AppData } from '../app-data.ts';
import { memoizeSelector } from '../memo.ts';
import type { AppState } from '../store.ts';
import { selectFilteredOffer } from './facets.ts';
import { selectQuarter } from './territory.ts';

/** Training supply in the selected zone: sites whose commune lies in it, trainings by voie. */
export const selectZoneOffer = memoizeSelector(
  (state: AppState) => [selectZoneSummary(state, state.zone)] as const,
  ([summary]): { sites: number; trainings: number; byVoie: Record<Voie, number> } | null =>
    summary ? { sites: summary.supply.sites, trainings: summary.supply.trainings, byVoie: summary.supply.byVoie } : null,
);

export interface ZoneSummary {
  reference: ZoneReference;
  zone: ZoneProperties;
  /** The zone's most populated commune: where "nearest" is measured from. */
  mainCommune: { code: string; nom: string; point: [number, number] } | null;
  unemployment: { value: number | null; quarter: string; rank: number | null; of: number; series: (number | null)[]; quarters: string[]; source: string; note?: string | null } | null;
  /** byDomain: the five domains with the most trainings; domains: how many domains in all. */
  supply: { sites: number; trainings: number; byVoie: Record<Voie, number>; byDomain: [string, number][]; domains: number };
  alliance: { school: AllianceSchool; km: number } | null;
  campus: CampusMetiers[];
  /** Named among the Plan Marshall priority basins of the facts table. */
  marshall: boolean;
  /** Those basins and their source, as the facts table gives them. */
  marshallBasins: { names: string[]; source: string } | null;
}

const summarize = weakMapMemoize(
  (reference: ZoneReference, data: AppData, offer: OfferIndex, indicators: IndicatorsFile | null, quarter: string | null): ZoneSummary | null => {
    const zone = data.zones[reference.zoning].features.find((feature) => feature.properties.code === reference.code)?.properties;
    if (!zone) return null;
    const key = COMMUNE_KEYS[reference.zoning];
    const communes = data.gazetteer.communes.filter((commune) => commune[key] === reference.code);
    const main = [...communes].sort((a, b) => b.population - a.population)[0];
    const inZone = new Set(communes.map((commune) => commune.code));
    const byVoie: Record<Voie, number> = { scolaire: 0, apprentissage: 0, alternance: 0, continue: 0 };
    const byDomainMap = new Map<string, number>();
    let sites = 0;
    let trainings = 0;
    offer.dataset.sites.forEach((site, index) => {
      if (!siteInZone(site, reference, data.gazetteer)) return;
      const list = offer.siteTrainings[index] ?? [];
      sites += 1;
      trainings += list.length;
      for (const training of list) {
        for (const voie of training.voies) byVoie[voie] += 1;
        const domain = domainLabel(training.domaine);
        byDomainMap.set(domain, (byDomainMap.get(domain) ?? 0) + 1);
      }
    });
    let unemployment: ZoneSummary['unemployment'] = null;
    if (indicators && reference.zoning === 'zone_emploi' && quarter) {
      const at = indicators.chomage.quarters.indexOf(quarter);
      const rates = Object.entries(indicators.chomage.zonesEmploi).map(([code, series]) => [code, series[at] ?? null] as const);
      const value = indicators.chomage.zonesEmploi[reference.code]?.[at] ?? null;
      const ranked = rates.filter(([, rate]) => rate !== null).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
      const description = indicators.descriptions.find((item) => item.id === 'chomage');
      unemployment = {
        value,
        quarter,
        rank: value === null ? null : ranked.findIndex(([code]) => code === reference.code) + 1,
        of: ranked.length,
        series: indicators.chomage.zonesEmploi[reference.code] ?? [],
        quarters: indicators.chomage.quarters,
        source: description ? `${description.source}, ${description.licence}` : 'Insee',
        note: wholeZoneNote(indicators, reference.code),
      };
    } else if (indicators && reference.zoning === 'departement') {
      const fact = indicators.chomage.departements[reference.code];
      const ranked = Object.entries(indicators.chomage.departements).sort((a, b) => b[1].taux - a[1].taux);
      if (fact) unemployment = { value: fact.taux, quarter: fact.trimestre, rank: ranked.findIndex(([code]) => code === reference.code) + 1, of: ranked.length, series: [], quarters: [], source: fact.source };
    }
    const origin = main?.point ?? null;
    const alliance = origin
      ? (offer.dataset.alliance.map((school) => ({ school, km: distanceKm(origin, school.point) })).sort((a, b) => a.km - b.km)[0] ?? null)
      : null;
    const campus = offer.dataset.campus.filter((item) => item.communes.some((commune) => inZone.has(commune.code)));
    const basinsFact = offer.dataset.facts.find((fact) => fact.indicateur === COVERAGE_FACTS.bassinsMarshall);
    const names = (basinsFact?.texte ?? '').split(';').map((name) => name.trim()).filter(Boolean);
    const marshall = reference.zoning === 'zone_emploi' && names.some((name) => foldText(name) === foldText(zone.nom));
    return {
      reference,
      zone,
      mainCommune: main ? { code: main.code, nom: main.nom, point: main.point } : null,
      unemployment,
      supply: { sites, trainings, byVoie, byDomain: [...byDomainMap].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'fr')).slice(0, 5), domains: byDomainMap.size },
      alliance,
      campus,
      marshall,
      marshallBasins: basinsFact ? { names, source: `${basinsFact.periode} ; ${basinsFact.source}` } : null,
    };
  },
);

/** "L'essentiel" of a zone: population, unemployment and its rank, supply, schools, campus, Plan Marshall. */
export function selectZoneSummary(state: AppState, reference: ZoneReference | null): ZoneSummary | null {
  const offer = selectFilteredOffer(state);
  if (!reference || !state.data || !offer) return null;
  return summarize(reference, state.data, offer, state.indicators, selectQuarter(state));
}

/** The zones compared (`comparer`), summarised. */
export const selectComparison = memoizeSelector(
  (state: AppState) => [state.territory.comparer, state.data, selectFilteredOffer(state), state.indicators, selectQuarter(state)] as const,
  ([references, data, offer, indicators, quarter]): ZoneSummary[] =>
    !data || !offer ? [] : references.flatMap((reference) => summarize(reference, data, offer, indicators, quarter) ?? []),
);
