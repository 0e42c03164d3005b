import type { EnrichmentReport } from './enrich.ts';

/** Counts of one source: every record read ends kept, merged into another, or rejected. */
export interface SourceCounts {
  read: number;
  kept: number;
  merged: number;
  rejected: number;
  sites: number;
  precision: { address: number; commune: number; siege: number };
}

export interface RejectedRecord {
  source: string;
  record: string;
  field: string | null;
  reason: string;
}

export interface MergedRecord {
  source: string;
  record: string;
  into: string;
  reason: string;
}

export interface ImportWarning {
  source: string;
  record: string;
  message: string;
}

/** What an import did with every record, and why. */
export interface ImportReport {
  sources: Record<string, SourceCounts>;
  rejected: RejectedRecord[];
  merged: MergedRecord[];
  warnings: ImportWarning[];
  /** What the nomenclature step did: coverage per source and the codes not found. */
  nomenclatures?: EnrichmentReport;
}

export function emptyCounts(): SourceCounts {
  return { read: 0, kept: 0, merged: 0, rejected: 0, sites: 0, precision: { address: 0, commune: 0, siege: 0 } };
}

/** Sources whose counts do not add up (read ≠ kept + merged + rejected); empty when all reconcile. */
export function unreconciledSources(report: ImportReport): string[] {
  return Object.entries(report.sources)
    .filter(([, counts]) => counts.read !== counts.kept + counts.merged + counts.rejected)
    .map(([source]) => source);
}
