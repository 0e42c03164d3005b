/** Runs every pipeline in order with the same options: boundaries first, then the training offer, the indicators, the hiring needs. */
import { spawnSync } from 'node:child_process';

const steps = ['data/pipeline/build-boundaries.ts', 'data/pipeline/build-trainings.ts', 'data/pipeline/build-indicators.ts', 'data/pipeline/build-labour.ts'];
for (const step of steps) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', step, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
