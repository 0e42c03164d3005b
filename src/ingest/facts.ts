import { collapseSpaces, foldText } from '../domain/text.ts';
import type { AllianceSchool, CampusMetiers } from '../domain/training.ts';
import { parseCsvRecords } from './csv.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import type { Locator } from './locator.ts';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(';')
    .map((item) => collapseSpaces(item))
    .filter(Boolean);

/**
 * Alliance Emploi schools (fact table `alliance-emploi-ecoles.csv`), each at its commune's point.
 * Rows with an unknown commune are rejected into the report.
 */
export function importAllianceSchools(text: string, file: string, builder: DatasetBuilder, locator: Locator): AllianceSchool[] {
  const schools: AllianceSchool[] = [];
  for (const [index, row] of parseCsvRecords(text).entries()) {
    const record = `${file} ligne ${index + 2}`;
    const commune = locator.commune(row['code_insee'] ?? '');
    if (!commune || !row['id'] || !row['nom']) {
      builder.report.rejected.push({ source: 'alliance-emploi', record, field: commune ? 'id/nom' : 'code_insee', reason: commune ? 'id ou nom absent' : `commune inconnue "${row['code_insee'] ?? ''}"` });
      continue;
    }
    schools.push({
      id: row['id'],
      nom: collapseSpaces(row['nom']),
      commune: commune.code,
      point: commune.point,
      metiers: list(row['metiers']),
      entreprises: list(row['entreprises_partenaires']),
      source: collapseSpaces(row['source'] ?? ''),
    });
  }
  return schools;
}

/** Campus des métiers et des qualifications with the communes their source names. */
export function importCampus(text: string, file: string, builder: DatasetBuilder, locator: Locator): CampusMetiers[] {
  const campus: CampusMetiers[] = [];
  for (const [index, row] of parseCsvRecords(text).entries()) {
    const record = `${file} ligne ${index + 2}`;
    const nom = collapseSpaces(row['nom'] ?? '');
    const communes = list(row['communes_citees']).map((code) => ({ code, commune: locator.commune(code) }));
    for (const unknown of communes.filter((item) => !item.commune)) {
      builder.report.warnings.push({ source: 'campus-metiers', record, message: `code commune inconnu "${unknown.code}" ignoré` });
    }
    const known = communes.flatMap((item) => (item.commune ? [{ code: item.commune.code, nom: item.commune.nom, point: item.commune.point }] : []));
    if (nom === '') {
      builder.report.rejected.push({ source: 'campus-metiers', record, field: 'nom', reason: 'nom absent' });
      continue;
    }
    if (known.length === 0) {
      builder.report.warnings.push({ source: 'campus-metiers', record, message: 'la source ne cite aucune commune (campus à l’échelle d’un territoire) : listé, non dessiné sur la carte' });
    }
    campus.push({
      id: `campus-${foldText(nom).replace(/^campus des metiers et des qualifications /, '').replace(/ /g, '-').slice(0, 60)}`,
      nom,
      excellence: (row['excellence'] ?? '').trim().toLowerCase() === 'oui',
      territoire: collapseSpaces(row['territoire'] ?? ''),
      communes: known,
      secteurs: list(row['secteurs']),
      source: collapseSpaces(row['source'] ?? ''),
    });
  }
  return campus;
}
