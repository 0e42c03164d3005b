/** The README's performance table, made from `npm run bench`'s JSON (bench/results.json). */

export interface BenchResult {
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  date: string;
  zoneAt: { communes: number; points: number; flatbushUsPerPoint: number; scanWithBboxPrefilterUsPerPoint: number; scanEveryCommuneUsPerPoint: number; speedupVsBboxScan: number; speedupVsFullScan: number; sameAnswers: boolean };
  lheoImport: { bytes: number; offers: number; streamingMs: number; wholeFileMs: number; streamingPeakHeapMB: number; wholeFilePeakHeapMB: number; memoryRatio: number };
  startupDownload: { totalGzipKB: number; bareMaplibreGzipKB: number; ratio: number; onDemand?: Record<string, number>; vocabularyShareOfStartup?: number };
  search?: { trainings: number; vocabularyJobTitles: number; indexBuildMs: number; queryMedianMs: number; queryP95Ms: number; scanMedianMs: number; scanP95Ms: number; ratioVsScan: number; vocabularyGzipKB: number };
  nearMe: {
    sites: number;
    indexBuildMs: number;
    radius: { km: number; sitesFoundPerQuery: number; indexMedianMs: number; indexP95Ms: number; turfScanMedianMs: number; bboxScanMedianMs: number; ratioVsTurfScan: number; ratioVsBboxScan: number }[];
    nearest: { indexMedianMs: number; turfScanMedianMs: number; ratioVsTurfScan: number };
    listUpdate30kmMedianMs: number;
    listUpdate30kmP95Ms: number;
    listUpdate30kmAllSortedMedianMs?: number;
    listUpdate30kmAllSortedP95Ms?: number;
  };
  browser?: {
    skipped?: string;
    loads?: number;
    app?: { firstRenderMs: number; readyMs: number; longTasks: number; heapAfterLoadMB: number };
    bare?: { firstRenderMs: number; readyMs: number };
    ratios?: { firstRender: number; ready: number };
    startUp?: { thirdPartyRequestsMax: number; scriptsUntilReady?: { app?: string[]; embed?: string[] }; embed: { firstRenderMs: number; readyMs: number; ratios: { firstRender: number; ready: number } } };
    slowNetwork?: { app: { firstRenderMs: number; sitesShownMs: number; readyMs: number }; avantMapSites: { firstRenderMs: number; sitesShownMs: number; readyMs: number }; sitesShownVersusBefore: number };
    trials?: Record<string, { firstRenderMs: number; readyMs: number; ratios: { firstRender: number; ready: number }; readyVersusApp: number; what: string } | string>;
    atScale?: { sites: number; heapAfterLoadMB: number; filterChangeMedianMs: number; filterChangeMapDrawnMedianMs: number };
    budgets?: { name: string; value: number; limit: number; unit: string; met: boolean; missedByPercent?: number; why?: string }[];
  };
}

export const BENCH_MARKERS = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;

