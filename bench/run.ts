/**
 * npm run bench — speed and memory as ratios against fair naive baselines, and the sizes of what
 * the browser downloads. Prints ONE JSON document on stdout (the README's table is made from it by
 * `npm run bench:table`, from the copy saved in bench/results.json); human-readable lines go to stderr.
 *
 * Uses SYNTHETIC data (points drawn in real communes, generated LHEO offers), labelled as such;
 * none of it is ever shown in the app. Needs the production build (`npm run bench` builds it).
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox, booleanPointInPolygon, distance as turfDistance } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { readGazetteer } from '../src/domain/gazetteer.ts';
import { createZoneIndex } from '../src/geo/zone-index.ts';
import { decodeDataset } from '../src/domain/dataset-codec.ts';
import { decodeJobVocabulary } from '../src/domain/jobs.ts';
import { createSearchEngine, searchDocuments } from '../src/domain/search.ts';
import { foldText } from '../src/domain/text.ts';
import { runBrowserBench } from './browser-bench.ts';
import { createSiteIndex, forEachWithinDistance, nearestSites, sitesWithinDistance } from '../src/geo/site-index.ts';
import { createCommuneLocator } from '../src/ingest/commune-locator.ts';
import { DatasetBuilder } from '../src/ingest/dataset-builder.ts';
import { importTrainingFile } from '../src/ingest/import-file.ts';
import { importLheoOffer } from '../src/ingest/lheo-import.ts';
import { parseLheoText } from '../src/ingest/lheo.ts';

const say = (text: string) => process.stderr.write(`${text}\n`);
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** Mulberry32: a seeded generator, so every run draws the same synthetic points. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index with a probability proportional to its weight (a seeded draw): places "like real ones". */
function weightedPicker(weights: readonly number[], next: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += Math.max(weight, 1)));
  return () => {
    const target = next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** Median time per call of `run` over `points`, in µs, from `repeats` passes (the first warms up). */
function timePerPoint<T>(points: readonly [number, number][], run: (point: [number, number]) => T, repeats = 3): { usPerPoint: number; answers: T[] } {
  let answers: T[] = [];
  const samples: number[] = [];
  for (let pass = 0; pass <= repeats; pass += 1) {
    const start = performance.now();
    answers = points.map(run);
    const elapsed = performance.now() - start;
    if (pass > 0) samples.push((elapsed * 1000) / points.length);
  }
  samples.sort((a, b) => a - b);
  return { usPerPoint: samples[Math.floor(samples.length / 2)] ?? 0, answers };
}

const result: Record<string, unknown> = {
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform },
  date: new Date().toISOString().slice(0, 10),
  syntheticData: 'points and LHEO offers are generated for this benchmark; none is shown in the app',
};

