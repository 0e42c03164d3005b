import { describe, expect, it } from 'vitest';
import { IMPORTED_SOURCE_ID } from '../../../src/domain/training.ts';
import { EMPTY_FILTERS, NO_DOMAIN } from '../../../src/domain/filters.ts';
import { selectChoropleth, selectFilteredOffer, selectFilterResult, selectZoneValues, selectListedZones, selectNearestWayOut, selectPlaceMemberships, selectOffer, selectSelectedPoint, selectSelectedZone, selectShowsEverySite, selectSitesInView, selectZoneOffer, selectZoneScopedOffer, selectZoneSummary } from '../../../src/state/selectors.ts';
import { createAppStore, type ImportedFile } from '../../../src/state/store.ts';
import { DEFAULT_TERRITORY, DEFAULT_WHERE } from '../../../src/url/codec.ts';
import { syntheticAppData, training } from './fixture.ts';
import { indexOffer } from '../../../src/domain/offer-index.ts';

function readyStore() {
  const store = createAppStore();
  store.getState().setData(syntheticAppData());
  return store;
}

function importedFile(): ImportedFile {
  const dataset = {
    sources: [{ id: IMPORTED_SOURCE_ID, label: 'fichier.xml', file: 'fichier.xml', date: '-', licence: '-', origin: '-' }],
    sites: [{ id: 'x', nom: 'Organisme X', uai: null, siret: null, adresse: null, commune: '59003', point: [3.4, 50.4] as [number, number], precision: 'commune' as const, provenance: [] }],
    trainings: [training('x1', 'x', ['continue'])],
    alliance: [],
    campus: [],
    organismes: [],
    facts: [],
  };
  return { name: 'fichier.xml', dataset, report: { sources: {}, rejected: [], warnings: [], merged: [] } as never, warning: null };
}

describe('selectors', () => {
  it('counts every site and training before the map reports its bounds, most trainings first, then by name', () => {
    const { sites, trainings } = selectSitesInView(readyStore().getState());
    expect(sites.map((item) => item.site.id)).toEqual(['c', 'a', 'b']);
    expect(trainings).toBe(5);
    expect(sites[0]?.communeNom).toBe('Gamma');
  });

  it('keeps only the sites inside the bounds the map reported', () => {
    const store = readyStore();
    store.getState().setBounds([2, 50, 3, 51]);
    const { sites, trainings } = selectSitesInView(store.getState());
    expect(sites.map((item) => item.site.id)).toEqual(['a', 'b']);
    expect(trainings).toBe(3);
  });

  it('lists nothing when the sites layer is off', () => {
    const store = readyStore();
    store.getState().setOverlay('sites', false);
    expect(selectSitesInView(store.getState())).toEqual({ sites: [], trainings: 0, apart: [], mode: 'vue' });
  });

  it('counts the supply of a zone by voie (a training with two voies counts in each)', () => {
    const store = readyStore();
    store.getState().selectZone({ zoning: 'zone_emploi', code: '3201' });
    expect(selectZoneOffer(store.getState())).toEqual({ sites: 2, trainings: 3, byVoie: { scolaire: 2, apprentissage: 1, alternance: 0, continue: 1 } });
    expect(selectSelectedZone(store.getState())?.nom).toBe('Zone Un');
  });

  it('adds an opened file to the offer, with prefixed ids, and counts it', () => {
    const store = readyStore();
    store.getState().finishImport(importedFile());
    const offer = selectOffer(store.getState());
    expect(offer?.dataset.trainings).toHaveLength(6);
    expect(offer?.sitesById.has(`${IMPORTED_SOURCE_ID}~x`)).toBe(true);
    store.getState().selectZone({ zoning: 'zone_emploi', code: '3202' });
    expect(selectZoneOffer(store.getState())?.byVoie).toEqual({ scolaire: 0, apprentissage: 2, alternance: 0, continue: 1 });
  });

  it('returns the same offer object to every reader, even after the previous state was asked for', () => {
    const store = readyStore();
    const before = store.getState();
    store.getState().finishImport(importedFile());
    const after = store.getState();
    const first = selectOffer(after);
    // The map adapter compares with the previous state's offer on every change.
    expect(selectOffer(before)).toBe(before.data?.offer);
    expect(selectOffer(after)).toBe(first);
    store.getState().setHover({ kind: 'site', site: 'a' });
    expect(selectOffer(store.getState())).toBe(first);
  });

  it('finds what the selection points at', () => {
    const store = readyStore();
    store.getState().selectSite('c');
    const point = selectSelectedPoint(store.getState());
    expect(point?.kind === 'site' ? point.trainings.map((item) => item.id) : []).toEqual(['c1', 'c2']);
    store.getState().selectSite('nope');
    expect(selectSelectedPoint(store.getState())).toBeNull();
  });

  it('lists the zones of the drawn zoning by name, none with no zoning', () => {
    const store = readyStore();
    expect(selectListedZones(store.getState()).map((item) => item.nom)).toEqual(['Zone Deux', 'Zone Un']);
    store.getState().setCouche('aucune');
    expect(selectListedZones(store.getState())).toEqual([]);
  });
});

