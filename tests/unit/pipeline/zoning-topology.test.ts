import type { FeatureCollection, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { buildZoningTopology, pickObjects } from '../../../data/pipeline/lib/zoning-topology.ts';

// Four unit squares in a 2 × 2 grid; A and B form zone "west", C and D zone "east".
const square = (code: string, x: number, y: number) => ({
  type: 'Feature' as const,
  properties: { code, nom: code },
  geometry: { type: 'Polygon' as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});
const grid: FeatureCollection<Polygon> = {
  type: 'FeatureCollection',
  features: [square('A', 0, 0), square('B', 0, 1), square('C', 1, 0), square('D', 1, 1)],
};

describe('zoning topology', () => {
  const zoneOf: Record<string, string> = { A: 'west', B: 'west', C: 'east', D: 'east' };
  const topology = buildZoningTopology(
    grid,
    new Map(['A', 'B', 'C', 'D'].map((code) => [code, code])),
    [{ name: 'zones', keyOf: (code) => zoneOf[code] ?? '', propertiesOf: (key, codes) => ({ code: key, communes: codes.length }) }],
    (code) => ({ code }),
    { minimumWeight: 0, quantization: 1e4 },
  );

  it('merges communes into one polygon per zone, sharing the border arc', () => {
    const zones = topology.objects['zones'];
    if (zones?.type !== 'GeometryCollection') throw new Error('no zones');
    expect(zones.geometries.map((geometry) => [geometry.type, geometry.properties])).toEqual([
      ['Polygon', { code: 'east', communes: 2 }],
      ['Polygon', { code: 'west', communes: 2 }],
    ]);
  });

  it('keeps only the arcs the picked objects use', () => {
    const picked = pickObjects(topology, ['zones']);
    expect(Object.keys(picked.objects)).toEqual(['zones']);
    expect(picked.arcs.length).toBeLessThan(topology.arcs.length);
    const collection = feature(picked, picked.objects['zones'] as never) as unknown as FeatureCollection<Polygon>;
    expect(collection.features).toHaveLength(2);
  });
});
