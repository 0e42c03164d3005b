/**
 * One definition per figure: "is this site in the zone" and "trainings per 10,000 inhabitants"
 * must give the same answer wherever a zone is shown (the zone filter, the zone card, the
 * choropleth, the comparison), for every zone of every zoning, on the committed data.
 */
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { readGazetteer } from '../../src/domain/gazetteer.ts';
import { indexOffer } from '../../src/domain/offer-index.ts';
import { TOPOLOGY_OBJECTS, ZONINGS, type Zoning } from '../../src/domain/zones.ts';
import type { AppData, ZoneCollection } from '../../src/state/app-data.ts';
import { indicatorValueOf, selectZoneScopedOffer, selectZoneSummary, selectZoneValues } from '../../src/state/selectors.ts';
import { createAppStore } from '../../src/state/store.ts';

const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
if (!decoded.ok || !gazetteer.ok) throw new Error('committed data unreadable');
const topology = JSON.parse(readFileSync('public/geo/hauts-de-france.topo.json', 'utf8')) as Topology;
const zones = Object.fromEntries(ZONINGS.map((zoning) => [zoning, feature(topology, topology.objects[TOPOLOGY_OBJECTS[zoning]] as never) as unknown as ZoneCollection])) as Record<Zoning, ZoneCollection>;
const empty = { type: 'FeatureCollection' as const, features: [] };
const data: AppData = { zones, region: empty, context: { departements: empty, pays: empty }, gazetteer: gazetteer.value, offer: indexOffer(decoded.value) };

describe('one definition per figure, wherever a zone is shown', () => {
  it('"in the zone": the zone filter, the zone card and the choropleth name the same sites, for every zone', () => {
    const store = createAppStore();
    store.getState().setData(data);
    for (const zoning of ZONINGS) {
      store.getState().setCouche(zoning === 'departement' ? 'aucune' : zoning);
      store.getState().setTerritory({ ...store.getState().territory, indicateur: 'lieux' });
      const lieux = new Map(selectZoneValues(store.getState()).map((zone) => [zone.code, zone.value]));
      for (const { properties: zone } of zones[zoning].features) {
        const reference = { zoning, code: zone.code };
        store.getState().setWhere({ ...store.getState().where, dans: reference });
        const filtered = selectZoneScopedOffer(store.getState())?.dataset.sites ?? [];
        const summary = selectZoneSummary(store.getState(), reference);
        expect(summary?.supply.sites, `${zoning}:${zone.code}`).toBe(filtered.length);
        // The choropleth counts the sites with a training taught in person: the same sites, less the distance-only ones.
        const inPerson = filtered.filter((site) => (data.offer.trainingsBySite.get(site.id) ?? []).some((training) => training.modalite !== 'distance')).length;
        const expected = zone.population > 0 ? Math.round(((inPerson * 10_000) / zone.population) * 100) / 100 : null;
        expect(lieux.get(zone.code), `${zoning}:${zone.code}`).toBe(expected);
      }
      store.getState().setWhere({ ...store.getState().where, dans: null });
    }
  });

  it('"trainings per 10,000 inhabitants": the comparison gives the choropleth’s value (distance learning left out)', () => {
    const store = createAppStore();
    store.getState().setData(data);
    store.getState().setCouche('zone_emploi');
    store.getState().setTerritory({ ...store.getState().territory, indicateur: 'offre' });
    const map = new Map(selectZoneValues(store.getState()).map((zone) => [zone.code, zone.value]));
    for (const { properties: zone } of zones.zone_emploi.features) {
      expect(indicatorValueOf(store.getState(), { zoning: 'zone_emploi', code: zone.code }, 'offre')?.value).toBe(map.get(zone.code));
      // And from another zoning drawn, the same value.
      store.getState().setCouche('spel');
      expect(indicatorValueOf(store.getState(), { zoning: 'zone_emploi', code: zone.code }, 'offre')?.value).toBe(map.get(zone.code));
      store.getState().setCouche('zone_emploi');
    }
  });
});
