import { readImportMessage, type ImportMessage, type ImportRequest } from '../ingest/import-protocol.ts';
import type { AppStore } from './store.ts';

/** The part of a Web Worker the importer uses, so tests can drive it with a fake. */
export interface ImportWorker {
  onmessage: ((event: MessageEvent<ImportMessage>) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage: (request: ImportRequest) => void;
  terminate: () => void;
}

export interface FileImporter {
  /** Reads a file in a new worker; a file still being read is stopped first (one import at a time). */
  open: (file: File) => void;
  /** Stops the file being read, if any; the map keeps what it showed before. */
  cancel: () => void;
}

const startWorker = (): ImportWorker =>
  new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module', name: 'import' }) as unknown as ImportWorker;

/**
 * Opens files in a Web Worker and puts the result in the store for this session only. Nothing is
 * uploaded: the worker reads the File object locally. Only the latest import may write to the
 * store: a worker that was replaced or cancelled is terminated and its late messages are ignored.
 */
export function createFileImporter(store: AppStore, baseUrl: string, makeWorker: () => ImportWorker = startWorker): FileImporter {
  let current: ImportWorker | null = null;
  const stop = () => {
    current?.terminate();
    current = null;
  };
  return {
    open(file) {
      stop();
      store.getState().startImport(file.name);
      const worker = makeWorker();
      current = worker;
      const isCurrent = () => current === worker;
      const fail = (message: string) => {
        if (!isCurrent()) return;
        stop();
        store.getState().failImport(message);
      };
      worker.onmessage = (event) => {
        if (!isCurrent()) return;
        const read = readImportMessage(event.data);
        if (!read.ok) {
          fail(`${file.name} : réponse du lecteur de fichier refusée (${read.reason})`);
          return;
        }
        const message = read.message;
        switch (message.type) {
          case 'progress':
            store.getState().setImportProgress(message.progress);
            break;
          case 'done':
            stop();
            store.getState().finishImport({ name: file.name, dataset: message.outcome.dataset, report: message.outcome.report, warning: message.outcome.fileWarning });
            break;
          case 'error':
            fail(message.message);
            break;
          default: {
            const unknown: never = message;
            fail(`${file.name} : réponse inattendue du lecteur de fichier (${JSON.stringify(unknown)})`);
          }
        }
      };
      worker.onmessageerror = () => fail(`${file.name} : la réponse du lecteur de fichier n’a pas pu être décodée`);
      worker.onerror = (event) => fail(`${file.name} : ${event.message || 'le lecteur de fichier s’est arrêté sur une erreur'}`);
      worker.postMessage({ file, baseUrl });
    },
    cancel() {
      if (!current) return;
      stop();
      store.getState().cancelImport();
    },
  };
}

const importers = new WeakMap<AppStore, FileImporter>();

/** The one importer of a store (the UI's "Ouvrir un fichier" and its Cancel button share it). */
export function fileImporterOf(store: AppStore, baseUrl: string): FileImporter {
  let importer = importers.get(store);
  if (!importer) {
    importer = createFileImporter(store, baseUrl);
    importers.set(store, importer);
  }
  return importer;
}
