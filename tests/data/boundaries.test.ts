import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, bbox, booleanPointInPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { readGazetteer } from '../../src/domain/gazetteer.ts';
import { REGION_BOUNDS } from '../../src/domain/view.ts';

// Checks the committed outputs of `npm run data:geo`.
const zonings = JSON.parse(readFileSync('public/geo/hauts-de-france.topo.json', 'utf8')) as Topology;
const communeTopology = JSON.parse(readFileSync('public/geo/communes.topo.json', 'utf8')) as Topology;
const gazetteerResult = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
if (!gazetteerResult.ok) throw new Error(gazetteerResult.error);
const gazetteer = gazetteerResult.value;

type Areas = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
function features(topology: Topology, name: string): Areas {
  const object = topology.objects[name];
  if (!object) throw new Error(`no object ${name}`);
  return feature(topology, object) as Areas;
}
const totalArea = (collection: Areas): number => collection.features.reduce((sum, item) => sum + area(item), 0);

describe('boundaries topology', () => {
  it('fits in REGION_BOUNDS, the map’s first camera, with at most 0.01° to spare on each side', () => {
    const [west, south, east, north] = bbox(features(zonings, 'region'));
    const [boundsWest, boundsSouth, boundsEast, boundsNorth] = REGION_BOUNDS;
    // Each pair is [lower, higher]: the bounds hold the region, with a margin under 0.01°.
    for (const [lower, higher] of [
      [boundsWest, west],
      [boundsSouth, south],
      [east, boundsEast],
      [north, boundsNorth],
    ] as const) {
      expect(higher - lower).toBeGreaterThanOrEqual(0);
      expect(higher - lower).toBeLessThanOrEqual(0.01);
    }
  });

  it('has 5 départements, 24 zones d’emploi, 26 SPEL and 3,782 communes', () => {
    expect(features(zonings, 'departements').features).toHaveLength(5);
    expect(features(zonings, 'zones_emploi').features).toHaveLength(24);
    expect(features(zonings, 'spel').features).toHaveLength(26);
    expect(features(communeTopology, 'communes').features).toHaveLength(3782);
    expect(gazetteer.communes).toHaveLength(3782);
  });

  it('gives every zone a code, a name, a population and its commune count', () => {
    for (const name of ['departements', 'zones_emploi', 'spel']) {
      const collection = features(zonings, name);
      for (const zone of collection.features) {
        expect(zone.properties['code']).toMatch(/^\d{2,4}$/);
        expect(String(zone.properties['nom']).length).toBeGreaterThan(2);
        expect(zone.properties['population']).toBeGreaterThan(10_000);
      }
      const communes = collection.features.reduce((sum, zone) => sum + Number(zone.properties['communes']), 0);
      expect(communes, name).toBe(3782);
    }
  });

  it('flags the regional parts of the cross-border zones 0054 and 0058', () => {
    const partial = features(zonings, 'zones_emploi')
      .features.filter((zone) => zone.properties['partieRegionale'] === true)
      .map((zone) => zone.properties['code']);
    expect(partial).toEqual(['0054', '0058']);
  });

  it('puts every commune in exactly one zone of each zoning, matching its polygon', () => {
    const zoneCodes = {
      departement: new Set(features(zonings, 'departements').features.map((zone) => zone.properties['code'])),
      zoneEmploi: new Set(features(zonings, 'zones_emploi').features.map((zone) => zone.properties['code'])),
      spel: new Set(features(zonings, 'spel').features.map((zone) => zone.properties['code'])),
    };
    const codes = new Set<string>();
    for (const commune of gazetteer.communes) {
      expect(codes.has(commune.code)).toBe(false);
      codes.add(commune.code);
      expect(zoneCodes.departement.has(commune.departement)).toBe(true);
      expect(zoneCodes.zoneEmploi.has(commune.zoneEmploi)).toBe(true);
      expect(zoneCodes.spel.has(commune.spel)).toBe(true);
    }
  });

  it('covers the same area with each zoning as with the region outline (within 0.5%)', () => {
    const region = totalArea(features(zonings, 'region'));
    expect(region / 1e6).toBeGreaterThan(31_000);
    for (const name of ['departements', 'zones_emploi', 'spel']) {
      expect(Math.abs(totalArea(features(zonings, name)) - region) / region, name).toBeLessThan(0.005);
    }
    expect(Math.abs(totalArea(features(communeTopology, 'communes')) - region) / region).toBeLessThan(0.005);
  });

  it('draws each département as one polygon, except the documented source exceptions', () => {
    // Nord: Boursies touches the rest of Nord at a single point in the IGN source geometry.
    // Oise: Ivors and Vauciennes have small detached parts (< 1.2 km²) lying in Aisne.
    const parts = Object.fromEntries(
      features(zonings, 'departements').features.map((zone) => [
        zone.properties['code'],
        zone.geometry.type === 'Polygon' ? 1 : zone.geometry.coordinates.length,
      ]),
    );
    expect(parts).toEqual({ '02': 1, '59': 2, '60': 4, '62': 1, '80': 1 });
  });

  it('knows where Lens and Abbeville belong', () => {
    const lens = gazetteer.byCode.get('62498');
    expect(lens).toMatchObject({ nom: 'Lens', departement: '62', zoneEmploi: '3215', spel: '627' });
    expect(gazetteer.byCode.get('80001')).toMatchObject({ nom: 'Abbeville', zoneEmploi: '3201', spel: '801' });
    expect(gazetteer.byCode.get('59350')).toMatchObject({ nom: 'Lille', zoneEmploi: '3216' });
  });

  it('places each representative point inside its own commune', () => {
    const polygons = new Map(features(communeTopology, 'communes').features.map((item) => [item.properties['code'], item]));
    const outside = gazetteer.communes.filter((commune) => {
      const polygon = polygons.get(commune.code);
      return !polygon || !booleanPointInPolygon(commune.point, polygon);
    });
    expect(outside.map((commune) => commune.code)).toEqual([]);
  });
});

