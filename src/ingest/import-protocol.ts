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
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    parts.push(decoder.decode(chunk, { stream: true }));
    onProgress(bytesRead);
  }
  parts.push(decoder.decode());
  return parts.join('');
}
