import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { decodeDataset } from '../domain/dataset-codec.ts';
import { readGazetteer } from '../domain/gazetteer.ts';
import { indexOffer } from '../domain/offer-index.ts';
import { TOPOLOGY_OBJECTS, ZONINGS, type Zoning } from '../domain/zones.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { fetchJson, fetchJsonAfter, fileName } from '../ingest/fetch-json.ts';
import type { AppData, AreaCollection, Boundaries, ZoneCollection } from './app-data.ts';

function collection<T>(topology: Topology, name: string, file: string): Result<T> {
  const object = topology.objects?.[name];
  if (!object) return fail(`${fileName(file)} : pas d'objet « ${name} » dans la topologie ; rechargez la page (une version plus récente de la carte est peut-être en ligne)`);
  return ok(feature(topology, object) as unknown as T);
}

/**
 * Loads the boundaries and the basemap context (all the first map frame needs: the zones are drawn
 * before the training offer arrives) and the gazetteer (places to search from, from the start).
 */
export async function loadBoundaries(baseUrl: string): Promise<Result<Boundaries>> {
  const files = { zonings: `${baseUrl}geo/hauts-de-france.topo.json`, context: `${baseUrl}geo/context.topo.json` };
  const [zonings, context, communes] = await Promise.all([fetchJson(files.zonings), fetchJson(files.context), fetchJson(`${baseUrl}data/communes.json`)]);
  if (!zonings.ok) return zonings;
  if (!context.ok) return context;
  if (!communes.ok) return communes;
  const gazetteer = readGazetteer(communes.value);
  if (!gazetteer.ok) return gazetteer;
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
  if (!region.ok) return region;
  if (!departements.ok) return departements;
  if (!pays.ok) return pays;
  return ok({ zones, region: region.value, context: { departements: departements.value, pays: pays.value }, gazetteer: gazetteer.value });
}

/**
 * Loads the training offer, and completes the app's data with the boundaries.
 * @param after - the file downloads at once, but is parsed (main-thread work) only after this
 */
export async function loadOffer(baseUrl: string, boundaries: Promise<Result<Boundaries>>, after: Promise<unknown> = Promise.resolve()): Promise<Result<AppData>> {
  const [trainings, loaded] = await Promise.all([fetchJsonAfter(`${baseUrl}data/trainings.json`, after), boundaries]);
  if (!loaded.ok) return loaded;
  if (!trainings.ok) return trainings;
  const dataset = decodeDataset(trainings.value);
  if (!dataset.ok) return dataset;
  return ok({ ...loaded.value, offer: indexOffer(dataset.value) });
}

/** Loads everything the app shows at start-up, from its own files. */
export async function loadAppData(baseUrl: string): Promise<Result<AppData>> {
  return loadOffer(baseUrl, loadBoundaries(baseUrl));
}
