import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers, lowest first: domain → geo, url, ingest → workers, state → map → ui (→ main.tsx).
 * A module imports only from its own layer or below; these rules forbid every upward import.
 */
const forbid = (layers, message) => ({ group: layers.map((layer) => `**/${layer}/**`), message });
const mapLibrary = { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'Only src/map talks to maplibre-gl.' };
const uiLibraries = { group: ['preact', 'preact/*'], message: 'Only src/ui renders with Preact.' };
const storeLibrary = { group: ['zustand', 'zustand/*'], message: 'Only src/state (and the UI hooks) use zustand.' };
const layerRules = [
  {
    files: ['src/domain/**'],
    patterns: [forbid(['geo', 'url', 'ingest', 'workers', 'state', 'map', 'ui'], 'src/domain is the lowest layer: it imports nothing else from src.'), mapLibrary, uiLibraries, storeLibrary],
  },
  {
    files: ['src/geo/**', 'src/url/**', 'src/ingest/**'],
    patterns: [forbid(['workers', 'state', 'map', 'ui'], 'The pure core (geo, url, ingest, domain) must not import the app shell.'), mapLibrary, uiLibraries, storeLibrary],
  },
  { files: ['src/workers/**'], patterns: [forbid(['state', 'map', 'ui'], 'Workers use the pure core only.'), mapLibrary, uiLibraries, storeLibrary] },
  { files: ['src/state/**'], patterns: [forbid(['workers', 'map', 'ui'], 'The store knows nothing of the map or the UI.'), mapLibrary, uiLibraries] },
  { files: ['src/map/**'], patterns: [forbid(['workers', 'ui'], 'The map adapter reads the store, never the UI.'), uiLibraries] },
  { files: ['src/ui/**'], patterns: [forbid(['workers', 'map'], 'The UI calls store actions, never the map API.'), mapLibrary] },
];

export default tseslint.config(
  { ignores: ['dist/', 'dist-test/', 'node_modules/', 'scratch/', 'public/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      // French typography puts no-break spaces in text (before ":" and "%", inside numbers): allowed
      // in strings, templates and JSX text, never in code or comments.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Data is never inserted as HTML: text nodes only.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never insert data as HTML: use text nodes (Preact escapes text).' },
        { property: 'outerHTML', message: 'Never insert data as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Never insert data as HTML.' },
      ],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never insert data as HTML.' }],
    },
  },
  ...layerRules.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
  {
    files: ['src/geo/**', 'src/url/**', 'src/ingest/**', 'src/domain/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      // No DOM in the pure core: these globals exist only in a browser page.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'history', 'localStorage'],
    },
  },
);
