import { resolve } from 'node:path';

/** Parses `--name value` pairs; a flag without a value is `"true"`. */
export function parseArguments(argv: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (!argument.startsWith('--')) continue;
    const [name, inline] = argument.slice(2).split('=', 2);
    if (name === undefined) continue;
    if (inline !== undefined) {
      options.set(name, inline);
      continue;
    }
    const next = argv[index + 1];
    if (next !== undefined && !next.startsWith('--')) {
      options.set(name, next);
      index += 1;
    } else {
      options.set(name, 'true');
    }
  }
  return options;
}

/** The raw sources folder: `--sources DIR`, else `$CFE_SOURCES`, else `../shared/sources`. */
export function sourcesDirectory(options: Map<string, string>): string {
  return resolve(options.get('sources') ?? process.env['CFE_SOURCES'] ?? '../shared/sources');
}

/** Stops the run with a message a person can act on. */
export function stop(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}
