import { describe, expect, it } from 'vitest';
import { readImportMessage, type ImportMessage, type ImportRequest } from '../../../src/ingest/import-protocol.ts';
import { createFileImporter, type ImportWorker } from '../../../src/state/file-import.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { syntheticDataset } from './fixture.ts';

/** A worker the test drives by hand: it records what it was sent and whether it was stopped. */
class FakeWorker implements ImportWorker {
  onmessage: ((event: MessageEvent<ImportMessage>) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  requests: ImportRequest[] = [];
  terminated = false;
  postMessage(request: ImportRequest): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(message: ImportMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<ImportMessage>);
  }
}

function setUp() {
  const store = createAppStore();
  const workers: FakeWorker[] = [];
  const importer = createFileImporter(store, 'http://127.0.0.1/app/', () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { store, workers, importer };
}

const file = (name: string) => new File(['<lheo/>'], name);
const done = (): ImportMessage => ({ type: 'done', outcome: { dataset: syntheticDataset(), report: { sources: {}, rejected: [], merged: [], warnings: [] }, fileWarning: null } });

describe('file importer', () => {
  it('sends the file to a worker and shows its progress, then its result', () => {
    const { store, workers, importer } = setUp();
    importer.open(file('a.xml'));
    expect(workers[0]?.requests[0]?.file.name).toBe('a.xml');
    workers[0]?.send({ type: 'progress', progress: 0.4 });
    expect(store.getState().importState).toMatchObject({ status: 'reading', fileName: 'a.xml', progress: 0.4 });
    workers[0]?.send(done());
    expect(store.getState().importState.status).toBe('done');
    expect(store.getState().imported?.name).toBe('a.xml');
    expect(workers[0]?.terminated).toBe(true);
  });

  it('reads one file at a time: a second file stops the first, whose late answers are ignored', () => {
    const { store, workers, importer } = setUp();
    importer.open(file('first.xml'));
    importer.open(file('second.xml'));
    expect(workers[0]?.terminated).toBe(true);
    workers[1]?.send(done());
    workers[0]?.send({ type: 'progress', progress: 0.9 });
    workers[0]?.send(done());
    expect(store.getState().imported?.name).toBe('second.xml');
    expect(store.getState().importState).toMatchObject({ status: 'done', fileName: 'second.xml', progress: 1 });
  });

  it('cancels the file being read and keeps what was shown', () => {
    const { store, workers, importer } = setUp();
    importer.open(file('slow.xml'));
    importer.cancel();
    expect(workers[0]?.terminated).toBe(true);
    expect(store.getState().importState.status).toBe('cancelled');
    workers[0]?.send(done());
    expect(store.getState().imported).toBeNull();
  });

  it('says so when a worker message cannot be decoded, instead of reading forever', () => {
    const { store, workers, importer } = setUp();
    importer.open(file('a.xml'));
    workers[0]?.onmessageerror?.({} as MessageEvent);
    expect(store.getState().importState.status).toBe('error');
    expect(store.getState().importState.error).toMatch(/a\.xml\s: .*pas pu être décodée/);
    expect(workers[0]?.terminated).toBe(true);
  });

  it('says so when the worker fails', () => {
    const { store, workers, importer } = setUp();
    importer.open(file('a.xml'));
    workers[0]?.onerror?.({ message: 'Uncaught SyntaxError' } as ErrorEvent);
    expect(store.getState().importState).toMatchObject({ status: 'error', error: 'a.xml : Uncaught SyntaxError' });
  });
});

describe('messages from the import worker', () => {
  it('refuses a message of another shape, naming why, instead of putting it in the store', () => {
    const { store, workers, importer } = setUp();
    importer.open(file('a.xml'));
    workers[0]?.onmessage?.({ data: { type: 'done', outcome: { dataset: { sites: 'x' } } } } as unknown as MessageEvent<ImportMessage>);
    expect(store.getState().imported).toBeNull();
    expect(store.getState().importState).toMatchObject({ status: 'error', error: 'a.xml : réponse du lecteur de fichier refusée (résultat incomplet (jeu de données ou rapport))' });
  });

  it('refuses a progress outside 0–1 and an unknown type', () => {
    expect(readImportMessage({ type: 'progress', progress: 7 })).toEqual({ ok: false, reason: 'progression hors de 0–1' });
    expect(readImportMessage({ type: '__proto__' })).toEqual({ ok: false, reason: 'type de message inconnu « __proto__ »' });
    expect(readImportMessage({ type: 'progress', progress: 0.5 })).toEqual({ ok: true, message: { type: 'progress', progress: 0.5 } });
  });
});
