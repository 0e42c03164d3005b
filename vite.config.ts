import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { serviceWorkerSource } from './src/offline/service-worker-source.ts';

/** Every file below a folder, as paths relative to it. */
function filesBelow(root: string, folder = root): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesBelow(root, path) : [relative(root, path).split('\\').join('/')];
  });
}

/**
 * Writes `sw.js` into the build: the app shell, every emitted asset and every public file (data,
 * boundaries, icons), with a version that changes whenever one of them does.
 */
function offlineCopy(): Plugin {
  return {
    name: 'carte-offline-copy',
    apply: 'build',
    generateBundle(_options, bundle) {
      const emitted = Object.keys(bundle).filter((file) => !file.endsWith('.map'));
      const publicFiles = filesBelow('public');
      const hash = createHash('sha256');
      for (const file of emitted.sort()) hash.update(file);
      for (const file of publicFiles.sort()) hash.update(readFileSync(join('public', file)));
      const files = ['index.html', ...emitted.filter((file) => file !== 'index.html'), ...publicFiles].sort();
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, hash.digest('hex').slice(0, 12)) });
    },
  };
}

// `base: './'` makes every asset and data URL relative, so `dist/` works at any sub-path
// (GitHub Pages serves it under /<repo>/).
// `vite build --mode test` (the browser tests) writes `dist-test/`, the only build with the test
// hooks (`window.carte`, a readable WebGL buffer); `dist/` is what users download.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [preact(), offlineCopy()],
  // The bench's map trials (src/map/trials.ts): a constant, so the users' build drops them.
  define: { 'import.meta.env.VITE_MAP_TRIAL': JSON.stringify(process.env['VITE_MAP_TRIAL'] ?? '') },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // The import worker's dependencies are only discovered when a person opens a file; declared
  // here, the dev server optimizes them at start instead of reloading the page mid-import.
  optimizeDeps: { include: ['saxes', 'flatbush', 'entities', 'topojson-client', '@turf/turf', 'minisearch'] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500, outDir: mode === 'test' ? 'dist-test' : 'dist' },
}));
