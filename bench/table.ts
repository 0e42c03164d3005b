/** The README's performance table, made from `npm run bench`'s JSON (bench/results.json). */

export interface BenchResult {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  date: string;
  zoneAt: { communes: number; points: number; flatbushUsPerPoint: number; scanWithBboxPrefilterUsPerPoint: number; scanEveryCommuneUsPerPoint: number; speedupVsBboxScan: number; speedupVsFullScan: number; sameAnswers: boolean };
  lheoImport: { bytes: number; offers: number; streamingMs: number; wholeFileMs: number; streamingPeakHeapMB: number; wholeFilePeakHeapMB: number; memoryRatio: number };
  startupDownload: { totalGzipKB: number; bareMaplibreGzipKB: number; ratio: number };
}

export const BENCH_MARKERS = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;

export function renderBenchTable(result: BenchResult): string {
  const { zoneAt, lheoImport, startupDownload, machine } = result;
  const number = (value: number) => value.toLocaleString('en-US');
  const table = [
    `Measured ${result.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node} (\`bench/results.json\`).`,
    '',
    '| what | result |',
    '| --- | --- |',
    `| which commune holds a point (${number(zoneAt.communes)} communes, the same ${number(zoneAt.points)} synthetic points drawn like real places) | Flatbush index ${zoneAt.flatbushUsPerPoint} µs/point; scan with a bounding-box prefilter ${zoneAt.scanWithBboxPrefilterUsPerPoint} µs (×${zoneAt.speedupVsBboxScan}); scan of every commune ${zoneAt.scanEveryCommuneUsPerPoint} µs (×${zoneAt.speedupVsFullScan}); same answers: ${zoneAt.sameAnswers} |`,
    `| LHEO import as the app does it (${Math.round(lheoImport.bytes / 1e6)} MB synthetic file, ${number(lheoImport.offers)} offers) | streamed: peak heap +${lheoImport.streamingPeakHeapMB} MB, ${number(lheoImport.streamingMs)} ms; whole file read first: +${lheoImport.wholeFilePeakHeapMB} MB, ${number(lheoImport.wholeFileMs)} ms → ×${lheoImport.memoryRatio} less memory |`,
    `| start-up download (production build, gzip -9) | ${startupDownload.totalGzipKB} KB = ×${startupDownload.ratio} maplibre-gl alone (${startupDownload.bareMaplibreGzipKB} KB) |`,
  ].join('\n');
  return table;
}
