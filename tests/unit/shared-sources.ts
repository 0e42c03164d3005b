import { existsSync } from 'node:fs';

/** The raw sources beside the project; CI has them, the GitHub Pages build does not. */
export const SHARED_SOURCES = process.env['CFE_SOURCES'] ?? '../shared/sources';
export const hasSharedSources = existsSync(SHARED_SOURCES);

// .ci/run sets CFE_REQUIRE_SOURCES so that tests on real samples can never be skipped there.
if (process.env['CFE_REQUIRE_SOURCES'] && !hasSharedSources) {
  throw new Error(`${SHARED_SOURCES} is missing: the tests on real samples need it`);
}
