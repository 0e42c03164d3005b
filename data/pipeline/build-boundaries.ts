/**
 * Boundaries pipeline: commune polygons + INSEE zones d'emploi + decoupage-administratif
 * → public/geo/hauts-de-france.topo.json (zonings), public/geo/communes.topo.json,
 *   public/geo/context.topo.json (basemap around the region), public/data/communes.json (gazetteer).
 *
 * Usage: npm run data:geo -- [--sources ../shared/sources] [--out .] [--spel table.csv]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { parseZoneEmploiComposition } from '../../src/ingest/insee-zones-emploi.ts';
import { REGION_CODE, REGION_DEPARTEMENTS } from '../../src/domain/zones.ts';
import { assignCommunes, type DecoupageArrondissement, type DecoupageCommune, type SpelAssignment } from './lib/commune-assignment.ts';
import { parseArguments, sourcesDirectory, stop } from './lib/cli.ts';
import { readInputBuffer, readInputJson, writeOutput } from './lib/files.ts';
import { validateAreaCollection } from './lib/geojson-input.ts';
import { buildContext } from './lib/context.ts';
import { buildGazetteer } from './lib/gazetteer.ts';
import { buildZoningTopology, pickObjects } from './lib/zoning-topology.ts';
import { parseSpelTable } from './lib/spel-table.ts';
import { bassinName, readBassinTable } from '../../src/ingest/bassins.ts';
import { parseCsvRecords } from '../../src/ingest/csv.ts';

const require = createRequire(import.meta.url);
const options = parseArguments(process.argv.slice(2));
const sources = sourcesDirectory(options);
const outRoot = resolve(options.get('out') ?? '.');

const communePath = join(sources, 'geo/communes-hauts-de-france.geojson');
const departementsPath = join(sources, 'geo/departements-france-simplifie.geojson');
const workbookPath = join(sources, 'insee/ZE2020_au_01-01-2023.xlsx');

const communesSource = validateAreaCollection(
  readInputJson(communePath, 'a GeoJSON FeatureCollection of commune polygons with properties code and nom'),
  communePath,
);
if (!communesSource.ok) stop(communesSource.error);
const departementsSource = validateAreaCollection(
  readInputJson(departementsPath, 'a GeoJSON FeatureCollection of départements with properties code and nom'),
  departementsPath,
);
if (!departementsSource.ok) stop(departementsSource.error);

let sheets: { sheet: string; data: unknown[][] }[];
try {
  sheets = (await readXlsxFile(readInputBuffer(workbookPath, "INSEE's ZE2020 workbook"))) as { sheet: string; data: unknown[][] }[];
} catch (error) {
  stop(`${workbookPath} could not be read as an xlsx workbook (${(error as Error).message})`);
}
const compositionSheet = sheets.find((sheet) => sheet.sheet === 'Composition_communale');
if (!compositionSheet) stop(`${workbookPath}: no sheet "Composition_communale" (sheets: ${sheets.map((sheet) => sheet.sheet).join(', ')})`);
const composition = parseZoneEmploiComposition(compositionSheet.data as Parameters<typeof parseZoneEmploiComposition>[0]);
if (!composition.ok) stop(`${workbookPath}: ${composition.error}`);

const decoupage = require('@etalab/decoupage-administratif/data/communes.json') as DecoupageCommune[];
const arrondissements = require('@etalab/decoupage-administratif/data/arrondissements.json') as DecoupageArrondissement[];

let spelTable: Map<string, SpelAssignment> | undefined;
const spelPath = options.get('spel');
if (spelPath) {
  const parsed = parseSpelTable(readFileSync(spelPath, 'utf8'), spelPath);
  if (!parsed.ok) stop(parsed.error);
  spelTable = parsed.value;
}

const splitsPath = resolve('data/sources/zone-emploi-splits.csv');
const splits = parseCsvRecords(readFileSync(splitsPath, 'utf8'));
const compositionAliases = new Map(splits.map((row) => [row['code_commune'] ?? '', row['code_commune_2023'] ?? '']));
const assignment = assignCommunes(decoupage, arrondissements, composition.value, REGION_CODE, spelTable, compositionAliases);
if (!assignment.ok) stop(assignment.error);
const { communes, currentCodeOf, zoneEmploiNames, spelNames } = assignment.value;
const communeByCode = new Map(communes.map((commune) => [commune.code, commune]));
for (const feature of communesSource.value.features) {
  const code = String(feature.properties['code']);
  if (!currentCodeOf.has(code)) stop(`${communePath}: commune polygon ${code} matches no current or former commune of the region`);
}

const summarize = (codes: readonly string[]) => {
  const members = codes.map((code) => communeByCode.get(code)).filter((commune) => commune !== undefined);
  return {
    population: members.reduce((sum, commune) => sum + commune.population, 0),
    communes: members.length,
    departements: [...new Set(members.map((commune) => commune.departement))].sort(),
  };
};
// France Travail's bassins d'emploi (BMO): every current commune of the region in exactly one.
const bassinPath = join(sources, 'labour/bassins_bmo_communes.csv');
const bassins = readBassinTable(readInputBuffer(bassinPath, "France Travail's commune → bassin d'emploi table (BMO)").toString('utf8'), 'bassins_bmo_communes.csv');
if (!bassins.ok) stop(bassins.error);
const bassinOfCommune = new Map<string, string>();
for (const commune of communes) {
  const bassin = bassins.value.bassinOf.get(commune.code);
  if (!bassin) stop(`${bassinPath}: the commune ${commune.code} ${commune.nom} is in no bassin d'emploi`);
  bassinOfCommune.set(commune.code, bassin);
}
const spellings = [...communes.map((commune) => commune.nom), ...departementsSource.value.features.map((feature) => String(feature.properties['nom']))];
const bassinNames = new Map([...bassins.value.names].map(([code, raw]) => [code, bassinName(raw, spellings)]));
const departementNames = new Map(
  departementsSource.value.features.map((feature) => [String(feature.properties['code']), String(feature.properties['nom'])]),
);

const full = buildZoningTopology(
  communesSource.value,
  currentCodeOf,
  [
    {
      name: 'departements',
      keyOf: (code) => communeByCode.get(code)?.departement ?? '',
      propertiesOf: (key, codes) => ({ code: key, nom: departementNames.get(key) ?? key, ...summarize(codes) }),
    },
    {
      name: 'zones_emploi',
      keyOf: (code) => communeByCode.get(code)?.zoneEmploi ?? '',
      propertiesOf: (key, codes) => {
        const partial = communeByCode.get(codes[0] ?? '')?.zoneEmploiPartieRegionale === true;
        return {
          code: key,
          nom: zoneEmploiNames.get(key) ?? key,
          ...summarize(codes),
          ...(partial ? { partieRegionale: true } : {}),
        };
      },
    },
    {
      name: 'spel',
      keyOf: (code) => communeByCode.get(code)?.spel ?? '',
      propertiesOf: (key, codes) => ({ code: key, nom: spelNames.get(key) ?? key, ...summarize(codes) }),
    },
    {
      name: 'bassins',
      keyOf: (code) => bassinOfCommune.get(code) ?? '',
      propertiesOf: (key, codes) => ({ code: key, nom: bassinNames.get(key) ?? key, ...summarize(codes) }),
    },
  ],
  (code) => ({ code, nom: communeByCode.get(code)?.nom ?? code }),
  // 2e-7 square degrees ≈ 0.14 ha at this latitude: below what shows at the region's zoom levels.
  { minimumWeight: Number(options.get('min-weight') ?? 2e-7), quantization: 1e5 },
);

const zonings = pickObjects(full, ['region', 'departements', 'zones_emploi', 'spel', 'bassins']);
const communeTopology = pickObjects(full, ['communes']);
const gazetteer = buildGazetteer(communes, communesSource.value, currentCodeOf, bassinOfCommune);
const context = buildContext(departementsSource.value, REGION_DEPARTEMENTS, require('world-atlas/countries-10m.json'));

const outputs = {
  'public/geo/hauts-de-france.topo.json': JSON.stringify(zonings),
  'public/geo/communes.topo.json': JSON.stringify(communeTopology),
  'public/geo/context.topo.json': JSON.stringify(context),
  'public/data/communes.json': JSON.stringify(gazetteer),
};
for (const [path, content] of Object.entries(outputs)) {
  const size = writeOutput(join(outRoot, path), `${content}\n`);
  process.stdout.write(`${path}: ${(size.bytes / 1024).toFixed(1)} KB, ${(size.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
}
const counts = Object.fromEntries(
  Object.entries(zonings.objects).map(([name, object]) => [name, object.type === 'GeometryCollection' ? object.geometries.length : 0]),
);
process.stdout.write(`features: ${JSON.stringify(counts)}, communes: ${communes.length}\n`);
