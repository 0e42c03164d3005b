import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// `base: './'` makes every asset and data URL relative, so `dist/` works at any sub-path
// (GitHub Pages serves it under /<repo>/).
export default defineConfig({
  base: './',
  plugins: [preact()],
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
