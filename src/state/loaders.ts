import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { decodeDataset } from '../domain/dataset-codec.ts';
import { readGazetteer } from '../domain/gazetteer.ts';
import { indexOffer } from '../domain/offer-index.ts';
import { TOPOLOGY_OBJECTS, ZONINGS, type Zoning } from '../domain/zones.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { fetchJson } from '../ingest/fetch-json.ts';
import type { AppData, AreaCollection, ZoneCollection } from './app-data.ts';

function collection<T>(topology: Topology, name: string, file: string): Result<T> {
  const object = topology.objects?.[name];
  if (!object) return fail(`${file}: no object "${name}" in the topology`);
  return ok(feature(topology, object) as unknown as T);
}

/** Loads the boundaries, the basemap context and the gazetteer, all from the app's own files. */
export async function loadAppData(baseUrl: string): Promise<Result<AppData>> {
  const files = {
    zonings: `${baseUrl}geo/hauts-de-france.topo.json`,
    context: `${baseUrl}geo/context.topo.json`,
    communes: `${baseUrl}data/communes.json`,
    trainings: `${baseUrl}data/trainings.json`,
  };
  const [zonings, context, communes, trainings] = await Promise.all([
    fetchJson(files.zonings),
    fetchJson(files.context),
    fetchJson(files.communes),
    fetchJson(files.trainings),
  ]);
  if (!zonings.ok) return zonings;
  if (!context.ok) return context;
  if (!communes.ok) return communes;
  if (!trainings.ok) return trainings;
  const dataset = decodeDataset(trainings.value);
  if (!dataset.ok) return dataset;
  const zoningTopology = zonings.value as Topology;
  const contextTopology = context.value as Topology;
  const zones = {} as Record<Zoning, ZoneCollection>;
  for (const zoning of ZONINGS) {
    const result = collection<ZoneCollection>(zoningTopology, TOPOLOGY_OBJECTS[zoning], files.zonings);
    if (!result.ok) return result;
    zones[zoning] = result.value;
  }
  const region = collection<AreaCollection>(zoningTopology, 'region', files.zonings);
  const departements = collection<AreaCollection>(contextTopology, 'departements_voisins', files.context);
  const pays = collection<AreaCollection>(contextTopology, 'pays', files.context);
  const gazetteer = readGazetteer(communes.value);
  if (!region.ok) return region;
  if (!departements.ok) return departements;
  if (!pays.ok) return pays;
  if (!gazetteer.ok) return gazetteer;
  return ok({
    zones,
    region: region.value,
    context: { departements: departements.value, pays: pays.value },
    gazetteer: gazetteer.value,
    offer: indexOffer(dataset.value),
  });
}
