import type { Feature, FeatureCollection, Point } from 'geojson';
import { domainLabel } from './domains.ts';
import { MODALITE_LABELS, NIVEAU_LABELS, VOIE_LABELS, type Site, type SourceDescription, type Training } from './training.ts';

/** One exported row: a training with its site, commune and sources. */
export interface ExportRow {
  training: Training;
  site: Site;
  communeNom: string;
  pinned: boolean;
}

const COLUMNS = [
  'formation',
  'diplome',
  'niveau',
  'voies',
  'modalite',
  'domaine',
  'lieu',
  'adresse',
  'commune',
  'code_commune',
  'uai',
  'precision_lieu',
  'longitude',
  'latitude',
  'source',
  'enregistrement',
  'epinglee',
  'id',
] as const;

type Column = (typeof COLUMNS)[number];

function values(row: ExportRow, sources: ReadonlyMap<string, SourceDescription>): Record<Column, string> {
  const { training, site } = row;
  return {
    formation: training.intitule,
    diplome: training.diplome ?? '',
    niveau: training.niveau ? NIVEAU_LABELS[training.niveau] : '',
    voies: training.voies.map((voie) => VOIE_LABELS[voie]).join(', '),
    modalite: training.modalite ? MODALITE_LABELS[training.modalite] : '',
    domaine: domainLabel(training.domaine),
    lieu: site.nom,
    adresse: site.adresse ?? '',
    commune: row.communeNom,
    code_commune: site.commune,
    uai: site.uai ?? '',
    precision_lieu: site.precision,
    longitude: String(site.point[0]),
    latitude: String(site.point[1]),
    source: [...new Set(training.provenance.map((item) => sources.get(item.source)?.label ?? item.source))].join(' ; '),
    enregistrement: training.provenance.map((item) => `${item.source} ${item.record}`).join(' ; '),
    epinglee: row.pinned ? 'oui' : '',
    id: training.id,
  };
}

/** A cell for a `;` CSV: quoted when needed; a leading = + - @ is neutralised (no formula runs in a spreadsheet). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as a CSV that opens cleanly in French Excel: UTF-8 with a byte-order mark, `;`
 * separators, CRLF line ends, one row per training.
 */
export function toCsv(rows: readonly ExportRow[], sources: ReadonlyMap<string, SourceDescription>): string {
  return csvTable(COLUMNS, rows.map((row) => {
    const record = values(row, sources);
    return COLUMNS.map((column) => record[column]);
  }));
}

/** Any table as that CSV (the one writer of the app's exports): header, then rows of text cells. */
export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(cell).join(';'), ...rows.map((row) => row.map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Orders values for a table: numbers in order, missing values last either way (never NaN). */
export function compareValues(a: number | null, b: number | null, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return descending ? b - a : a - b;
}

/** The rows as GeoJSON points (one per training, at its site), with the same properties as the CSV. */
export function toGeoJson(rows: readonly ExportRow[], sources: ReadonlyMap<string, SourceDescription>): FeatureCollection<Point, Record<Column, string>> {
  return {
    type: 'FeatureCollection',
    features: rows.map((row): Feature<Point, Record<Column, string>> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: row.site.point },
      properties: values(row, sources),
    })),
  };
}
