/**
 * The open-data importer: recognises each file's layout by its header and hands it to that
 * layout's adapter (`src/ingest/opendata/`: Parcoursup, Trouver mon master, the BTS capacities,
 * Affelnet and its MEF table). A new source layout is one adapter module and one line in
 * `ADAPTERS`.
 */
import { AccentLexicon } from '../domain/accents.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import type { EstablishmentDirectory } from './directories.ts';
import type { Locator } from './locator.ts';
import { AFFELNET_ADAPTER } from './opendata/affelnet.ts';
import { BTS_PARCOURSUP_ADAPTER } from './opendata/bts-parcoursup.ts';
import { MEF_LOOKUP_ADAPTER } from './opendata/mef-lookup.ts';
import { PARCOURSUP_ADAPTER } from './opendata/parcoursup.ts';
import { renameFromDirectory } from './opendata/shared.ts';
import type { ImportContext, OpenDataAdapter, OpenDataInput, OpenDataLayout, Table } from './opendata/shared.ts';
import { TMM_ADAPTER } from './opendata/tmm.ts';

export { distanceMetres, nsfOfMefStat11, SAME_PLACE_METRES, titleOverlap } from './opendata/shared.ts';
export type { OpenDataAdapter, OpenDataInput, OpenDataLayout } from './opendata/shared.ts';

/**
 * The adapters, in import order: the MEF labels first, then the located sources, so the others
 * can join on their UAI.
 */
export const ADAPTERS: readonly OpenDataAdapter[] = [MEF_LOOKUP_ADAPTER, TMM_ADAPTER, BTS_PARCOURSUP_ADAPTER, PARCOURSUP_ADAPTER, AFFELNET_ADAPTER];

/** Which layout a header belongs to, or null. */
export function detectOpenDataLayout(header: readonly string[]): OpenDataLayout | null {
  const names = new Set(header.map((name) => name.trim()));
  return ADAPTERS.find((adapter) => adapter.columns.every((column) => names.has(column)))?.layout ?? null;
}

/** Reads a CSV and recognises its layout; the error names the file and what was expected. */
export function readOpenDataTable(input: OpenDataInput): Result<Table> {
  const [header, ...rows] = parseCsv(input.text);
  if (!header) return fail(`${input.file} : fichier vide`);
  const layout = detectOpenDataLayout(header.cells);
  if (!layout) {
    return fail(`${input.file} : format de colonnes inconnu ; colonnes attendues pour l'un de : ${ADAPTERS.map((adapter) => `${adapter.layout} (${adapter.columns.join(', ')})`).join(' ; ')}`);
  }
  const index = new Map(header.cells.map((name, column) => [name.trim(), column]));
  return ok({
    layout,
    input,
    rows: rows.map((row: CsvRow) => ({ line: row.line, get: (column: string) => (row.cells[index.get(column) ?? -1] ?? '').trim() })),
  });
}

export interface OpenDataOptions {
  /** Establishments by UAI (lycées, apprenticeship organisations, higher education), to place rows that give only a UAI. */
  directory?: EstablishmentDirectory | null;
}

const adapterOf = (layout: OpenDataLayout): OpenDataAdapter => {
  const adapter = ADAPTERS.find((candidate) => candidate.layout === layout);
  if (!adapter) throw new Error(`no adapter for the layout ${layout}`);
  return adapter;
};

/**
 * Imports the open-data extracts (Parcoursup, Trouver mon master, Parcoursup BTS capacities,
 * Affelnet with its MEF lookup) into the builder. Rows without coordinates are placed by their
 * UAI: a site another source located, else the establishment directories. One training per real
 * training: the same BTS in Parcoursup and in the BTS file (even renamed), a BTS under both
 * statuses, a Bac pro's 2nde and 1re entry points are each merged into one, and every merge is in
 * the report.
 */
export function importOpenData(inputs: readonly OpenDataInput[], builder: DatasetBuilder, locator: Locator, options: OpenDataOptions = {}): Result<void> {
  const tables: Table[] = [];
  for (const input of inputs) {
    const table = readOpenDataTable(input);
    if (!table.ok) return table;
    tables.push(table.value);
  }
  tables.sort((a, b) => ADAPTERS.indexOf(adapterOf(a.layout)) - ADAPTERS.indexOf(adapterOf(b.layout)));
  const context: ImportContext = {
    builder,
    locator,
    directory: options.directory ?? null,
    sitesByUai: new Map(),
    parcoursupByKey: new Map(),
    trainingByUaiMef: new Map(),
    btsMerged: new Set(),
    mef: new Map(),
    lexicon: new AccentLexicon(),
    pendingBts: [],
  };
  // Accented labels of every source teach the lexicon before any unaccented title is read.
  for (const table of tables) for (const column of adapterOf(table.layout).accentColumns ?? []) for (const row of table.rows) context.lexicon.learn(row.get(column));
  for (const table of tables) {
    const adapter = adapterOf(table.layout);
    const checked = adapter.check?.(table, context) ?? ok(undefined);
    if (!checked.ok) return checked;
    adapter.importTable(table, context);
  }
  for (const adapter of ADAPTERS) adapter.finish?.(context);
  renameFromDirectory(context);
  return ok(undefined);
}
