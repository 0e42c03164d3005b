/// <reference lib="webworker" />
/**
 * Reads a file the person opened, off the main thread: LHEO XML streamed, or a supported CSV.
 * Everything stays in the browser; the only requests are for the app's own commune files.
 */
import { createCommuneLocator } from '../ingest/commune-locator.ts';
import { detectImportFormat, importTrainingFile, type ImportInput } from '../ingest/import-file.ts';
import { decodeTextChunks, WINDOWS_1252_NOTE, type ImportMessage, type ImportRequest } from '../ingest/import-protocol.ts';
import { IMPORTED_SOURCE_ID } from '../domain/training.ts';
import { decodeCertificationTable } from '../ingest/certification-table.ts';
import { fetchJson } from '../ingest/fetch-json.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: ImportMessage) => scope.postMessage(message);

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

scope.onmessageerror = () => post({ type: 'error', message: 'le fichier n’a pas pu être transmis au lecteur (message illisible)' });

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { file, baseUrl } = event.data;
  try {
    const firstBytes = new Uint8Array(await file.slice(0, 256).arrayBuffer());
    const format = detectImportFormat(file.name, firstBytes);
    if (!format) {
      post({ type: 'error', message: `${file.name} : format non reconnu (attendu : LHEO .xml ou CSV .csv)` });
      return;
    }
    const [gazetteer, communes] = await Promise.all([fetchJson(`${baseUrl}data/communes.json`), fetchJson(`${baseUrl}geo/communes.topo.json`)]);
    if (!gazetteer.ok) {
      post({ type: 'error', message: gazetteer.error });
      return;
    }
    if (!communes.ok) {
      post({ type: 'error', message: communes.error });
      return;
    }
    const locator = createCommuneLocator(gazetteer.value, communes.value);
    if (!locator.ok) {
      post({ type: 'error', message: locator.error });
      return;
    }
    const today = new Date().toISOString().slice(0, 10);
    const source = { id: IMPORTED_SOURCE_ID, label: file.name, file: file.name, date: `ouvert le ${today} (cette session seulement)`, licence: 'selon le fichier', origin: 'fichier ouvert dans le navigateur' };
    // Reading the bytes is most of the work for both formats: it drives the progress bar.
    const reportBytes = (bytes: number) => post({ type: 'progress', progress: Math.min(bytes / Math.max(file.size, 1), 1) });
    const decoded = format === 'csv' ? await decodeTextChunks(chunksOf(file.stream()), reportBytes) : null;
    const input: ImportInput = decoded ? { format: 'csv', name: file.name, files: [{ file: file.name, text: decoded.text }] } : { format: 'lheo', name: file.name, chunks: chunksOf(file.stream()) };
    // Certif Info's table gives the file's trainings their CFD and jobs (ROME), as on the map.
    const certifications = await fetchJson(`${baseUrl}data/certifications.json`);
    const certifInfo = certifications.ok ? decodeCertificationTable(certifications.value) : certifications;
    const nomenclatures = certifInfo.ok ? { mef: new Map(), diplomas: new Map(), commonYears: new Map(), certifInfo: certifInfo.value, dgesco: new Map(), romeCodes: new Set(certifInfo.value.records.flatMap((record) => record.romes)) } : null;
    const result = await importTrainingFile(input, locator.value, source, reportBytes, nomenclatures);
    if (!result.ok && decoded?.encoding === 'windows-1252') {
      post({ type: 'error', message: `${result.error} (${WINDOWS_1252_NOTE})` });
      return;
    }
    if (result.ok && decoded?.encoding === 'windows-1252') result.value.fileWarning = result.value.fileWarning ? `${result.value.fileWarning} ; ${WINDOWS_1252_NOTE}` : WINDOWS_1252_NOTE;
    if (result.ok && !certifInfo.ok) {
      const note = `les métiers (codes ROME) des formations n'ont pas pu être retrouvés : ${certifInfo.error}`;
      result.value.fileWarning = result.value.fileWarning ? `${result.value.fileWarning} ; ${note}` : note;
    }
    if (result.ok) post({ type: 'done', outcome: result.value });
    else post({ type: 'error', message: result.error });
  } catch (error) {
    post({ type: 'error', message: `${file.name} : ${(error as Error).message}` });
  }
};
