/**
 * The part of Certif Info a file opened in the browser needs to be enriched like the committed
 * dataset (`public/data/certifications.json`): each certification's code, CFD, RNCP, NSF group and
 * ROME codes. A file's record names its certification by code or RNCP, so titles (used only by
 * the title rule, for rows without either) are left out. Only the import worker loads it, when a
 * file is opened.
 */
import * as v from 'valibot';
import { ok, type Result } from '../domain/result.ts';
import { checkSchema, columns, locateInRows, nonEmptyText, romeCode, rowOf, text, textOrNull, versionOf } from '../domain/schema.ts';
import type { CertifInfo, CertifInfoRecord } from './nomenclatures.ts';

export const CERTIFICATION_TABLE_VERSION = 1;
const FIELDS = ['code', 'cfd', 'rncp', 'nsf', 'romes'] as const;

export interface EncodedCertificationTable {
  version: number;
  source: string;
  fields: readonly string[];
  rows: [string, string | null, string | null, string | null, string[]][];
}

/** Keeps the certifications that lead somewhere: ROME codes (with their CFD, RNCP and NSF). */
export function encodeCertificationTable(info: CertifInfo, source: string): EncodedCertificationTable {
  return {
    version: CERTIFICATION_TABLE_VERSION,
    source,
    fields: FIELDS,
    rows: info.records.filter((record) => record.romes.length > 0).map((record) => [record.code, record.cfd, record.rncp, record.nsf, record.romes]),
  };
}

const orNull = (value: string | null): string | null => (value === '' ? null : value);

/** `certifications.json`: one row per certification, `[code, cfd, rncp, nsf, romes]`. */
const CERTIFICATION_SCHEMA = v.object({
  version: v.literal(CERTIFICATION_TABLE_VERSION),
  source: text,
  fields: columns(FIELDS, 'certifications'),
  rows: v.array(rowOf(FIELDS, [nonEmptyText, textOrNull, textOrNull, textOrNull, v.array(romeCode)])),
});

/** Reads the table back into Certif Info's lookups; the error names the file, the certification and the field. */
export function decodeCertificationTable(data: unknown, file = 'certifications.json'): Result<CertifInfo> {
  const version = versionOf(file, data, CERTIFICATION_TABLE_VERSION);
  if (!version.ok) return version;
  const checked = checkSchema(CERTIFICATION_SCHEMA, data, file, locateInRows('certification', FIELDS, (table) => (table as EncodedCertificationTable).rows));
  if (!checked.ok) return checked;
  const encoded = checked.value as EncodedCertificationTable;
  const info: CertifInfo = { records: [], byCfd: new Map(), byCode: new Map(), byRncp: new Map() };
  for (const row of encoded.rows) {
    const record: CertifInfoRecord = { code: row[0], titre: '', type: '', niveau: null, cfd: orNull(row[1]), rncp: orNull(row[2]), nsf: orNull(row[3]), romes: row[4] };
    info.records.push(record);
    info.byCode.set(record.code, record);
    if (record.cfd) info.byCfd.set(record.cfd, [...(info.byCfd.get(record.cfd) ?? []), record]);
    if (record.rncp) info.byRncp.set(record.rncp, [...(info.byRncp.get(record.rncp) ?? []), record]);
  }
  return ok(info);
}