describe("France Travail's bassins d'emploi (BMO)", () => {
  const bassins = features(zonings, 'bassins');
  it('are 28, on the same shared arcs, and every commune of the region is in exactly one', () => {
    expect(bassins.features).toHaveLength(28);
    const codes = new Set(bassins.features.map((item) => String(item.properties['code'])));
    for (const commune of gazetteer.communes) expect(codes.has(commune.bassin), `${commune.code} ${commune.nom} → ${commune.bassin}`).toBe(true);
    // Their communes and people add up to the region's, each counted once.
    const sum = (key: 'communes' | 'population') => bassins.features.reduce((total, item) => total + Number(item.properties[key]), 0);
    expect(sum('communes')).toBe(gazetteer.communes.length);
    expect(sum('population')).toBe(gazetteer.communes.reduce((total, commune) => total + commune.population, 0));
    // Same arcs as the other zonings: they tile the region like the départements.
    expect(totalArea(bassins) / totalArea(features(zonings, 'departements'))).toBeCloseTo(1, 6);
  });

  it('are other areas than the INSEE zones d’emploi, though their codes overlap: never joined by code', () => {
    const byCode = new Map(bassins.features.map((item) => [String(item.properties['code']), String(item.properties['nom'])]));
    const zones = new Map(features(zonings, 'zones_emploi').features.map((item) => [String(item.properties['code']), String(item.properties['nom'])]));
    expect(byCode.get('3217')).toBe('Versant Nord-Est Roubaix-Tourcoing');
    expect(zones.get('3217')).toBe('Maubeuge');
    const roubaix = gazetteer.byCode.get('59512');
    expect(roubaix?.bassin).toBe('3217');
    expect(roubaix?.zoneEmploi).not.toBe('3217');
  });
});
