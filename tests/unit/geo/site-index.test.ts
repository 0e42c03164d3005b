import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance } from '@turf/turf';
import fc from 'fast-check';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { createSiteIndex, forEachWithinDistance, nearestSites, sitesWithinDistance } from '../../../src/geo/site-index.ts';
import { DISTANCE_ESTIMATOR, TRAVEL_MODES } from '../../../src/geo/travel.ts';
import { zoneAt } from '../../../src/geo/zone-at.ts';

// SYNTHETIC sites and points drawn across the region's bounding box.
const lng = fc.double({ min: 1.38, max: 4.26, noNaN: true });
const lat = fc.double({ min: 48.84, max: 51.09, noNaN: true });
const point = fc.tuple(lng, lat);
const sitesArbitrary = fc.array(point, { minLength: 1, maxLength: 300 }).map((points) => points.map((item, index) => ({ id: `s${index}`, point: item })));
const turfKm = (a: readonly [number, number], b: readonly [number, number]) => distance([a[0], a[1]], [b[0], b[1]], { units: 'kilometers' });

describe('site index', () => {
  it('finds exactly the sites a brute-force Turf scan finds within a radius, nearest first', () => {
    fc.assert(
      fc.property(sitesArbitrary, point, fc.double({ min: 0.5, max: 100, noNaN: true }), (sites, center, km) => {
        const index = createSiteIndex(sites);
        const found = sitesWithinDistance(index, center, km);
        // Turf's Earth radius differs from the index's by 0.0001 %: ignore sites on the circle itself.
        const brute = sites.filter((site) => turfKm(center, site.point) <= km * (1 - 1e-5)).map((site) => site.id);
        const near = sites.filter((site) => Math.abs(turfKm(center, site.point) - km) < km * 1e-5).map((site) => site.id);
        const ids = found.map((item) => item.site.id);
        expect(ids.filter((id) => !near.includes(id)).sort()).toEqual(brute.sort());
        for (const [position, item] of found.entries()) {
          expect(item.km).toBeCloseTo(turfKm(center, item.site.point), 2);
          if (position > 0) expect(item.km).toBeGreaterThanOrEqual(found[position - 1]?.km ?? 0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('visits, without sorting or allocating, exactly the sites a brute-force Turf scan finds, each once with its distance', () => {
    fc.assert(
      fc.property(sitesArbitrary, point, fc.double({ min: 0.5, max: 100, noNaN: true }), (sites, center, km) => {
        const index = createSiteIndex(sites);
        const visited = new Map<string, number>();
        const count = forEachWithinDistance(index, center, km, (site, distanceKm, position) => {
          expect(index.items[position]).toBe(site);
          expect(visited.has(site.id)).toBe(false);
          visited.set(site.id, distanceKm);
        });
        expect(count).toBe(visited.size);
        const brute = sites.filter((site) => turfKm(center, site.point) <= km * (1 - 1e-5)).map((site) => site.id);
        const near = sites.filter((site) => Math.abs(turfKm(center, site.point) - km) < km * 1e-5).map((site) => site.id);
        expect([...visited.keys()].filter((id) => !near.includes(id)).sort()).toEqual(brute.sort());
        for (const [id, distanceKm] of visited) expect(distanceKm).toBeCloseTo(turfKm(center, sites.find((site) => site.id === id)?.point ?? center), 2);
      }),
      { numRuns: 150 },
    );
  });

  it('returns the k nearest sites, as a brute-force sort does', () => {
    fc.assert(
      fc.property(sitesArbitrary, point, fc.integer({ min: 1, max: 20 }), (sites, center, k) => {
        const found = nearestSites(createSiteIndex(sites), center, k).map((item) => item.km);
        const brute = sites.map((site) => turfKm(center, site.point)).sort((a, b) => a - b).slice(0, k);
        expect(found).toHaveLength(brute.length);
        for (const [position, km] of found.entries()) expect(km).toBeCloseTo(brute[position] ?? -1, 3);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps only the sites a filter accepts', () => {
    const sites = [
      { id: 'a', point: [2.8, 50.3] as [number, number] },
      { id: 'b', point: [2.81, 50.3] as [number, number] },
    ];
    expect(sitesWithinDistance(createSiteIndex(sites), [2.8, 50.3], 5, { accept: (site) => site.id === 'b' }).map((item) => item.site.id)).toEqual(['b']);
    expect(sitesWithinDistance(createSiteIndex([]), [2.8, 50.3], 5)).toEqual([]);
  });
});

describe('zone of a point', () => {
  const topology = JSON.parse(readFileSync('public/geo/hauts-de-france.topo.json', 'utf8')) as Topology;
  const zones = feature(topology, topology.objects['zones_emploi'] as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>;

  it('agrees with a brute-force point-in-polygon test across the region, borders included', () => {
    // Points on zone borders: the vertices of the zones' own rings.
    const vertices = zones.features.flatMap((zone) => (zone.geometry.type === 'Polygon' ? [zone.geometry.coordinates] : zone.geometry.coordinates)).flatMap((polygon) => polygon[0] ?? []).filter((_vertex, index) => index % 97 === 0) as [number, number][];
    fc.assert(
      fc.property(fc.oneof(point, fc.constantFrom(...vertices)), (where) => {
        const containing = zones.features.filter((zone) => booleanPointInPolygon(where, zone)).map((zone) => zone.properties.code);
        const found = zoneAt(topology, 'zones_emploi', where);
        // Outside every zone: none; inside one (or on a border between two): one of them.
        expect(containing.length === 0 ? found === undefined : containing.includes(found ?? '')).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(zoneAt(topology, 'zones_emploi', [2.8317, 50.4316])).toBe('3215'); // Lens
    expect(zoneAt(topology, 'departements', [2.3, 49.89])).toBe('80'); // Amiens
    expect(zoneAt(topology, 'spel', [0, 0])).toBeUndefined();
  });
});

describe('travel time estimate', () => {
  it('turns distance into minutes and back, per mode', () => {
    for (const mode of TRAVEL_MODES) {
      for (const minutes of [15, 30, 45, 60]) expect(DISTANCE_ESTIMATOR.minutes(DISTANCE_ESTIMATOR.reachKm(minutes, mode), mode)).toBeCloseTo(minutes, 6);
    }
    // 20 km straight: 26 km by road at 50 km/h ≈ 31 min by car; on foot much longer.
    expect(DISTANCE_ESTIMATOR.minutes(20, 'voiture')).toBeCloseTo(31.2, 1);
    expect(DISTANCE_ESTIMATOR.minutes(2, 'pied')).toBeCloseTo(32, 0);
    expect(DISTANCE_ESTIMATOR.reachKm(5, 'tc')).toBe(0);
  });
});