describe('filtered offer and facet counts', () => {
  it('counts each option under the other filters, and keeps options at zero', () => {
    const store = readyStore();
    store.getState().setFilters({ ...EMPTY_FILTERS, voies: ['apprentissage'] });
    const result = selectFilterResult(store.getState());
    // a2 (scolaire + apprentissage), c1, c2 are in apprenticeship.
    const matching = result.matching;
    expect(matching).not.toBeNull();
    expect(selectOffer(store.getState())?.dataset.trainings.filter((training) => matching?.(training) === true).map((training) => training.id)).toEqual(['a2', 'c1', 'c2']);
    expect(result.matchingCount).toBe(3);
    // The voie facet ignores the voie filter itself: every voie keeps its full count.
    expect(Object.fromEntries(result.counts.voies)).toEqual({ scolaire: 2, apprentissage: 3, continue: 1 });
    // Other facets count under the voie filter: 3 trainings, all without a domain.
    expect(result.counts.domaines.get(NO_DOMAIN)).toBe(3);
  });

  it('drives the list, the map sites and the zone counts from the same filtered offer', () => {
    const store = readyStore();
    store.getState().setFilters({ ...EMPTY_FILTERS, voies: ['continue'] });
    expect(selectSitesInView(store.getState())).toMatchObject({ trainings: 1, sites: [{ site: { id: 'b' } }] });
    expect(selectFilteredOffer(store.getState())?.dataset.sites.map((site) => site.id)).toEqual(['b']);
    store.getState().selectZone({ zoning: 'zone_emploi', code: '3201' });
    expect(selectZoneOffer(store.getState())).toMatchObject({ sites: 1, trainings: 1 });
  });

  it('applies search hits only for the text they answer, and says when a search is running', () => {
    const store = readyStore();
    store.getState().setFilters({ ...EMPTY_FILTERS, q: 'cfa' });
    const matchingIds = () => {
      const matching = selectFilterResult(store.getState()).matching;
      return matching ? selectOffer(store.getState())?.dataset.trainings.filter(matching).map((training) => training.id) : null;
    };
    expect(selectFilterResult(store.getState())).toMatchObject({ matching: null, searching: true });
    store.getState().setSearchHits({ query: 'cfa', ids: new Set(['c1', 'c2']) });
    expect(selectFilterResult(store.getState())).toMatchObject({ matchingCount: 2, searching: false });
    expect(matchingIds()).toEqual(['c1', 'c2']);
    // A new text keeps the previous hits until its own answer comes.
    store.getState().setFilters({ ...EMPTY_FILTERS, q: 'cfa c' });
    expect(selectFilterResult(store.getState())).toMatchObject({ matchingCount: 2, searching: true });
    expect(matchingIds()).toEqual(['c1', 'c2']);
  });

  it('reads the themes of each training: two of one title differ when their NSF group does', () => {
    const data = syntheticAppData();
    const [a1, a2, b1] = data.offer.dataset.trainings;
    if (!a1 || !a2 || !b1) throw new Error('fixture changed');
    // One title for three trainings: only the one in NSF 227 (énergie) is in the energy transition.
    const title = 'Technicien de maintenance';
    const trainings = [{ ...a1, intitule: title, nsf: '227' }, { ...a2, intitule: title }, { ...b1, intitule: title, nsf: '227' }, ...data.offer.dataset.trainings.slice(3)];
    const store = createAppStore();
    store.getState().setData({ ...data, offer: indexOffer({ ...data.offer.dataset, trainings }) });
    store.getState().setFilters({ ...EMPTY_FILTERS, themes: ['energetique'] });
    const matching = selectFilterResult(store.getState()).matching;
    expect(selectOffer(store.getState())?.dataset.trainings.filter((item) => matching?.(item) === true).map((item) => item.id)).toEqual(['a1', 'b1']);
  });

  it('returns the unfiltered offer itself when no filter is active', () => {
    const store = readyStore();
    expect(selectFilteredOffer(store.getState())).toBe(selectOffer(store.getState()));
  });
});

