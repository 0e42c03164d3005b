/**
 * Training-offer pipeline: the open-data extracts and fact tables → public/data/trainings.json
 * (the dataset the app loads) and data/import-report.json (what happened to every record).
 *
 * Usage: npm run data:trainings -- [--sources ../shared/sources] [--out .]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeDataset } from '../../src/domain/dataset-codec.ts';
import { encodeMapSites, MAP_SITES_FILE } from '../../src/domain/map-sites.ts';
import { DatasetBuilder } from '../../src/ingest/dataset-builder.ts';
import { importAllianceSchools, importCampus, importFacts } from '../../src/ingest/facts.ts';
import { EstablishmentDirectory, readApprenticeshipOrganisations, readHigherEducationDirectory, readLyceeDirectory } from '../../src/ingest/directories.ts';
import { importOpenData } from '../../src/ingest/opendata.ts';
import { unreconciledSources } from '../../src/ingest/report.ts';
import { encodeJobVocabulary } from '../../src/domain/jobs.ts';
import { encodeCertificationTable } from '../../src/ingest/certification-table.ts';
import { enrichTrainings } from '../../src/ingest/enrich.ts';
import { buildJobVocabulary } from '../../src/ingest/job-vocabulary.ts';
import { loadAppLocator } from './lib/app-locator.ts';
import { loadNomenclatures, NOMENCLATURE_SOURCES } from './lib/nomenclatures.ts';
import { parseArguments, sourcesDirectory, stop } from './lib/cli.ts';
import { readInputBuffer, writeOutput } from './lib/files.ts';
import { DIRECTORY_DESCRIPTIONS, FACT_DESCRIPTIONS, MEF_LOOKUP, TRAINING_SOURCES } from './lib/training-sources.ts';

const options = parseArguments(process.argv.slice(2));
const sources = sourcesDirectory(options);
const outRoot = resolve(options.get('out') ?? '.');
// The boundaries outputs are read from the output folder when they were rebuilt there.
const locator = loadAppLocator(options.has('out') ? outRoot : resolve('.'));

const builder = new DatasetBuilder();
for (const { path, ...description } of TRAINING_SOURCES) builder.addSource(description);
for (const { path, ...description } of Object.values(DIRECTORY_DESCRIPTIONS)) builder.addSource(description);
for (const description of FACT_DESCRIPTIONS) builder.addSource({ ...description });
const read = (path: string, what: string) => readInputBuffer(join(sources, path), what).toString('utf8');

// The directories first: lycées (coordinates) before apprenticeship organisations (communes).
const directory = new EstablishmentDirectory();
const { lycees, organismes, enseignementSuperieur } = DIRECTORY_DESCRIPTIONS;
for (const result of [
  readLyceeDirectory(read(lycees.path, 'the lycées directory'), lycees.file, directory, builder, locator),
  readApprenticeshipOrganisations(read(organismes.path, 'the apprenticeship organisations directory'), organismes.file, directory, builder, locator),
  readHigherEducationDirectory(read(enseignementSuperieur.path, 'the higher-education directory'), enseignementSuperieur.file, directory, builder, locator),
]) {
  if (!result.ok) stop(result.error);
}
const inputs = [
  ...TRAINING_SOURCES.map((source) => ({ source: source.id, file: source.file, text: read(source.path, `the ${source.label} extract`) })),
  { source: MEF_LOOKUP.source, file: MEF_LOOKUP.file, text: read(MEF_LOOKUP.path, 'the MEF lookup of the Affelnet extract') },
];
const imported = importOpenData(inputs, builder, locator, { directory });
if (!imported.ok) stop(imported.error);
builder.alliance = importAllianceSchools(readFileSync('data/sources/alliance-emploi-ecoles.csv', 'utf8'), 'alliance-emploi-ecoles.csv', builder, locator);
builder.campus = importCampus(readFileSync('data/sources/campus-metiers-qualifications.csv', 'utf8'), 'campus-metiers-qualifications.csv', builder, locator);
builder.facts = importFacts(readFileSync('data/sources/chiffres-cles.csv', 'utf8'), 'chiffres-cles.csv', builder);

const { dataset, report } = builder.build();
const unreconciled = unreconciledSources(report);
if (unreconciled.length > 0) stop(`counts do not reconcile (read ≠ kept + merged + rejected) for: ${unreconciled.join(', ')}`);

// The nomenclature step: CFD, readable title, NSF and level, ROME codes; then the job vocabulary.
const loaded = await loadNomenclatures(sources);
const enrichment = enrichTrainings(dataset.trainings, loaded.nomenclatures);
const reached = new Set(dataset.trainings.flatMap((training) => training.romes ?? []));
const { vocabulary, jobs, unknown } = buildJobVocabulary({ appellations: loaded.appellations, fiches: loaded.fiches, dares: loaded.dares, reached, sought: loaded.sought, source: 'France Travail, ROME 4.0 (appellations et fiches, version 460) ; DARES, passage ROME ↔ FAP 2021 ; France Travail, enquête BMO 2024' });
dataset.metiers = jobs;
for (const { path: _path, ...description } of Object.values(NOMENCLATURE_SOURCES)) dataset.sources.push({ ...description });
const reportWithEnrichment = {
  ...report,
  nomenclatures: {
    coverage: enrichment.coverage,
    notFound: [...enrichment.notFound, ...unknown.map((code) => ({ source: 'rome-fiches', record: code, training: null, field: 'rome', code, reason: 'code ROME sans fiche ROME 4.0 ni intitulé DARES : retiré du vocabulaire' }))],
    rejected: loaded.issues,
    vocabulary: { romes: vocabulary.romes.length, withTrainings: vocabulary.romes.filter((rome) => rome.raison === 'formation').length, sought: vocabulary.romes.filter((rome) => rome.raison === 'recrutement').length, appellations: vocabulary.appellations.length },
  },
};

// Each source carries its import counts, so the app can say how much of it is on the map.
for (const source of dataset.sources) {
  const counts = report.sources[source.id];
  if (counts) source.counts = { read: counts.read, kept: counts.kept, merged: counts.merged, rejected: counts.rejected, address: counts.precision.address, commune: counts.precision.commune, siege: counts.precision.siege };
}
const dataFile = writeOutput(join(outRoot, 'public/data/trainings.json'), `${JSON.stringify(encodeDataset(dataset))}\n`);
// What the map draws of the default view before the offer is parsed (src/domain/map-sites.ts).
const mapSitesFile = writeOutput(join(outRoot, `public/data/${MAP_SITES_FILE}`), `${JSON.stringify(encodeMapSites(dataset))}\n`);
writeOutput(join(outRoot, 'data/import-report.json'), `${JSON.stringify(reportWithEnrichment, null, 1)}\n`);
const certificationsFile = writeOutput(join(outRoot, 'public/data/certifications.json'), `${JSON.stringify(encodeCertificationTable(loaded.nomenclatures.certifInfo, 'Réseau des Carif-Oref, Certif Info (extrait de 10 067 certifications)'))}\n`);
process.stdout.write(`public/data/certifications.json (for files opened in the browser): ${(certificationsFile.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
const vocabularyFile = writeOutput(join(outRoot, 'public/data/metiers.json'), `${JSON.stringify(encodeJobVocabulary(vocabulary))}\n`);
process.stdout.write(`public/data/metiers.json: ${vocabulary.romes.length} jobs (${reportWithEnrichment.nomenclatures.vocabulary.withTrainings} with a training), ${vocabulary.appellations.length} job titles, ${(vocabularyFile.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
process.stdout.write('nomenclatures: source trainings cfd readable-title rome\n');
for (const [id, coverage] of Object.entries(enrichment.coverage)) process.stdout.write(`  ${id.padEnd(16)} ${[coverage.trainings, coverage.cfd, coverage.intituleLisible, coverage.romes].map((value) => String(value).padStart(6)).join(' ')}\n`);
process.stdout.write(`public/data/trainings.json: ${(dataFile.bytes / 1024).toFixed(1)} KB, ${(dataFile.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
process.stdout.write(`public/data/${MAP_SITES_FILE}: ${(mapSitesFile.bytes / 1024).toFixed(1)} KB, ${(mapSitesFile.gzipBytes / 1024).toFixed(1)} KB gzipped\n`);
process.stdout.write('source                    read  kept merged rejected sites address commune siege\n');
for (const [id, counts] of Object.entries(report.sources)) {
  process.stdout.write(
    `${id.padEnd(24)} ${[counts.read, counts.kept, counts.merged, counts.rejected, counts.sites, counts.precision.address, counts.precision.commune, counts.precision.siege].map((value) => String(value).padStart(5)).join(' ')}\n`,
  );
}
process.stdout.write(`total: ${dataset.trainings.length} trainings at ${dataset.sites.length} sites; ${dataset.alliance.length} Alliance Emploi schools; ${dataset.campus.length} campus; ${dataset.organismes.length} apprenticeship organisations; ${report.warnings.length} warnings\n`);