// 1. Which commune is a point in. Points are drawn like real places: a commune picked with a
//    probability proportional to its population, then a uniform point inside its polygon. The
//    index and two naive scans (every commune; every commune whose bounding box holds the point)
//    answer the SAME points.
{
  type Commune = Feature<Polygon | MultiPolygon, { code: string }>;
  const topology = JSON.parse(readFileSync('public/geo/communes.topo.json', 'utf8')) as Topology;
  const communes = (feature(topology, topology.objects['communes'] as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>).features;
  const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')));
  if (!gazetteer.ok) throw new Error(gazetteer.error);
  const population = new Map(gazetteer.value.communes.map((commune) => [commune.code, commune.population]));
  const boxes = communes.map((commune) => bbox(commune));
  const next = random(42);
  const pick = weightedPicker(communes.map((commune) => population.get(commune.properties.code) ?? 0), next);
  const pointIn = (index: number): [number, number] => {
    const commune = communes[index] as Commune;
    const [west, south, east, north] = boxes[index] ?? [0, 0, 0, 0];
    for (;;) {
      const point: [number, number] = [west + next() * (east - west), south + next() * (north - south)];
      if (booleanPointInPolygon(point, commune)) return point;
    }
  };
  const points = Array.from({ length: 2_000 }, () => pointIn(pick()));
  const build = performance.now();
  const index = createZoneIndex(communes);
  const buildMs = performance.now() - build;
  const indexed = timePerPoint(points, (point) => index.zoneAt(point)?.properties.code);
  const scanAll = timePerPoint(points, (point) => communes.find((commune) => booleanPointInPolygon(point, commune))?.properties.code, 1);
  const scanBoxes = timePerPoint(points, (point) => {
    for (let item = 0; item < communes.length; item += 1) {
      const [west, south, east, north] = boxes[item] ?? [0, 0, 0, 0];
      if (point[0] < west || point[0] > east || point[1] < south || point[1] > north) continue;
      const commune = communes[item] as Commune;
      if (booleanPointInPolygon(point, commune)) return commune.properties.code;
    }
    return undefined;
  });
  const agree = points.every((_point, item) => indexed.answers[item] === scanAll.answers[item] && indexed.answers[item] === scanBoxes.answers[item]);
  result['zoneAt'] = {
    what: 'which of the 3,782 communes holds a point; 2,000 synthetic points drawn like real places (population-weighted communes, uniform inside each)',
    communes: communes.length,
    points: points.length,
    indexBuildMs: round(buildMs, 1),
    flatbushUsPerPoint: round(indexed.usPerPoint, 2),
    scanWithBboxPrefilterUsPerPoint: round(scanBoxes.usPerPoint, 2),
    scanEveryCommuneUsPerPoint: round(scanAll.usPerPoint, 1),
    speedupVsBboxScan: round(scanBoxes.usPerPoint / indexed.usPerPoint, 1),
    speedupVsFullScan: round(scanAll.usPerPoint / indexed.usPerPoint, 0),
    sameAnswers: agree,
  };
  say(
    `zoneAt: Flatbush ${indexed.usPerPoint.toFixed(2)} µs/point; scan with bbox prefilter ${scanBoxes.usPerPoint.toFixed(1)} µs (×${(scanBoxes.usPerPoint / indexed.usPerPoint).toFixed(1)}); scan of every commune ${scanAll.usPerPoint.toFixed(0)} µs (×${(scanAll.usPerPoint / indexed.usPerPoint).toFixed(0)}); same answers: ${agree}`,
  );
}

// 2. Importing an LHEO file as the app does it (the worker's importTrainingFile: streamed parse,
//    locate every action, build the dataset) vs the same import reading the whole file first.
{
  const directory = mkdtempSync(join(tmpdir(), 'cfe-bench-'));
  const file = join(directory, 'synthetic-lheo.xml');
  const communes = [
    ['59350', 50.63, 3.06],
    ['80021', 49.89, 2.3],
    ['62041', 50.29, 2.78],
    ['02691', 49.85, 3.29],
    ['60057', 49.43, 2.08],
  ] as const;
  const offer = (index: number) => {
    const [code, lat, lng] = communes[index % communes.length] ?? communes[0];
    return `<formation numero="SYN-${index}"><domaine-formation><code-NSF>312</code-NSF></domaine-formation><intitule-formation>Formation synthétique ${index}</intitule-formation><objectif-formation>${'&lt;p&gt;Texte de test synthétique. &lt;/p&gt;'.repeat(20)}</objectif-formation><code-niveau-sortie>14</code-niveau-sortie><action numero="A"><lieu-de-formation><coordonnees><adresse><code-INSEE-commune>${code}</code-INSEE-commune><geolocalisation><latitude>${lat + (index % 100) / 10000}</latitude><longitude>${lng}</longitude></geolocalisation></adresse></coordonnees></lieu-de-formation><session><periode><debut>20270100</debut><fin>20270600</fin></periode></session></action></formation>\n`;
  };
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<!-- SYNTHETIC BENCHMARK DATA -->\n<lheo xmlns="http://lheo.gouv.fr/2.3"><offres>\n'];
  const OFFERS = 40_000;
  for (let index = 0; index < OFFERS; index += 1) parts.push(offer(index));
  parts.push('</offres></lheo>\n');
  writeFileSync(file, parts.join(''));
  parts.length = 0;
  const size = statSync(file).size;
  const locator = createCommuneLocator(JSON.parse(readFileSync('public/data/communes.json', 'utf8')), JSON.parse(readFileSync('public/geo/communes.topo.json', 'utf8')));
  if (!locator.ok) throw new Error(locator.error);
  const source = { id: 'bench', label: 'synthetic', file: 'synthetic-lheo.xml', date: '-', licence: '-', origin: 'SYNTHETIC benchmark data' };
  const heap = () => process.memoryUsage().heapUsed;
  const settle = () => {
    global.gc?.();
    global.gc?.();
    return heap();
  };

  // As the app does it: chunks in, progress out; the heap is sampled at every progress report.
  let base = settle();
  let peakStreaming = 0;
  const streamStart = performance.now();
  const streamed = await importTrainingFile({ format: 'lheo', name: 'synthetic-lheo.xml', chunks: createReadStream(file, { highWaterMark: 1 << 16 }) }, locator.value, source, () => {
    peakStreaming = Math.max(peakStreaming, heap() - base);
  });
  const streamMs = performance.now() - streamStart;
  peakStreaming = Math.max(peakStreaming, heap() - base);
  if (!streamed.ok) throw new Error(streamed.error);
  const streamedTrainings = streamed.value.dataset.trainings.length;

  // Naive: the whole file as one string, every offer parsed into memory, then imported.
  base = settle();
  let peakNaive = 0;
  const naiveStart = performance.now();
  {
    const text = readFileSync(file, 'utf8');
    const parsed = parseLheoText(text);
    peakNaive = Math.max(peakNaive, heap() - base);
    const builder = new DatasetBuilder();
    builder.addSource(source);
    for (const [index, item] of parsed.offers.entries()) {
      importLheoOffer(item, builder, locator.value, source.id);
      if (index % 2000 === 0) peakNaive = Math.max(peakNaive, heap() - base);
    }
    const built = builder.build();
    peakNaive = Math.max(peakNaive, heap() - base);
    if (built.dataset.trainings.length !== streamedTrainings) throw new Error('the two imports disagree');
  }
  const naiveMs = performance.now() - naiveStart;
  rmSync(directory, { recursive: true, force: true });
  result['lheoImport'] = {
    what: `import of a ${round(size / 1e6, 0)} MB synthetic LHEO file (${OFFERS} offers) as the app's import worker does it, vs reading the whole file first; peak JS heap above the start`,
    bytes: size,
    offers: OFFERS,
    trainings: streamedTrainings,
    streamingMs: round(streamMs, 0),
    wholeFileMs: round(naiveMs, 0),
    streamingPeakHeapMB: round(peakStreaming / 1e6, 1),
    wholeFilePeakHeapMB: round(peakNaive / 1e6, 1),
    streamingHeapPerFileByte: round(peakStreaming / size, 2),
    memoryRatio: round(peakNaive / Math.max(peakStreaming, 1), 1),
  };
  say(
    `LHEO import (${(size / 1e6).toFixed(0)} MB synthetic, ${OFFERS} offers → ${streamedTrainings} trainings): streamed ${(streamMs / 1000).toFixed(1)} s, peak heap +${(peakStreaming / 1e6).toFixed(0)} MB; whole file first ${(naiveMs / 1000).toFixed(1)} s, +${(peakNaive / 1e6).toFixed(0)} MB → ×${(peakNaive / Math.max(peakStreaming, 1)).toFixed(1)} less memory`,
  );
}

// 3. "Trainings near me" at scale: 100,000 SYNTHETIC sites spread like the real ones (around real
//    communes, weighted by population). Radius and nearest queries by the kdbush index, by a
//    brute-force Turf scan and by a scan with a bounding-box prefilter, on the same query points.
{
  const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')));
  if (!gazetteer.ok) throw new Error(gazetteer.error);
  const communes = gazetteer.value.communes;
  const next = random(7);
  const pickIndex = weightedPicker(communes.map((commune) => commune.population), next);
  const pickCommune = () => communes[pickIndex()] ?? communes[0];
  // Within ~3 km of a commune's point, the way schools cluster in and around towns.
  const SITES = 100_000;
  const sites = Array.from({ length: SITES }, (_, index) => {
    const commune = pickCommune();
    const [lng, lat] = commune?.point ?? [2.8, 50.3];
    return { id: `syn-${index}`, point: [lng + (next() - 0.5) * 0.08, lat + (next() - 0.5) * 0.054] as [number, number], voie: next() < 0.3 ? 'apprentissage' : 'scolaire', niveau: 3 + Math.floor(next() * 5) };
  });
  const buildStart = performance.now();
  const index = createSiteIndex(sites);
  const buildMs = performance.now() - buildStart;
  const queries = Array.from({ length: 200 }, () => pickCommune()?.point ?? ([2.8, 50.3] as [number, number]));
  const stats = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
  };
  const timeEach = (run: (center: [number, number]) => number, count = queries.length) => {
    const samples: number[] = [];
    let answers = 0;
    for (const center of queries.slice(0, count)) {
      const start = performance.now();
      answers += run(center);
      samples.push(performance.now() - start);
    }
    return { ...stats(samples), answers };
  };
  const radiusRun = (RADIUS: number) => {
    // What the app asks (selectSitesInReach, the nearest way out): every site in the circle with its
    // distance, in no order; the scans below answer the same question (how many, which).
    const indexed = timeEach((center) => forEachWithinDistance(index, center, RADIUS, () => undefined));
    const turf = timeEach((center) => sites.filter((site) => turfDistance(center, site.point, { units: 'kilometers' }) <= RADIUS).length, 20);
    const degreesLat = RADIUS / 111.2;
    const boxed = timeEach((center) => {
      const degreesLng = degreesLat / Math.cos((center[1] * Math.PI) / 180);
      return sites.filter((site) => Math.abs(site.point[0] - center[0]) <= degreesLng && Math.abs(site.point[1] - center[1]) <= degreesLat && turfDistance(center, site.point, { units: 'kilometers' }) <= RADIUS).length;
    }, 50);
    return {
      km: RADIUS,
      sitesFoundPerQuery: Math.round(indexed.answers / queries.length),
      indexMedianMs: round(indexed.median, 3),
      indexP95Ms: round(indexed.p95, 3),
      turfScanMedianMs: round(turf.median, 3),
      turfScanP95Ms: round(turf.p95, 3),
      bboxScanMedianMs: round(boxed.median, 3),
      bboxScanP95Ms: round(boxed.p95, 3),
      ratioVsTurfScan: round(turf.median / indexed.median, 0),
      ratioVsBboxScan: round(boxed.median / indexed.median, 1),
    };
  };
  const radius5 = radiusRun(5);
  const radius20 = radiusRun(20);
  const RADIUS = 20;
  const K = 10;
  const nearestIndex = timeEach((center) => nearestSites(index, center, K).length);
  const nearestTurf = timeEach((center) => sites.map((site) => turfDistance(center, site.point, { units: 'kilometers' })).sort((a, b) => a - b).slice(0, K).length, 20);
  const sameRadius = queries.slice(0, 20).every((center) => sitesWithinDistance(index, center, RADIUS * 0.9999).length <= sites.filter((site) => turfDistance(center, site.point, { units: 'kilometers' }) <= RADIUS).length);
  // A list update as the list selector does it: the sites in reach with their distance (visited,
  // nothing allocated per site), filtered (voie, level), then sorted by distance on numbers in
  // typed arrays (selectSitesInView's sortBy).
  const kms = new Float64Array(SITES);
  const order = new Uint32Array(SITES);
  const listUpdate = timeEach((center) => {
    let found = 0;
    forEachWithinDistance(index, center, 30, (site, km) => {
      if (site.voie !== 'apprentissage' || site.niveau < 4) return;
      kms[found] = km;
      order[found] = found;
      found += 1;
    });
    order.subarray(0, found).sort((a, b) => (kms[a] ?? 0) - (kms[b] ?? 0));
    return found;
  }, 200);
  // The same list update the way it was done before: an object per site found, the whole set sorted.
  const listUpdateSorted = timeEach((center) => sitesWithinDistance(index, center, 30, { accept: (site) => site.voie === 'apprentissage' && site.niveau >= 4 }).length, 200);
  const round3 = (value: number) => round(value, 3);
  result['nearMe'] = {
    what: `${SITES.toLocaleString('en-US')} SYNTHETIC sites around real communes (population-weighted); 200 query points at real communes (population-weighted); radius 5 and ${RADIUS} km, nearest ${K}; times in ms per query`,
    sites: SITES,
    indexBuildMs: round(buildMs, 1),
    radius: [radius5, radius20],
    nearest: { indexMedianMs: round3(nearestIndex.median), indexP95Ms: round3(nearestIndex.p95), turfScanMedianMs: round3(nearestTurf.median), turfScanP95Ms: round3(nearestTurf.p95), ratioVsTurfScan: round(nearestTurf.median / nearestIndex.median, 0) },
    listUpdate30kmMedianMs: round3(listUpdate.median),
    listUpdate30kmP95Ms: round3(listUpdate.p95),
    listUpdate30kmAllSortedMedianMs: round3(listUpdateSorted.median),
    listUpdate30kmAllSortedP95Ms: round3(listUpdateSorted.p95),
    sameAnswers: sameRadius,
  };
  for (const run of [radius5, radius20]) say(`near me, radius ${run.km} km (${run.sitesFoundPerQuery} sites found per query): index ${run.indexMedianMs} ms vs Turf scan ${run.turfScanMedianMs} ms (×${run.ratioVsTurfScan}) vs bbox scan ${run.bboxScanMedianMs} ms (×${run.ratioVsBboxScan})`);
  say(`near me (100,000 synthetic sites): index build ${buildMs.toFixed(0)} ms; nearest ${K}: ${nearestIndex.median.toFixed(3)} ms vs ${nearestTurf.median.toFixed(0)} ms; list update ${listUpdate.median.toFixed(2)} ms (p95 ${listUpdate.p95.toFixed(2)}) vs every result sorted ${listUpdateSorted.median.toFixed(2)} ms (p95 ${listUpdateSorted.p95.toFixed(2)})`);
}

