/**
 * npm run bench — speed and memory as ratios against naive baselines, and the sizes of what the
 * browser downloads. Uses SYNTHETIC data (random points, generated LHEO offers), labelled as such;
 * none of it is ever shown in the app. Needs `npm run build` first for the download sizes.
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { createZoneIndex } from '../src/geo/zone-index.ts';
import { parseLheoText } from '../src/ingest/lheo.ts';
import { readLheoStream } from '../src/ingest/lheo-stream.ts';

const results: Record<string, unknown> = {};
const line = (text: string) => process.stdout.write(`${text}\n`);

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

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

// 1. Which commune is this point in: Flatbush index vs testing every commune.
{
  const topology = JSON.parse(readFileSync('public/geo/communes.topo.json', 'utf8')) as Topology;
  const communes = feature(topology, topology.objects['communes'] as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
  const next = random(42);
  const points = Array.from({ length: 100_000 }, () => [1.38 + next() * 2.8, 48.84 + next() * 2.25] as [number, number]);
  const build = time(() => createZoneIndex(communes.features));
  const indexed = time(() => points.map((point) => build.value.zoneAt(point)?.properties.code));
  const sample = points.slice(0, 1_000);
  const naive = time(() => sample.map((point) => communes.features.find((item) => booleanPointInPolygon(point, item))?.properties.code));
  const agree = sample.every((_point, index) => naive.value[index] === indexed.value[index]);
  const perPointIndexed = indexed.ms / points.length;
  const perPointNaive = naive.ms / sample.length;
  results['zoneAt'] = { points: points.length, buildMs: build.ms, perPointIndexedUs: perPointIndexed * 1000, perPointNaiveUs: perPointNaive * 1000, speedup: perPointNaive / perPointIndexed, agree };
  line(`zoneAt (3,782 communes, 100,000 synthetic points): index built in ${build.ms.toFixed(0)} ms; ${(perPointIndexed * 1000).toFixed(1)} µs/point vs ${(perPointNaive * 1000).toFixed(0)} µs/point scanning every commune → ×${(perPointNaive / perPointIndexed).toFixed(0)} faster; same answers: ${agree}`);
}

// 2. LHEO: streaming import vs reading the whole file into memory first.
{
  const directory = mkdtempSync(join(tmpdir(), 'cfe-bench-'));
  const file = join(directory, 'synthetic-lheo.xml');
  const offer = (index: number) =>
    `<formation numero="SYN-${index}"><domaine-formation><code-NSF>312</code-NSF></domaine-formation><intitule-formation>Formation synthétique ${index}</intitule-formation><objectif-formation>${'&lt;p&gt;Texte de test synthétique. &lt;/p&gt;'.repeat(20)}</objectif-formation><code-niveau-sortie>14</code-niveau-sortie><action numero="A"><lieu-de-formation><coordonnees><adresse><code-INSEE-commune>59350</code-INSEE-commune><geolocalisation><latitude>50.63</latitude><longitude>3.06</longitude></geolocalisation></adresse></coordonnees></lieu-de-formation><session><periode><debut>20270100</debut><fin>20270600</fin></periode></session></action></formation>\n`;
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<!-- SYNTHETIC BENCHMARK DATA -->\n<lheo xmlns="http://lheo.gouv.fr/2.3"><offres>\n'];
  for (let index = 0; index < 40_000; index += 1) parts.push(offer(index));
  parts.push('</offres></lheo>\n');
  writeFileSync(file, parts.join(''));
  const size = statSync(file).size;
  global.gc?.();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakStreaming = 0;
  let offers = 0;
  const streamStart = performance.now();
  await readLheoStream(createReadStream(file, { highWaterMark: 1 << 20 }), () => {
    offers += 1;
    if (offers % 2000 === 0) peakStreaming = Math.max(peakStreaming, process.memoryUsage().heapUsed - baseHeap);
  });
  const streamMs = performance.now() - streamStart;
  global.gc?.();
  const naiveBase = process.memoryUsage().heapUsed;
  const naiveStart = performance.now();
  const whole = parseLheoText(readFileSync(file, 'utf8'));
  const peakNaive = process.memoryUsage().heapUsed - naiveBase;
  const naiveMs = performance.now() - naiveStart;
  rmSync(directory, { recursive: true, force: true });
  results['lheo'] = { bytes: size, offers, streamMs, naiveMs, streamingHeapBytes: peakStreaming, naiveHeapBytes: peakNaive, naiveOffers: whole.offers.length };
  line(
    `LHEO import (${(size / 1e6).toFixed(0)} MB synthetic file, ${offers} offers): streaming ${(streamMs / 1000).toFixed(1)} s, heap +${(peakStreaming / 1e6).toFixed(0)} MB (${(peakStreaming / size).toFixed(2)}× the file); whole file in memory ${(naiveMs / 1000).toFixed(1)} s, heap +${(peakNaive / 1e6).toFixed(0)} MB (${(peakNaive / size).toFixed(2)}× the file) → ×${(peakNaive / Math.max(peakStreaming, 1)).toFixed(1)} less memory`,
  );
}

// 3. What the browser downloads at start-up.
{
  if (!existsSync('dist/index.html')) {
    line('download sizes: run `npm run build` first');
  } else {
    const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
    const assets = readdirSync('dist/assets').filter((name) => !name.endsWith('.map') && !name.endsWith('.woff') && !name.startsWith('import-worker'));
    const startup = ['dist/index.html', ...assets.map((name) => `dist/assets/${name}`), 'dist/geo/hauts-de-france.topo.json', 'dist/geo/context.topo.json', 'dist/data/communes.json', 'dist/data/trainings.json'];
    const rows = startup.map((path) => ({ path: path.replace(/^dist\//, ''), bytes: statSync(path).size, gzip: gz(path) }));
    const total = rows.reduce((sum, row) => sum + row.gzip, 0);
    const bare = gz('node_modules/maplibre-gl/dist/maplibre-gl.mjs') + gz('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs') + gz('node_modules/maplibre-gl/dist/maplibre-gl.css');
    results['download'] = { rows, totalGzip: total, bareMaplibreGzip: bare, ratio: total / bare };
    for (const row of rows) line(`  ${row.path.padEnd(52)} ${(row.bytes / 1024).toFixed(0).padStart(6)} KB  ${(row.gzip / 1024).toFixed(0).padStart(5)} KB gz`);
    line(`start-up download: ${(total / 1024).toFixed(0)} KB gzipped, ×${(total / bare).toFixed(2)} a bare MapLibre page (${(bare / 1024).toFixed(0)} KB gzipped); communes.topo.json (${(gz('dist/geo/communes.topo.json') / 1024).toFixed(0)} KB gz) loads only when a file is opened`);
  }
}
writeFileSync(join(tmpdir(), 'cfe-bench.json'), JSON.stringify(results, null, 1));
