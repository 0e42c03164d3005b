import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// `base: './'` makes every asset and data URL relative, so `dist/` works at any sub-path
// (GitHub Pages serves it under /<repo>/).
// `vite build --mode test` (the browser tests) writes `dist-test/`, the only build with the test
// hooks (`window.carte`, a readable WebGL buffer); `dist/` is what users download.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [preact()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  // The import worker's dependencies are only discovered when a person opens a file; declared
  // here, the dev server optimizes them at start instead of reloading the page mid-import.
  optimizeDeps: { include: ['saxes', 'flatbush', 'entities', 'topojson-client', '@turf/turf', 'minisearch'] },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500, outDir: mode === 'test' ? 'dist-test' : 'dist' },
}));
