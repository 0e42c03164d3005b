/**
 * The part of Certif Info a file opened in the browser needs to be enriched like the committed
 * dataset (`public/data/certifications.json`): each certification's code, CFD, RNCP, NSF group and
 * ROME codes. A file's record names its certification by code or RNCP, so titles (used only by
 * the title rule, for rows without either) are left out. Only the import worker loads it, when a
 * file is opened.
 */
import { fail, ok, type Result } from '../domain/result.ts';
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

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Reads the table back into Certif Info's lookups; the error names the file and the row. */
export function decodeCertificationTable(data: unknown, file = 'certifications.json'): Result<CertifInfo> {
  const encoded = data as Partial<EncodedCertificationTable> | null;
  if (typeof encoded !== 'object' || encoded === null) return fail(`${file} : un objet JSON est attendu`);
  if (encoded.version !== CERTIFICATION_TABLE_VERSION) return fail(`${file} : version ${String(encoded.version)} non prise en charge (attendue : ${CERTIFICATION_TABLE_VERSION}) ; rechargez la page`);
  if (!Array.isArray(encoded.fields) || encoded.fields.join() !== FIELDS.join() || !Array.isArray(encoded.rows)) return fail(`${file} : les colonnes ${FIELDS.join(', ')} sont attendues`);
  const info: CertifInfo = { records: [], byCfd: new Map(), byCode: new Map(), byRncp: new Map() };
  for (const [index, row] of encoded.rows.entries()) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || !Array.isArray(row[4])) return fail(`${file} : certification n° ${index + 1} mal formée (code et codes ROME attendus)`);
    const record: CertifInfoRecord = { code: row[0], titre: '', type: '', niveau: null, cfd: text(row[1]), rncp: text(row[2]), nsf: text(row[3]), romes: row[4].filter((code): code is string => typeof code === 'string' && /^[A-N]\d{4}$/.test(code)) };
    info.records.push(record);
    info.byCode.set(record.code, record);
    if (record.cfd) info.byCfd.set(record.cfd, [...(info.byCfd.get(record.cfd) ?? []), record]);
    if (record.rncp) info.byRncp.set(record.rncp, [...(info.byRncp.get(record.rncp) ?? []), record]);
  }
  return ok(info);
}
