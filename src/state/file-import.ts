import type { ImportMessage, ImportRequest } from '../workers/import-worker.ts';
import type { AppStore } from './store.ts';

/**
 * Opens a file in a Web Worker and puts the result in the store for this session only. Nothing is
 * uploaded: the worker reads the File object locally.
 */
export function importFileInWorker(store: AppStore, file: File, baseUrl: string): void {
  const actions = store.getState();
  actions.startImport(file.name);
  const worker = new Worker(new URL('../workers/import-worker.ts', import.meta.url), { type: 'module', name: 'import' });
  worker.onmessage = (event: MessageEvent<ImportMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        store.getState().setImportProgress(message.progress);
        break;
      case 'done':
        store.getState().finishImport({ name: file.name, dataset: message.outcome.dataset, report: message.outcome.report, warning: message.outcome.fileWarning });
        worker.terminate();
        break;
      case 'error':
        store.getState().failImport(message.message);
        worker.terminate();
        break;
      default: {
        const unreachable: never = message;
        throw new Error(`unknown worker message ${JSON.stringify(unreachable)}`);
      }
    }
  };
  worker.onerror = (event) => {
    store.getState().failImport(`${file.name} : ${event.message || 'erreur du lecteur de fichier'}`);
    worker.terminate();
  };
  const request: ImportRequest = { file, baseUrl };
  worker.postMessage(request);
}
