import { existsSync, readFileSync } from 'node:fs';
import { SHARED_SOURCES } from '../unit/shared-sources.ts';

/** The Annuaire de l'éducation's point of each lycée UAI (the raw directory in ../shared: `{ lycees: [{ uai, lat, lng }] }`). */
export function readLyceeDirectoryPoints(): Map<string, [number, number]> {
  const path = `${SHARED_SOURCES}/training/lycees_ival_annuaire_hdf.json`;
  const points = new Map<string, [number, number]>();
  if (!existsSync(path)) return points;
  const data = JSON.parse(readFileSync(path, 'utf8')) as { lycees?: { uai?: string; lat?: number; lng?: number }[] };
  for (const row of data.lycees ?? []) {
    if (row.uai && Number.isFinite(row.lat) && Number.isFinite(row.lng)) points.set(row.uai.toUpperCase(), [row.lng as number, row.lat as number]);
  }
  return points;
}
