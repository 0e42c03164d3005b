import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { AREA_PROPERTIES, checkTopology, ZONE_PROPERTIES } from '../domain/topology-check.ts';
import { decodeDataset } from '../domain/dataset-codec.ts';
import { readGazetteer } from '../domain/gazetteer.ts';
import { decodeMapSites, MAP_SITES_FILE } from '../domain/map-sites.ts';
import { indexOffer } from '../domain/offer-index.ts';
import { TOPOLOGY_OBJECTS, ZONINGS, type Zoning } from '../domain/zones.ts';
import { ok, type Result } from '../domain/result.ts';
import { fetchJson, fetchJsonAfter, fileName } from '../ingest/fetch-json.ts';
import type { AppData, AreaCollection, Boundaries, ZoneCollection } from './app-data.ts';

function collection<T>(topology: Topology, name: string): T {
  return feature(topology, topology.objects[name] as GeometryCollection) as unknown as T;
}

/** What the map draws from each topology: its objects and their properties. */
export const ZONINGS_OBJECTS = { region: AREA_PROPERTIES, ...Object.fromEntries(ZONINGS.map((zoning) => [TOPOLOGY_OBJECTS[zoning], ZONE_PROPERTIES])) };
export const CONTEXT_OBJECTS = { departements_voisins: AREA_PROPERTIES, pays: AREA_PROPERTIES };

/**
 * Loads the boundaries and the basemap context (all the first map frame needs: the zones are drawn
 * before the training offer arrives) and the gazetteer (places to search from, from the start).
 */
export async function loadBoundaries(baseUrl: string): Promise<Result<Boundaries>> {
  const files = { zonings: `${baseUrl}geo/hauts-de-france.topo.json`, context: `${baseUrl}geo/context.topo.json` };
  const [zonings, contextFile, communes, mapSitesFile] = await Promise.all([fetchJson(files.zonings), fetchJson(files.context), fetchJson(`${baseUrl}data/communes.json`), fetchJson(`${baseUrl}data/${MAP_SITES_FILE}`)]);
  if (!zonings.ok) return zonings;
  if (!contextFile.ok) return contextFile;
  if (!communes.ok) return communes;
  const gazetteer = readGazetteer(communes.value);
  if (!gazetteer.ok) return gazetteer;
  const zoningTopology = checkTopology(zonings.value, fileName(files.zonings), ZONINGS_OBJECTS);
  if (!zoningTopology.ok) return zoningTopology;
  const contextTopology = checkTopology(contextFile.value, fileName(files.context), CONTEXT_OBJECTS);
  if (!contextTopology.ok) return contextTopology;
  const zones = {} as Record<Zoning, ZoneCollection>;
  for (const zoning of ZONINGS) zones[zoning] = collection<ZoneCollection>(zoningTopology.value, TOPOLOGY_OBJECTS[zoning]);
  const region = collection<AreaCollection>(zoningTopology.value, 'region');
  const context = { departements: collection<AreaCollection>(contextTopology.value, 'departements_voisins'), pays: collection<AreaCollection>(contextTopology.value, 'pays') };
  // The default view's sites, drawn with the zones: only a head start (the offer draws them anyway,
  // and corrects them), so a missing or damaged file is said in the console and costs nothing else.
  const mapSites = mapSitesFile.ok ? decodeMapSites(mapSitesFile.value) : mapSitesFile;
  if (!mapSites.ok) console.warn(`${mapSites.error} (la carte attend l'offre de formation pour ses lieux)`);
  return ok({ zones, region, context, gazetteer: gazetteer.value, firstSites: mapSites.ok ? mapSites.value : null });
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Loads the training offer, and completes the app's data with the boundaries. The file is requested
 * once the boundaries are in (what the first frame needs does not share a slow connection with it).
 * @param after - the file is parsed (main-thread work) only after this
 */
export async function loadOffer(baseUrl: string, boundaries: Promise<Result<Boundaries>>, after: Promise<unknown> = Promise.resolve()): Promise<Result<AppData>> {
  const loaded = await boundaries;
  if (!loaded.ok) return loaded;
  const trainings = await fetchJsonAfter(`${baseUrl}data/trainings.json`, after);
  if (!trainings.ok) return trainings;
  // Each step in a task of its own: between them the map's worker gets its answers (the tiles of
  // the town names and of map-sites.json are cut meanwhile, not after the whole parse).
  await nextTask();
  const dataset = decodeDataset(trainings.value);
  if (!dataset.ok) return dataset;
  await nextTask();
  return ok({ ...loaded.value, offer: indexOffer(dataset.value) });
}

/** Loads everything the app shows at start-up, from its own files. */
export async function loadAppData(baseUrl: string): Promise<Result<AppData>> {
  return loadOffer(baseUrl, loadBoundaries(baseUrl));
}
