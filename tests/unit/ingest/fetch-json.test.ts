import { afterEach, describe, expect, it, vi } from 'vitest';
import { VERSION_HINT } from '../../../src/domain/schema.ts';
import { readGazetteer } from '../../../src/domain/gazetteer.ts';
import { fetchJson, fileName } from '../../../src/ingest/fetch-json.ts';

afterEach(() => vi.unstubAllGlobals());

describe('messages a person reads when a file does not load: in French, naming the file and what to do', () => {
  it('a missing file, an unreachable server, a broken file', async () => {
    vi.stubGlobal('fetch', async () => new Response('absent', { status: 404 }));
    expect(await fetchJson('http://127.0.0.1/carte/data/bmo.json')).toEqual({ ok: false, error: expect.stringMatching(/^data\/bmo\.json\s: le serveur a répondu 404 \(fichier introuvable\)\. Rechargez la page/) as unknown as string });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchJson('http://127.0.0.1/carte/geo/context.topo.json')).toEqual({ ok: false, error: "geo/context.topo.json n'a pas pu être chargé (Failed to fetch) : vérifiez la connexion et rechargez la page." });
    vi.stubGlobal('fetch', async () => new Response('{ pas du json', { status: 200 }));
    expect(await fetchJson('http://127.0.0.1/carte/data/communes.json')).toEqual({ ok: false, error: expect.stringMatching(/^data\/communes\.json est illisible \(JSON invalide/) as unknown as string });
    expect(fileName('https://exemple.fr/carte/data/trainings.json?v=2')).toBe('data/trainings.json');
  });

  it('a gazetteer of another shape', () => {
    expect(readGazetteer({ version: 2 })).toEqual({ ok: false, error: 'communes.json : version 2 non prise en charge (attendue : 1)' + VERSION_HINT });
    expect(readGazetteer(null)).toEqual({ ok: false, error: 'communes.json : un objet JSON est attendu ; rechargez la page' });
  });
});
