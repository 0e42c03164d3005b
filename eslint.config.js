import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureCoreRestriction = {
  patterns: [
    { group: ['maplibre-gl', 'maplibre-gl/*'], message: 'The pure core (geo, url, ingest, domain) must not import maplibre-gl.' },
    { group: ['preact', 'preact/*', 'zustand', 'zustand/*'], message: 'The pure core must not import UI or state libraries.' },
    { group: ['**/map/**', '**/ui/**', '**/state/**'], message: 'The pure core must not import the app shell.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'scratch/', 'public/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/geo/**', 'src/url/**', 'src/ingest/**', 'src/domain/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', pureCoreRestriction],
      // No DOM in the pure core: these globals exist only in a browser page.
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'location', 'history', 'localStorage'],
    },
  },
);
