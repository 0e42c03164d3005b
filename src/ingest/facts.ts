import { collapseSpaces, foldText } from '../domain/text.ts';
import type { Fact } from '../domain/coverage.ts';
import type { AllianceSchool, CampusMetiers } from '../domain/training.ts';
import { parseCsvLines } from './csv.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import type { Locator } from './locator.ts';

/** Source ids of the fact tables in the builder and the import report. */
export const FACT_SOURCES = { alliance: 'alliance-emploi', campus: 'campus-metiers', chiffres: 'chiffres-cles' } as const;

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
  for (const { line, record: row } of parseCsvLines(text)) {
    const record = `${file} ligne ${line}`;
    builder.read(FACT_SOURCES.alliance);
    const commune = locator.commune(row['code_insee'] ?? '');
    if (!commune || !row['id'] || !row['nom']) {
      builder.reject(FACT_SOURCES.alliance, record, commune ? 'id/nom' : 'code_insee', commune ? 'id ou nom absent' : `commune inconnue "${row['code_insee'] ?? ''}"`);
      continue;
    }
    builder.keepRecord(FACT_SOURCES.alliance);
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
  for (const { line, record: row } of parseCsvLines(text)) {
    const record = `${file} ligne ${line}`;
    builder.read(FACT_SOURCES.campus);
    const nom = collapseSpaces(row['nom'] ?? '');
    const communes = list(row['communes_citees']).map((code) => ({ code, commune: locator.commune(code) }));
    for (const unknown of communes.filter((item) => !item.commune)) {
      builder.warn(FACT_SOURCES.campus, record, `code commune inconnu "${unknown.code}" ignoré`);
    }
    const known = communes.flatMap((item) => (item.commune ? [{ code: item.commune.code, nom: item.commune.nom, point: item.commune.point }] : []));
    if (nom === '') {
      builder.reject(FACT_SOURCES.campus, record, 'nom', 'nom absent');
      continue;
    }
    builder.keepRecord(FACT_SOURCES.campus);
    if (known.length === 0) {
      builder.warn(FACT_SOURCES.campus, record, 'la source ne cite aucune commune (campus à l’échelle d’un territoire) : listé, non dessiné sur la carte');
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

/**
 * Key regional figures (fact table `chiffres-cles.csv`), each with its period and source. A value
 * that is not a number is kept as text (the Plan Marshall priority basins are a list of names);
 * a row without an indicator or a value is rejected.
 */
export function importFacts(text: string, file: string, builder: DatasetBuilder): Fact[] {
  const facts: Fact[] = [];
  for (const { line, record: row } of parseCsvLines(text)) {
    const record = `${file} ligne ${line}`;
    builder.read(FACT_SOURCES.chiffres);
    const raw = collapseSpaces(row['valeur'] ?? '');
    const valeur = Number(raw.replace(',', '.'));
    const indicateur = collapseSpaces(row['indicateur'] ?? '');
    if (indicateur === '' || raw === '') {
      builder.reject(FACT_SOURCES.chiffres, record, indicateur === '' ? 'indicateur' : 'valeur', `indicateur ou valeur absent (« ${indicateur} »)`);
      continue;
    }
    const numeric = Number.isFinite(valeur);
    facts.push({ indicateur, valeur: numeric ? valeur : null, ...(numeric ? {} : { texte: raw }), unite: collapseSpaces(row['unite'] ?? ''), periode: collapseSpaces(row['periode'] ?? ''), source: collapseSpaces(row['source'] ?? '') });
    builder.keepRecord(FACT_SOURCES.chiffres);
  }
  return facts;
}
