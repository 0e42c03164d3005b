import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/** The raw sources beside the project; CI has them, the GitHub Pages build does not. */
export const SHARED_SOURCES = process.env['CFE_SOURCES'] ?? '../shared/sources';
export const hasSharedSources = existsSync(SHARED_SOURCES);

// .ci/run sets CFE_REQUIRE_SOURCES so that tests on real samples can never be skipped there.
if (process.env['CFE_REQUIRE_SOURCES'] && !hasSharedSources) {
  throw new Error(`${SHARED_SOURCES} is missing: the tests on real samples need it`);
}

/**
 * A suite on the real samples in ../shared. Without them (the GitHub Pages build only) it is
 * skipped visibly: counted as skipped, its name saying why, and a warning line naming it.
 */
export function describeWithSources(name: string, body: () => void): void {
  if (hasSharedSources) {
    describe(name, body);
    return;
  }
  console.warn(`SKIPPED (needs ${SHARED_SOURCES}): ${name}`);
  describe.skip(`${name} — SKIPPED: ${SHARED_SOURCES} is absent`, body);
}