export function renderBenchTable(result: BenchResult): string {
  const { zoneAt, lheoImport, startupDownload, machine, nearMe } = result;
  const number = (value: number) => value.toLocaleString('en-US');
  const table = [
    `Measured ${result.date} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node} (\`bench/results.json\`).`,
    '',
    '| what | result |',
    '| --- | --- |',
    `| which commune holds a point (${number(zoneAt.communes)} communes, the same ${number(zoneAt.points)} synthetic points drawn like real places) | Flatbush index ${zoneAt.flatbushUsPerPoint} µs/point; scan with a bounding-box prefilter ${zoneAt.scanWithBboxPrefilterUsPerPoint} µs (×${zoneAt.speedupVsBboxScan}); scan of every commune ${zoneAt.scanEveryCommuneUsPerPoint} µs (×${zoneAt.speedupVsFullScan}); same answers: ${zoneAt.sameAnswers} |`,
    `| LHEO import as the app does it (${Math.round(lheoImport.bytes / 1e6)} MB synthetic file, ${number(lheoImport.offers)} offers) | streamed: peak heap +${lheoImport.streamingPeakHeapMB} MB, ${number(lheoImport.streamingMs)} ms; whole file read first: +${lheoImport.wholeFilePeakHeapMB} MB, ${number(lheoImport.wholeFileMs)} ms → ×${lheoImport.memoryRatio} less memory |`,
    ...nearMe.radius.map(
      (run) =>
        `| sites within ${run.km} km of a place (${number(nearMe.sites)} synthetic sites, ~${number(run.sitesFoundPerQuery)} found per query) | kdbush index ${run.indexMedianMs} ms median (p95 ${run.indexP95Ms}); Turf scan ${run.turfScanMedianMs} ms (×${run.ratioVsTurfScan}); bbox-prefiltered scan ${run.bboxScanMedianMs} ms (×${run.ratioVsBboxScan}) |`,
    ),
    `| 10 nearest sites (${number(nearMe.sites)} synthetic sites) | index ${nearMe.nearest.indexMedianMs} ms vs Turf scan and sort ${nearMe.nearest.turfScanMedianMs} ms (×${nearMe.nearest.ratioVsTurfScan}); index built in ${nearMe.indexBuildMs} ms |`,
    `| list update at ${number(nearMe.sites)} sites (filters + 30 km + sort by distance) | ${nearMe.listUpdate30kmMedianMs} ms median, p95 ${nearMe.listUpdate30kmP95Ms} ms${nearMe.listUpdate30kmAllSortedMedianMs === undefined ? '' : ` (an object per site and every result sorted: ${nearMe.listUpdate30kmAllSortedMedianMs} ms, p95 ${nearMe.listUpdate30kmAllSortedP95Ms ?? '?'})`} |`,
    ...(result.browser?.ratios && result.browser.app && result.browser.bare
      ? [
          `| in Chromium, production build vs a bare MapLibre page drawing the same zones (cold cache, median of ${result.browser.loads ?? '?'} loads) | first paint ${result.browser.app.firstRenderMs} ms vs ${result.browser.bare.firstRenderMs} ms (×${result.browser.ratios.firstRender}); fully drawn with the list ${result.browser.app.readyMs} ms vs ${result.browser.bare.readyMs} ms (×${result.browser.ratios.ready}); ${result.browser.app.longTasks} long tasks; heap ${result.browser.app.heapAfterLoadMB} MB |`,
          ...(result.browser.startUp
            ? [
                `| start-up with the detailed plan and the embedded version available | ${result.browser.startUp.scriptsUntilReady ? `scripts fetched until ready: ${(result.browser.startUp.scriptsUntilReady.app ?? []).join(', ')} (the full app), ${(result.browser.startUp.scriptsUntilReady.embed ?? []).join(', ')} (\`?integre=1\`), the plan's code only when a person turns it on; ` : ''}requests to another origin until ready: ${result.browser.startUp.thirdPartyRequestsMax} (the plan is off until the person turns it on); the embedded page (\`?integre=1\`): first paint ${result.browser.startUp.embed.firstRenderMs} ms (×${result.browser.startUp.embed.ratios.firstRender} the bare page), fully drawn ${result.browser.startUp.embed.readyMs} ms (×${result.browser.startUp.embed.ratios.ready}) |`,
              ]
            : []),
          ...Object.entries(result.browser.trials ?? {}).flatMap(([name, trial]) =>
            typeof trial === 'string'
              ? []
              : [`| speed attempt \`${name}\`: ${trial.what} | fully drawn ${trial.readyMs} ms (×${trial.ratios.ready} the bare page, ×${trial.readyVersusApp} the app as shipped); first paint ×${trial.ratios.firstRender} |`],
          ),
          ...(result.browser.slowNetwork
            ? [
                `| on a slow mobile connection (Chromium emulation: 1.6 Mbit/s, 150 ms; cold cache, median of 3 loads) | sites on the map after ${number(result.browser.slowNetwork.app.sitesShownMs)} ms (\`carte:lieux\`), without map-sites.json ${number(result.browser.slowNetwork.avantMapSites.sitesShownMs)} ms (×${result.browser.slowNetwork.sitesShownVersusBefore}); first paint ${number(result.browser.slowNetwork.app.firstRenderMs)} ms vs ${number(result.browser.slowNetwork.avantMapSites.firstRenderMs)} ms; fully drawn with the list ${number(result.browser.slowNetwork.app.readyMs)} ms vs ${number(result.browser.slowNetwork.avantMapSites.readyMs)} ms |`,
              ]
            : []),
          ...(result.browser.atScale
            ? [
                `| in Chromium, ${number(result.browser.atScale.sites)} synthetic sites (test build, each filter change from an idle map) | heap ${result.browser.atScale.heapAfterLoadMB} MB after a garbage collection; a filter change takes ${result.browser.atScale.filterChangeMedianMs} ms to the next frame (list and counts updated), and the map is redrawn with the new sites after ${number(result.browser.atScale.filterChangeMapDrawnMedianMs)} ms (medians of 6) |`,
              ]
            : []),
          ...(result.browser.budgets ?? []).map((item) => `| budget: ${item.name} ≤ ${item.limit} ${item.unit} | ${item.value} ${item.unit}: ${item.met ? 'met' : `**missed** by ${item.missedByPercent ?? Math.round((item.value / item.limit - 1) * 100)} %: ${item.why ?? ''}`} |`),
        ]
      : [`| in Chromium | ${result.browser?.skipped ?? 'not measured'} |`]),
    ...(result.search
      ? [
          `| search worker at ${number(result.search.trainings)} synthetic trainings and ${number(result.search.vocabularyJobTitles)} job titles | index built in ${number(result.search.indexBuildMs)} ms; a query with its job suggestions ${result.search.queryMedianMs} ms median (p95 ${result.search.queryP95Ms}) vs a plain scan of every title ${result.search.scanMedianMs} ms (×${result.search.ratioVsScan}, without typos, ranking or jobs) |`,
          `| job vocabulary (\`data/metiers.json\`, fetched by the search worker on the first search, not at start-up) | ${result.search.vocabularyGzipKB} KB gz${startupDownload.vocabularyShareOfStartup !== undefined ? ` = ${Math.round(startupDownload.vocabularyShareOfStartup * 100)} % of the start-up download` : ''} |`,
        ]
      : []),
    `| start-up download (production build, gzip -9) | ${startupDownload.totalGzipKB} KB = ×${startupDownload.ratio} maplibre-gl alone (${startupDownload.bareMaplibreGzipKB} KB) |`,
  ].join('\n');
  return table;
}
