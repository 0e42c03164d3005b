import { declaredXmlEncoding, LheoStreamParser, type LheoOffer } from './lheo.ts';
import { fail, ok, type Result } from '../domain/result.ts';

export interface LheoStreamSummary {
  version: string | null;
  encoding: string;
  offers: number;
  /** Set when the file could not be read to its end; offers before it were delivered. */
  error: string | null;
  /** The offer that was being read when the error happened, if any. */
  interrupted: { numero: string | null; line: number } | null;
}

/**
 * Reads an LHEO file chunk by chunk: decodes it with the encoding its XML declaration names
 * (UTF-8 by default, ISO-8859-1 and Windows-1252 are common), strictly, so a file in the wrong
 * encoding is reported instead of being read as garbage, and hands each offer to `onOffer`.
 * @param chunks - the file's bytes, in order
 * @param onProgress - called with the number of bytes read so far
 */
export async function readLheoStream(
  chunks: AsyncIterable<Uint8Array>,
  onOffer: (offer: LheoOffer) => void,
  onProgress: (bytesRead: number) => void = () => undefined,
): Promise<Result<LheoStreamSummary>> {
  const parser = new LheoStreamParser({ onOffer });
  let decoder: TextDecoder | null = null;
  let encoding = 'utf-8';
  let bytesRead = 0;
  for await (const chunk of chunks) {
    if (!decoder) {
      encoding = declaredXmlEncoding(chunk);
      try {
        decoder = new TextDecoder(encoding, { fatal: true });
      } catch {
        return fail(`encodage "${encoding}" de la déclaration XML non pris en charge`);
      }
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      return ok(summary(parser, encoding, `le fichier n'est pas en ${encoding.toUpperCase()} valide vers l'octet ${bytesRead} : sa déclaration XML annonce le mauvais encodage (un fichier ISO-8859-1 doit déclarer encoding="ISO-8859-1")`));
    }
    parser.write(text);
    bytesRead += chunk.byteLength;
    onProgress(bytesRead);
    if (parser.error) break;
  }
  if (!parser.error) {
    if (!decoder) return fail('le fichier est vide');
    try {
      parser.write(decoder.decode());
    } catch {
      return ok(summary(parser, encoding, `le fichier se termine au milieu d'un caractère ${encoding.toUpperCase()}`));
    }
    parser.close();
  }
  return ok(summary(parser, encoding, parser.error));
}

function summary(parser: LheoStreamParser, encoding: string, error: string | null): LheoStreamSummary {
  const pending = parser.pendingOffer;
  return {
    version: parser.version,
    encoding,
    offers: parser.offers,
    error,
    interrupted: error && pending ? { numero: pending.numero, line: pending.line } : null,
  };
}
