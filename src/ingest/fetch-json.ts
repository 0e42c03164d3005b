import { fail, ok, type Result } from '../domain/result.ts';

/** The file a URL names, as a person reads it in a message: `data/communes.json`. */
export function fileName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  return path.split('/').slice(-2).join('/');
}

/** Fetches and parses JSON; the error names the file and what to do, in French. */
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
    if (!response.ok) return fail(`${fileName(url)} : le serveur a répondu ${response.status}${response.status === 404 ? ' (fichier introuvable)' : ''}. Rechargez la page ; si l'erreur revient, la carte publiée est incomplète.`);
    text = await response.text();
  } catch (error) {
    return fail(`${fileName(url)} n'a pas pu être chargé (${(error as Error).message}) : vérifiez la connexion et rechargez la page.`);
  }
  await after;
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(`${fileName(url)} est illisible (JSON invalide : ${(error as Error).message}). Rechargez la page ; si l'erreur revient, le fichier publié est abîmé.`);
  }
}
