import { fail, ok, type Result } from '../domain/result.ts';

/** Fetches and parses JSON; the error names the file and what went wrong. */
export async function fetchJson(url: string): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return fail(`${url}: could not be loaded (${(error as Error).message})`);
  }
  if (!response.ok) return fail(`${url}: the server answered ${response.status}`);
  try {
    return ok((await response.json()) as unknown);
  } catch (error) {
    return fail(`${url}: not valid JSON (${(error as Error).message})`);
  }
}
