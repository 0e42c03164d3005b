import { fail, ok, type Result } from '../domain/result.ts';

/** Fetches and parses JSON; the error names the file and what went wrong. */
export function fetchJson(url: string): Promise<Result<unknown>> {
  return fetchJsonAfter(url, Promise.resolve());
}

/**
 * Fetches a JSON file now but parses it only once `after` resolves: the bytes come over the
 * network in parallel, the parsing waits (e.g. for the first map frame). The error names the file.
 */
export async function fetchJsonAfter(url: string, after: Promise<unknown>): Promise<Result<unknown>> {
  let text: string;
  try {
    const response = await fetch(url);
    if (!response.ok) return fail(`${url}: the server answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    return fail(`${url}: could not be loaded (${(error as Error).message})`);
  }
  await after;
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(`${url}: not valid JSON (${(error as Error).message})`);
  }
}
