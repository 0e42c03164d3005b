/**
 * SYNTHETIC test data (not real trainings): a tiny region with two zones d'emploi, three communes,
 * three sites and five trainings, small enough to count by hand.
 */
import type { Polygon } from 'geojson';
import type { Commune } from '../../../src/domain/gazetteer.ts';
import { indexOffer } from '../../../src/domain/offer-index.ts';
import type { Site, Training, TrainingDataset, Voie } from '../../../src/domain/training.ts';
import type { Zoning, ZoneProperties } from '../../../src/domain/zones.ts';
import type { AppData, ZoneCollection } from '../../../src/state/app-data.ts';

const square = (west: number, south: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + 1, south],
      [west + 1, south + 1],
      [west, south + 1],
      [west, south],
    ],
  ],
});

const zones = (properties: ZoneProperties[]): ZoneCollection => ({
  type: 'FeatureCollection',
  features: properties.map((item, index) => ({ type: 'Feature', id: item.code, properties: item, geometry: square(2 + index, 50) })),
});

const zone = (code: string, nom: string): ZoneProperties => ({ code, nom, population: 1000, communes: 1, departements: ['59'] });

const commune = (code: string, nom: string, zoneEmploi: string, point: [number, number]): Commune => ({
  code,
  nom,
  codesPostaux: [],
  population: 100,
  departement: '59',
  zoneEmploi,
  spel: '591',
  bassin: '3216',
  point,
});

const site = (id: string, nom: string, communeCode: string, point: [number, number]): Site => ({
  id,
  nom,
  uai: null,
  siret: null,
  adresse: null,
  commune: communeCode,
  point,
  precision: 'address',
  provenance: [{ source: 'test', record: id }],
});

export const training = (id: string, siteId: string, voies: Voie[]): Training => ({
  id,
  siteId,
  intitule: `Formation synthétique ${id}`,
  diplome: null,
  niveau: null,
  niveauOrigin: null,
  nsf: null,
  domaine: null,
  voies,
  modalite: null,
  conventionne: null,
  capacite: null,
  sessions: [],
  organisme: null,
  url: null,
  certification: {},
  provenance: [{ source: 'test', record: id }],
  acces: [],
});

export function syntheticDataset(): TrainingDataset {
  return {
    sources: [{ id: 'test', label: 'Données synthétiques de test', file: '-', date: '-', licence: '-', origin: 'tests' }],
    sites: [site('a', 'Lycée A', '59001', [2.5, 50.5]), site('b', 'Lycée B', '59002', [2.6, 50.6]), site('c', 'CFA C', '59003', [3.5, 50.5])],
    trainings: [training('a1', 'a', ['scolaire']), training('a2', 'a', ['scolaire', 'apprentissage']), training('b1', 'b', ['continue']), training('c1', 'c', ['apprentissage']), training('c2', 'c', ['apprentissage'])],
    alliance: [],
    campus: [],
    organismes: [],
    facts: [],
  };
}

export function syntheticAppData(): AppData {
  const communes = [commune('59001', 'Alpha', '3201', [2.5, 50.5]), commune('59002', 'Beta', '3201', [2.6, 50.6]), commune('59003', 'Gamma', '3202', [3.5, 50.5])];
  const empty = { type: 'FeatureCollection' as const, features: [] };
  const byZoning: Record<Zoning, ZoneCollection> = {
    departement: zones([zone('59', 'Nord')]),
    zone_emploi: zones([zone('3201', 'Zone Un'), zone('3202', 'Zone Deux')]),
    spel: zones([zone('591', 'Spel Un')]),
    bassin: zones([zone('3216', 'Bassin Un')]),
  };
  return {
    zones: byZoning,
    region: empty,
    context: { departements: empty, pays: empty },
    gazetteer: { communes, byCode: new Map(communes.map((item) => [item.code, item])) },
    offer: indexOffer(syntheticDataset()),
  };
}