// 3b. Search at scale: the search worker's index (trainings + job vocabulary) over 100,000
//     SYNTHETIC trainings made of real titles, bodies and communes recombined, and the query
//     latency of real queries, against a fair naive baseline (every document's folded text scanned
//     for every word of the query, no typo tolerance), on the same documents and queries.
{
  const dataset = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')));
  if (!dataset.ok) throw new Error(dataset.error);
  const vocabulary = decodeJobVocabulary(JSON.parse(readFileSync('public/data/metiers.json', 'utf8')));
  if (!vocabulary.ok) throw new Error(vocabulary.error);
  const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')));
  if (!gazetteer.ok) throw new Error(gazetteer.error);
  const real = searchDocuments(dataset.value.trainings, () => '');
  const communes = gazetteer.value.communes;
  const next = random(11);
  const TRAININGS = 100_000;
  const documents = Array.from({ length: TRAININGS }, (_, index) => {
    const model = real[Math.floor(next() * real.length)] ?? real[0];
    const body = real[Math.floor(next() * real.length)] ?? real[0];
    return { id: `syn-${index}`, intitule: model?.intitule ?? '', diplome: model?.diplome ?? '', organisme: body?.organisme ?? '', commune: communes[Math.floor(next() * communes.length)]?.nom ?? '', romes: model?.romes ?? [] };
  });
  const queries = ['soudeur', 'aide soignant', 'maintenence', 'comptabilte', 'bts mco', 'cap aepe', 'developpeur web', 'boulanger', 'electricien', 'lens', 'management commercial operationnel', 'soudure'];
  const buildStart = performance.now();
  const engine = createSearchEngine(documents, vocabulary.value);
  const buildMs = performance.now() - buildStart;
  const folded = documents.map((document) => foldText(`${document.intitule} ${document.diplome} ${document.organisme} ${document.commune}`));
  const naive = (query: string) => {
    const words = foldText(query).split(' ');
    let count = 0;
    for (const text of folded) if (words.every((word) => text.includes(word))) count += 1;
    return count;
  };
  const time = (run: (query: string) => unknown, rounds: number) => {
    const samples: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const query of queries) {
        const start = performance.now();
        run(query);
        samples.push(performance.now() - start);
      }
    }
    samples.sort((a, b) => a - b);
    return { median: samples[Math.floor(samples.length / 2)] ?? 0, p95: samples[Math.floor(samples.length * 0.95)] ?? 0 };
  };
  const indexed = time((query) => {
    engine.search(query);
    engine.suggestJobs(query);
  }, 5);
  const scanned = time(naive, 3);
  const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
  result['search'] = {
    what: `${TRAININGS.toLocaleString('en-US')} SYNTHETIC trainings (real titles, bodies and communes recombined) and the real job vocabulary; ${queries.length} real queries (job words, typos, acronyms, a commune); the engine answers with ranked results and job suggestions, the baseline scans every document's folded text for each word (no typos, no ranking, no jobs)`,
    trainings: TRAININGS,
    vocabularyJobTitles: vocabulary.value.appellations.length,
    indexBuildMs: round(buildMs, 0),
    queryMedianMs: round(indexed.median, 2),
    queryP95Ms: round(indexed.p95, 2),
    scanMedianMs: round(scanned.median, 2),
    scanP95Ms: round(scanned.p95, 2),
    ratioVsScan: round(scanned.median / indexed.median, 1),
    vocabularyGzipKB: round(gz('public/data/metiers.json') / 1024, 0),
  };
  say(`search (100,000 synthetic trainings): index build ${buildMs.toFixed(0)} ms; query + suggestions ${indexed.median.toFixed(2)} ms median (p95 ${indexed.p95.toFixed(2)}) vs scan ${scanned.median.toFixed(2)} ms`);
}

