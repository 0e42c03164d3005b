import type { SourceDescription } from '../domain/training.ts';
import { DatasetBuilder, type TrainingDataset } from './dataset-builder.ts';
import { importLheoOffer } from './lheo-import.ts';
import { readLheoStream } from './lheo-stream.ts';
import type { Locator } from './locator.ts';
import { enrichTrainings, type Nomenclatures } from './enrich.ts';
import { importOpenData } from './opendata.ts';
import { unreconciledSources, type ImportReport } from './report.ts';
import { fail, ok, type Result } from '../domain/result.ts';

export type ImportFormat = 'lheo' | 'csv';

export type ImportInput =
  | { format: 'lheo'; name: string; chunks: AsyncIterable<Uint8Array> }
  | { format: 'csv'; name: string; files: { file: string; text: string }[] };

export interface ImportOutcome {
  dataset: TrainingDataset;
  report: ImportReport;
  /** Non-fatal problem with the file as a whole (truncated, wrong encoding after some offers). */
  fileWarning: string | null;
}

/** The format of a file from its name, else from its first bytes (`<` starts XML). */
export function detectImportFormat(name: string, firstBytes: Uint8Array): ImportFormat | null {
  if (/\.xml$/i.test(name)) return 'lheo';
  if (/\.(csv|txt)$/i.test(name)) return 'csv';
  const head = new TextDecoder('latin1').decode(firstBytes.subarray(0, 64)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart();
  if (head.startsWith('<')) return 'lheo';
  return null;
}

/**
 * Imports one training-offer file (LHEO XML, or one of the supported open-data CSV layouts) into
 * a dataset and its report. Shared by the `ingest` CLI and the browser's import worker.
 * @param source - how the file is described in the dataset's source table
 * @param nomenclatures - when given, the trainings get their CFD, readable title and ROME codes
 *   (all the nomenclatures in the CLI; Certif Info's table in the browser)
 */
export async function importTrainingFile(
  input: ImportInput,
  locator: Locator,
  source: SourceDescription,
  onProgress: (bytesRead: number) => void = () => undefined,
  nomenclatures: Nomenclatures | null = null,
): Promise<Result<ImportOutcome>> {
  const builder = new DatasetBuilder();
  builder.addSource(source);
  let fileWarning: string | null = null;
  if (input.format === 'lheo') {
    const read = await readLheoStream(input.chunks, (offer) => importLheoOffer(offer, builder, locator, source.id), onProgress);
    if (!read.ok) return fail(`${input.name}: ${read.error}`);
    if (read.value.error) {
      if (read.value.offers === 0) return fail(`${input.name}: ${read.value.error}`);
      const interrupted = read.value.interrupted;
      builder.read(source.id);
      builder.reject(source.id, interrupted ? `offre ${interrupted.numero ?? '?'} ligne ${interrupted.line}` : 'fin du fichier', null, read.value.error);
      fileWarning = `${read.value.error} ; les ${read.value.offers} offres lues avant ont été importées`;
    }
  } else {
    const imported = importOpenData(input.files.map((file) => ({ source: source.id, ...file })), builder, locator);
    if (!imported.ok) return imported;
  }
  const { dataset, report } = builder.build();
  const unreconciled = unreconciledSources(report);
  if (unreconciled.length > 0) return fail(`les comptes ne se réconcilient pas (lus ≠ gardés + fusionnés + écartés) pour ${unreconciled.join(', ')}`);
  // The nomenclature step, as for the committed dataset: CFD, readable title, jobs (ROME codes).
  if (nomenclatures) report.nomenclatures = enrichTrainings(dataset.trainings, nomenclatures);
  return ok({ dataset, report, fileWarning });
}