describe('where: a place with a reach, a zone', () => {
  it('lists every site within the radius, nearest first, with distance and estimated time, whatever the view', () => {
    const store = readyStore();
    store.getState().setBounds([10, 10, 11, 11]); // the view holds nothing
    store.getState().setWhere({ ...DEFAULT_WHERE, place: { kind: 'commune', code: '59002' }, rayon: 20 });
    const { sites, mode, trainings } = selectSitesInView(store.getState());
    expect(mode).toBe('lieu');
    // Beta is at b's point; a is ~13 km away; c (Gamma) ~66 km: out of reach.
    expect(sites.map((item) => item.site.id)).toEqual(['b', 'a']);
    expect(sites[0]?.km).toBeCloseTo(0, 5);
    expect(sites[1]?.km).toBeCloseTo(13.3, 0);
    expect(sites[1]?.minutes).toBeCloseTo((13.3 * 1.3 * 60) / 50, 0);
    expect(trainings).toBe(3);
  });

  it('offers the smallest radius that finds something when nothing is in reach', () => {
    const store = readyStore();
    store.getState().setFilters({ ...EMPTY_FILTERS, voies: ['apprentissage'] });
    store.getState().setWhere({ ...DEFAULT_WHERE, place: { kind: 'point', point: [3.5, 50.9] }, rayon: 10 });
    expect(selectSitesInView(store.getState()).sites).toEqual([]);
    // c (apprentissage) is at [3.5, 50.5]: 44.5 km away → 50 km finds its 2 trainings.
    expect(selectNearestWayOut(store.getState())).toEqual({ rayon: 50, temps: null, trainings: 2 });
  });

  it('keeps only the sites inside the zone named by dans, by point in polygon', () => {
    const store = readyStore();
    // Zone 3202 is the square [3, 50]–[4, 51]: only c is inside.
    store.getState().setWhere({ ...DEFAULT_WHERE, dans: { zoning: 'zone_emploi', code: '3202' } });
    expect(selectSitesInView(store.getState()).sites.map((item) => item.site.id)).toEqual(['c']);
    expect(selectPlaceMemberships(store.getState())).toEqual({});
  });
});

