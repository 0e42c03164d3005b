import type { ImportOutcome } from './import-file.ts';

/** What the page sends the import worker: the File object itself (never uploaded anywhere). */
export interface ImportRequest {
  file: File;
  /** Absolute URL of the app's root, to load its commune files. */
  baseUrl: string;
}

/** What the import worker sends back, in order: progress (0–1) any number of times, then done or error. */
export type ImportMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'error'; message: string };

/**
 * Decodes a UTF-8 byte stream to text, reporting the bytes read after each chunk, so that a CSV
 * shows progress like an LHEO file does. A byte-order mark is dropped.
 */
export async function decodeUtf8Chunks(chunks: AsyncIterable<Uint8Array>, onProgress: (bytesRead: number) => void): Promise<string> {
  return (await decodeTextChunks(chunks, onProgress)).text;
}

/**
 * Decodes a text file read in chunks: UTF-8 when it is valid UTF-8, else Windows-1252 (what French
 * Excel writes for "CSV (séparateur : point-virgule)"), saying which. A Windows-1252 file decoded as
 * UTF-8 would turn "Libellé" into "Libell\uFFFD" and its columns would not be recognised.
 */
export async function decodeTextChunks(chunks: AsyncIterable<Uint8Array>, onProgress: (bytesRead: number) => void): Promise<{ text: string; encoding: 'utf-8' | 'windows-1252' }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  const kept: Uint8Array[] = [];
  let bytesRead = 0;
  let utf8 = true;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    kept.push(chunk);
    if (utf8) {
      try {
        parts.push(decoder.decode(chunk, { stream: true }));
      } catch {
        utf8 = false;
      }
    }
    onProgress(bytesRead);
  }
  if (utf8) {
    try {
      parts.push(decoder.decode());
      return { text: parts.join(''), encoding: 'utf-8' };
    } catch {
      // An incomplete sequence at the end: not UTF-8 either.
    }
  }
  const bytes = new Uint8Array(bytesRead);
  let offset = 0;
  for (const chunk of kept) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/** What the import says of a file read as Windows-1252. */
export const WINDOWS_1252_NOTE =
  "le fichier n'est pas en UTF-8 : il a été lu en Windows-1252 (l'encodage d'Excel pour « CSV (séparateur : point-virgule) »). Vérifiez les accents ; pour lever le doute, enregistrez-le en « CSV UTF-8 (délimité par des virgules) »";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Checks a message from the import worker before the page uses it: a message of another shape
 * (a bug, a stale worker) is refused with a reason instead of reaching the store.
 */
export function readImportMessage(data: unknown): { ok: true; message: ImportMessage } | { ok: false; reason: string } {
  if (!isObject(data) || typeof data['type'] !== 'string') return { ok: false, reason: 'message sans type' };
  switch (data['type']) {
    case 'progress':
      return typeof data['progress'] === 'number' && data['progress'] >= 0 && data['progress'] <= 1 ? { ok: true, message: { type: 'progress', progress: data['progress'] } } : { ok: false, reason: 'progression hors de 0–1' };
    case 'error':
      return typeof data['message'] === 'string' ? { ok: true, message: { type: 'error', message: data['message'] } } : { ok: false, reason: 'erreur sans texte' };
    case 'done': {
      const outcome = data['outcome'];
      const dataset = isObject(outcome) ? outcome['dataset'] : undefined;
      const report = isObject(outcome) ? outcome['report'] : undefined;
      const valid =
        isObject(dataset) &&
        ['sources', 'sites', 'trainings', 'alliance', 'campus', 'organismes', 'facts'].every((key) => Array.isArray(dataset[key])) &&
        isObject(report) &&
        isObject(report['sources']) &&
        ['rejected', 'merged', 'warnings'].every((key) => Array.isArray(report[key]));
      return valid ? { ok: true, message: data as unknown as ImportMessage } : { ok: false, reason: 'résultat incomplet (jeu de données ou rapport)' };
    }
    default:
      return { ok: false, reason: `type de message inconnu « ${String(data['type']).slice(0, 40)} »` };
  }
}
