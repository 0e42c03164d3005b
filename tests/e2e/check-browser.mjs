// Before the browser tests: one clear line when Chromium is missing, instead of a failure deep inside a test.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`Browser tests need Chromium at ${path}: run "apt-get install -y chromium" (Debian), or set CHROMIUM_PATH to a Chrome or Chromium binary.`);
  process.exit(1);
}