describe('territory indicators', () => {
  const indicators = {
    version: 1 as const,
    descriptions: [],
    chomage: { quarters: ['2018-T3', '2022-T3', '2023-T3'], zonesEmploi: { '3201': [10, 9, 8.5], '3202': [7, 7.5, null] }, departements: { '59': { taux: 9.4, trimestre: '2023-T3', source: 'DREETS' } } },
  };

  it('reads the rate at the chosen quarter and its change, with no data where a value is missing', () => {
    const store = readyStore();
    store.getState().setIndicators(indicators);
    store.getState().setTerritory({ ...DEFAULT_TERRITORY, indicateur: 'chomage', periode: '2022-T3' });
    expect(selectZoneValues(store.getState()).map((zone) => [zone.code, zone.value])).toEqual([
      ['3201', 9],
      ['3202', 7.5],
    ]);
    store.getState().setTerritory({ ...DEFAULT_TERRITORY, indicateur: 'chomage-evol-5' });
    expect(selectZoneValues(store.getState()).map((zone) => zone.value)).toEqual([-1.5, null]);
    expect(selectChoropleth(store.getState())).toMatchObject({ noData: 1, counts: expect.any(Array) as unknown as number[] });
  });

  it('counts the training supply per 10,000 inhabitants following the filters', () => {
    const store = readyStore();
    store.getState().setTerritory({ ...DEFAULT_TERRITORY, indicateur: 'offre' });
    // Zone Un (1,000 inhabitants) holds a (2 trainings) and b (1): 30 per 10,000.
    expect(selectZoneValues(store.getState()).map((zone) => zone.value)).toEqual([30, 20]);
    store.getState().setFilters({ ...EMPTY_FILTERS, voies: ['continue'] });
    expect(selectZoneValues(store.getState()).map((zone) => zone.value)).toEqual([10, 0]);
  });

  it('measures zones blanches as the share of population farther than the threshold from any matching training', () => {
    const store = readyStore();
    store.getState().setTerritory({ ...DEFAULT_TERRITORY, indicateur: 'zones-blanches' });
    store.getState().setFilters({ ...EMPTY_FILTERS, voies: ['continue'] });
    store.getState().setWhere({ ...DEFAULT_WHERE, rayon: 20 });
    // Only b (continue) matches: Alpha and Beta are near it, Gamma (zone Deux) is ~70 km away.
    expect(selectZoneValues(store.getState()).map((zone) => zone.value)).toEqual([0, 100]);
  });
});

describe('one definition of "in the zone"', () => {
  it('puts a site in its commune’s zone for the zone filter and the zone card alike, wherever its point falls', () => {
    const store = createAppStore();
    const data = syntheticAppData();
    // Site c belongs to Gamma (zone 3202) but its point is drawn inside zone 3201's outline (a
    // border point on a simplified outline, or a head office placed elsewhere).
    const c = data.offer.dataset.sites.find((site) => site.id === 'c');
    if (!c) throw new Error('fixture site c missing');
    c.point = [2.9, 50.5];
    store.getState().setData(data);
    store.getState().setWhere({ ...store.getState().where, dans: { zoning: 'zone_emploi', code: '3201' } });
    const filtered = (selectZoneScopedOffer(store.getState())?.dataset.sites ?? []).map((site) => site.id).sort();
    expect(filtered).toEqual(['a', 'b']);
    expect(selectZoneSummary(store.getState(), { zoning: 'zone_emploi', code: '3201' })?.supply.sites).toBe(filtered.length);
  });
});

describe('what the map may draw before the offer is parsed (map-sites.json)', () => {
  it('is every site of the default view only: no filter, no place, no zone, no file opened', () => {
    const store = createAppStore();
    expect(selectShowsEverySite(store.getState())).toBe(true);
    store.getState().setFilters({ ...EMPTY_FILTERS, voies: ['apprentissage'] });
    expect(selectShowsEverySite(store.getState())).toBe(false);
    store.getState().setFilters({ ...EMPTY_FILTERS, q: 'soudeur' });
    expect(selectShowsEverySite(store.getState())).toBe(false);
    store.getState().setFilters(EMPTY_FILTERS);
    store.getState().setWhere({ ...DEFAULT_WHERE, place: { kind: 'point', point: [2.83, 50.43] } });
    expect(selectShowsEverySite(store.getState())).toBe(false);
    store.getState().setWhere({ ...DEFAULT_WHERE, dans: { zoning: 'departement', code: '62' } });
    expect(selectShowsEverySite(store.getState())).toBe(false);
    store.getState().setWhere(DEFAULT_WHERE);
    expect(selectShowsEverySite(store.getState())).toBe(true);
    store.getState().finishImport(importedFile());
    expect(selectShowsEverySite(store.getState())).toBe(false);
  });
});