// 4. What the browser downloads at start-up (the production build, gzip level 9).
{
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
  // The plan's and the embedded version's chunks are fetched only when a person turns the plan on, or by ?integre=1.
  const lazyChunk = (name: string) => /^(EmbedApp|plan-ign)-/.test(name);
  const assets = readdirSync('dist/assets').filter((name) => !name.endsWith('.map') && !name.endsWith('.woff') && !name.startsWith('import-worker') && !lazyChunk(name));
  const startup = ['dist/index.html', ...assets.map((name) => `dist/assets/${name}`), 'dist/geo/hauts-de-france.topo.json', 'dist/geo/context.topo.json', 'dist/data/communes.json', 'dist/data/map-sites.json', 'dist/data/trainings.json'];
  const files = startup.map((path) => ({ path: path.replace(/^dist\//, ''), bytes: statSync(path).size, gzipBytes: gz(path) }));
  const total = files.reduce((sum, row) => sum + row.gzipBytes, 0);
  const bare = gz('node_modules/maplibre-gl/dist/maplibre-gl.mjs') + gz('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs') + gz('node_modules/maplibre-gl/dist/maplibre-gl.css');
  result['startupDownload'] = {
    what: 'bytes the browser fetches at start-up (production build, gzip -9), vs maplibre-gl alone (JS, worker, CSS)',
    files,
    totalGzipKB: round(total / 1024, 0),
    bareMaplibreGzipKB: round(bare / 1024, 0),
    ratio: round(total / bare, 2),
    // Fetched later: the commune boundaries at street zoom, the job vocabulary by the search worker on the first search.
    onDemand: {
      'geo/communes.topo.json': round(gz('dist/geo/communes.topo.json') / 1024, 0),
      'data/metiers.json': round(gz('dist/data/metiers.json') / 1024, 0),
      ...Object.fromEntries(readdirSync('dist/assets').filter((name) => lazyChunk(name) && name.endsWith('.js')).map((name) => [`assets/${name}`, round(gz(`dist/assets/${name}`) / 1024, 1)])),
    },
    vocabularyShareOfStartup: round(gz('dist/data/metiers.json') / total, 2),
  };
  for (const row of files) say(`  ${row.path.padEnd(52)} ${(row.bytes / 1024).toFixed(0).padStart(6)} KB  ${(row.gzipBytes / 1024).toFixed(0).padStart(5)} KB gz`);
  say(`start-up download: ${(total / 1024).toFixed(0)} KB gzipped, ×${(total / bare).toFixed(2)} maplibre-gl alone (${(bare / 1024).toFixed(0)} KB)`);
}

// 5. The performance budget in a real browser (needs Chromium; says so in the JSON when absent).
{
  const dataset = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')));
  if (!dataset.ok) throw new Error(dataset.error);
  say('browser: production build vs a bare MapLibre page, cold loads…');
  const browser = await runBrowserBench(dataset.value);
  result['browser'] = browser;
  say(`browser: ${JSON.stringify((browser as { ratios?: unknown }).ratios ?? browser)}`);
}

const json = `${JSON.stringify(result, null, 2)}\n`;
// Kept beside the script so `npm run bench:table` can write the README's table from it.
writeFileSync('bench/results.json', json);
process.stdout.write(json);
