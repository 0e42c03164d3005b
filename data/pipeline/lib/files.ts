import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { stop } from './cli.ts';

export function readInputBuffer(path: string, what: string): Buffer {
  if (!existsSync(path)) stop(`missing input ${path}: expected ${what}`);
  return readFileSync(path);
}

export function readInputJson(path: string, what: string): unknown {
  const text = readInputBuffer(path, what).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return stop(`${path} is not valid JSON (${(error as Error).message}): expected ${what}`);
  }
}

/** Writes a file and returns its raw and gzipped sizes in bytes. */
export function writeOutput(path: string, content: string): { bytes: number; gzipBytes: number } {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  const buffer = Buffer.from(content);
  return { bytes: buffer.length, gzipBytes: gzipSync(buffer, { level: 9 }).length };
}
