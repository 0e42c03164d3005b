import { domainFromNsf } from '../domain/domains.ts';
import { diplomaFromLabel, levelFromDiplomaCode } from '../domain/levels.ts';
import { collapseSpaces, foldText, htmlToPlainText, shortHash } from '../domain/text.ts';
import { AccentLexicon, restoreCommuneName, restoreEstablishmentName } from '../domain/accents.ts';
import type { Acces, Modalite, Site, Training, Voie } from '../domain/training.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import { readCount, readUrl } from './fields.ts';
import { distanceKm } from '../geo/site-index.ts';
import type { EstablishmentDirectory } from './directories.ts';
import { departementOfUai, type Locator } from './locator.ts';
import { fail, ok, type Result } from '../domain/result.ts';

/** The open-data layouts the importer knows, recognised by their header. */
export type OpenDataLayout = 'parcoursup' | 'tmm' | 'bts-parcoursup' | 'affelnet' | 'mef-lookup';

const LAYOUT_COLUMNS: Readonly<Record<OpenDataLayout, readonly string[]>> = {
  parcoursup: ['Code UAI de l etablissement', 'Filiere de formation', 'Coordonnées GPS de la formation'],
  tmm: ['Identifiant navette de la mention (INM) de master', 'Intitulé de la mention de master'],
  'bts-parcoursup': ['UAI', 'LIBELLÉFORMATION', 'MEFSTAT11', 'STATUT'],
  affelnet: ["Etablissement d'accueil", 'MEF STAT 11', 'Statut Offre de formation'],
  'mef-lookup': ['MEF_STAT_11', 'FORMATION_DIPLOME', 'LIBELLE_EDITION', 'DISPOSITIF_FORMATION'],
};

/** Which layout a header belongs to, or null. */
export function detectOpenDataLayout(header: readonly string[]): OpenDataLayout | null {
  const names = new Set(header.map((name) => name.trim()));
  return (Object.keys(LAYOUT_COLUMNS) as OpenDataLayout[]).find((layout) => LAYOUT_COLUMNS[layout].every((column) => names.has(column))) ?? null;
}

export interface OpenDataInput {
  source: string;
  file: string;
  text: string;
}

interface Table {
  layout: OpenDataLayout;
  input: OpenDataInput;
  rows: { line: number; get: (column: string) => string }[];
}

/** Reads a CSV and recognises its layout; the error names the file and what was expected. */
export function readOpenDataTable(input: OpenDataInput): Result<Table> {
  const [header, ...rows] = parseCsv(input.text);
  if (!header) return fail(`${input.file} : fichier vide`);
  const layout = detectOpenDataLayout(header.cells);
  if (!layout) {
    return fail(`${input.file} : format de colonnes inconnu ; colonnes attendues pour l'un de : ${Object.entries(LAYOUT_COLUMNS).map(([name, columns]) => `${name} (${columns.join(', ')})`).join(' ; ')}`);
  }
  const index = new Map(header.cells.map((name, column) => [name.trim(), column]));
  return ok({
    layout,
    input,
    rows: rows.map((row: CsvRow) => ({ line: row.line, get: (column: string) => (row.cells[index.get(column) ?? -1] ?? '').trim() })),
  });
}

/** Imports order: the MEF labels first, then located sources, so the others can join on their UAI. */
const ORDER: readonly OpenDataLayout[] = ['mef-lookup', 'tmm', 'bts-parcoursup', 'parcoursup', 'affelnet'];

export interface OpenDataOptions {
  /** Establishments by UAI (lycées, apprenticeship organisations, higher education), to place rows that give only a UAI. */
  directory?: EstablishmentDirectory | null;
}

/** Two sites of one UAI closer than this are one place; farther apart, two (metres). */
export const SAME_PLACE_METRES = 300;

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
  tables.sort((a, b) => ORDER.indexOf(a.layout) - ORDER.indexOf(b.layout));
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
  for (const table of tables) learnAccents(table, context.lexicon);
  for (const table of tables) {
    switch (table.layout) {
      case 'mef-lookup':
        readMefLookup(table, context);
        break;
      case 'parcoursup':
        importParcoursup(table, context);
        importPendingBts(context);
        break;
      case 'tmm':
        importTrouverMonMaster(table, context);
        break;
      case 'bts-parcoursup':
        readBtsCapacities(table, context);
        break;
      case 'affelnet':
        if (context.mef.size === 0) return fail(`${table.input.file} : le fichier Affelnet a besoin de sa table des MEF (MEF_STAT_11 → libellés), à ouvrir avec lui`);
        importAffelnet(table, context);
        break;
      default: {
        const unreachable: never = table.layout;
        throw new Error(`unhandled layout ${String(unreachable)}`);
      }
    }
  }
  // A BTS file opened without Parcoursup: its rows are imported on their own.
  importPendingBts(context);
  return ok(undefined);
}

interface MefEntry {
  libelle: string;
  diplome: string;
  dispositif: string;
  /** The nomenclature's own comment (e.g. "MEF pour les apprentis de l'enseignement agricole"). */
  commentaire: string;
}

interface BtsRow {
  source: string;
  record: string;
  uai: string;
  mef: string;
  label: string;
  voie: Voie;
  patch: Pick<Training, 'intitule' | 'nsf' | 'domaine' | 'capacite' | 'certification' | 'provenance' | 'acces' | 'voies'>;
}

interface ImportContext {
  builder: DatasetBuilder;
  locator: Locator;
  directory: EstablishmentDirectory | null;
  /** Teaching sites by UAI (not head offices), in the order they were found. */
  sitesByUai: Map<string, string[]>;
  /** Parcoursup trainings by UAI + folded label, for the BTS merge. */
  parcoursupByKey: Map<string, string>;
  /** The training that holds a UAI + MEF, so no two trainings share one. */
  trainingByUaiMef: Map<string, string>;
  /** Parcoursup trainings a BTS row was merged into. */
  btsMerged: Set<string>;
  mef: Map<string, MefEntry>;
  lexicon: AccentLexicon;
  /** BTS rows read before Parcoursup, merged or imported once Parcoursup is in. */
  pendingBts: BtsRow[];
}

const UAI_PATTERN = /^\d{7}[A-Z]$/;

function recordOf(line: number): string {
  return `ligne ${line}`;
}

function rememberSite(context: ImportContext, uai: string, siteId: string): void {
  const known = context.sitesByUai.get(uai) ?? [];
  if (!known.includes(siteId)) known.push(siteId);
  context.sitesByUai.set(uai, known);
}

function learnAccents(table: Table, lexicon: AccentLexicon): void {
  const columns: Partial<Record<OpenDataLayout, string[]>> = {
    'mef-lookup': ['LIBELLE_EDITION'],
    'bts-parcoursup': ['LIBELLÉFORMATION'],
    tmm: ['Intitulé de la mention de master', 'Nom d’usage de l’établissement accrédité'],
  };
  for (const column of columns[table.layout] ?? []) for (const row of table.rows) lexicon.learn(row.get(column));
}

/** Great-circle distance in metres (the geo engine's haversine). */
export function distanceMetres(a: readonly [number, number], b: readonly [number, number]): number {
  return distanceKm(a, b) * 1000;
}

function readMefLookup(table: Table, context: ImportContext): void {
  for (const row of table.rows) {
    const mef = row.get('MEF_STAT_11');
    if (!/^\w{11}$/.test(mef)) continue;
    context.mef.set(mef, {
      libelle: row.get('LIBELLE_EDITION') || row.get('LIBELLE_LONG'),
      diplome: row.get('FORMATION_DIPLOME'),
      dispositif: row.get('LIBELLE_COURT'),
      commentaire: row.get('N_COMMENTAIRE'),
    });
  }
}

/** The name a site shows: accents of generic words and of its commune's name restored. */
function siteName(context: ImportContext, name: string, commune: string): string {
  return restoreCommuneName(restoreEstablishmentName(name), context.locator.commune(commune)?.nom ?? '');
}

function importParcoursup(table: Table, context: ImportContext): void {
  const { builder, locator } = context;
  const source = table.input.source;
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('Code UAI de l etablissement').toUpperCase();
    const rawLabel = collapseSpaces(htmlToPlainText(row.get('Filiere de formation')));
    const name = collapseSpaces(row.get('etablissement'));
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, 'Code UAI de l etablissement', `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    if (rawLabel === '') {
      builder.reject(source, record, 'Filiere de formation', 'libellé vide');
      continue;
    }
    const [latitude, longitude] = row.get('Coordonnées GPS de la formation').split(',').map((part) => part.trim());
    const located = locator.locate({ latitude: latitude ?? null, longitude: longitude ?? null, expectedDepartement: departementOfUai(uai), nom: name });
    if (!located.ok) {
      builder.reject(source, record, 'Coordonnées GPS de la formation', `${name} (UAI ${uai}): ${located.reason}`);
      continue;
    }
    const sites = (context.sitesByUai.get(uai) ?? []).map((id) => builder.site(id)).filter((site): site is Site => site !== undefined);
    // A point corrected to a commune yields to a site of the same UAI already located at its address.
    const corrected = located.place.precision === 'commune' ? sites.find((site) => site.precision === 'address') : undefined;
    if (located.warning) builder.warn(source, record, `${name} (UAI ${uai}): ${located.warning}${corrected ? ` ; le même UAI est situé en ${corrected.id}, utilisé à la place` : ''}`);
    // A site is one place: rows of a UAI within a few hundred metres share it, farther ones get their own.
    const near = corrected ?? sites.find((site) => site.commune === located.place.commune && distanceMetres(site.point, located.place.point) <= SAME_PLACE_METRES);
    let siteId: string;
    if (near) {
      siteId = near.id;
      builder.upsertSite({ ...near, provenance: [{ source, record }] });
    } else {
      const base = `uai:${uai}:${located.place.commune}`;
      siteId = base;
      for (let count = 2; builder.site(siteId); count += 1) siteId = `${base}:${count}`;
      builder.upsertSite({ id: siteId, nom: siteName(context, name, located.place.commune), uai, siret: null, adresse: null, commune: located.place.commune, point: located.place.point, precision: located.place.precision, provenance: [{ source, record }] });
      rememberSite(context, uai, siteId);
    }
    const label = context.lexicon.restore(rawLabel);
    const diploma = diplomaFromLabel(label);
    const key = `${uai}|${foldText(label)}`;
    // The same label at another place of the UAI is another training, not a duplicate.
    const baseId = `psup:${uai}:${shortHash(foldText(label))}`;
    const sameLabel = builder.training(baseId);
    const id = sameLabel && sameLabel.siteId !== siteId ? `${baseId}:${siteId.split(':').slice(2).join(':')}` : baseId;
    const training: Training = {
      id,
      siteId,
      intitule: label,
      diplome: diploma?.diplome ?? null,
      niveau: diploma?.niveau ?? null,
      niveauOrigin: diploma?.niveau ? 'intitule' : null,
      nsf: null,
      domaine: null,
      voies: ['scolaire'],
      modalite: null,
      conventionne: null,
      capacite: null,
      sessions: [],
      organisme: builder.site(siteId)?.nom ?? name,
      url: null,
      certification: {},
      provenance: [{ source, record }],
      acces: [],
    };
    if (builder.addTraining(training, source, 'même UAI, même lieu et même libellé deux fois dans le fichier') === 'kept' && !context.parcoursupByKey.has(key)) context.parcoursupByKey.set(key, training.id);
  }
}

const TMM_DOMAINS: Readonly<Record<string, string>> = {
  'arts lettres langues': 'lettres-droit',
  'droit economie gestion': 'lettres-droit',
  'sciences humaines et sociales': 'lettres-droit',
  'sciences technologies sante': 'sciences',
};

function importTrouverMonMaster(table: Table, context: ImportContext): void {
  const { builder, locator } = context;
  const source = table.input.source;
  const campaign = (row: Table['rows'][number]) => Number.parseInt(row.get('Année de la campagne de recueil des informations'), 10);
  const latest = Math.max(...table.rows.map(campaign).filter(Number.isFinite));
  // Mentions keep their name across campaigns, not always their INM (a new accreditation gives a new one).
  const keyOf = (row: Table['rows'][number]) => `${row.get('Code UAI de l’établissement accrédité').toUpperCase()}|${foldText(row.get('Intitulé de la mention de master'))}`;
  const latestKeys = new Map(table.rows.filter((row) => campaign(row) === latest).map((row) => [keyOf(row), row]));
  // The latest campaign first, so older records can be merged into the mention they precede.
  const ordered = [...table.rows].sort((a, b) => Number(campaign(b) === latest) - Number(campaign(a) === latest) || a.line - b.line);
  for (const row of ordered) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('Code UAI de l’établissement accrédité').toUpperCase();
    const year = campaign(row);
    if (year !== latest) {
      const newer = latestKeys.get(keyOf(row));
      const into = newer ? builder.training(`tmm:${uai}:${newer.get('Identifiant navette de la mention (INM) de master')}`) : undefined;
      if (newer && into) builder.mergeInto(into.id, { provenance: [{ source, record }] }, source, `campagne ${year} remplacée par l'enregistrement ${latest} de la même mention`);
      else builder.reject(source, record, 'Année de la campagne de recueil des informations', `campagne ${year} antérieure à la dernière (${latest}), qui ne contient plus cette mention`);
      continue;
    }
    if (row.get('Mention ouverte ou non ouverte') === '0') {
      builder.reject(source, record, 'Mention ouverte ou non ouverte', 'mention non ouverte (valeur 0)');
      continue;
    }
    const inm = row.get('Identifiant navette de la mention (INM) de master');
    const mention = collapseSpaces(row.get('Intitulé de la mention de master'));
    if (!UAI_PATTERN.test(uai) || mention === '') {
      builder.reject(source, record, mention === '' ? 'Intitulé de la mention de master' : 'Code UAI de l’établissement accrédité', 'UAI ou mention absent');
      continue;
    }
    const sourceName = collapseSpaces(row.get('Nom d’usage de l’établissement accrédité') || row.get('Nom officiel (long) de l’établissement accrédité'));
    const postcode = row.get('Code postal de la ville de l’établissement accrédité');
    const ville = row.get('Ville de l’établissement accrédité');
    // The source gives the accrediting institution's head office, not where the master is taught:
    // the site is that head office, said so ("siège"), never a teaching site of the same UAI.
    const headOffice = context.directory?.headOffice(uai);
    const siteId = `siege:${uai}`;
    if (!builder.site(siteId)) {
      if (headOffice) {
        builder.upsertSite({ id: siteId, nom: headOffice.nom, uai, siret: null, adresse: headOffice.adresse, commune: headOffice.commune, point: headOffice.point, precision: 'siege', provenance: [headOffice.provenance, { source, record }] });
      } else {
        const located = locator.locate({ codePostal: postcode, ville });
        if (!located.ok) {
          builder.reject(source, record, 'Code postal de la ville de l’établissement accrédité', `${sourceName}: ${located.reason}`);
          continue;
        }
        const address = [row.get('Adresse de l’établissement accrédité'), postcode, ville].filter(Boolean).join(' ');
        builder.upsertSite({ id: siteId, nom: siteName(context, sourceName, located.place.commune), uai, siret: null, adresse: collapseSpaces(address), commune: located.place.commune, point: located.place.point, precision: 'siege', provenance: [{ source, record }] });
      }
    } else builder.upsertSite({ ...(builder.site(siteId) as Site), provenance: [{ source, record }] });
    const modalities = foldText(row.get('Modalités d’enseignement de la mention'));
    const voies: Voie[] = [];
    if (modalities.includes('formation initiale')) voies.push('scolaire');
    if (modalities.includes('apprentissage')) voies.push('apprentissage');
    // "alternance" alone may be a contrat de professionnalisation: not counted as apprenticeship.
    if (modalities.includes('alternance')) voies.push('alternance');
    if (modalities.includes('formation continue')) voies.push('continue');
    const modalite: Modalite = modalities.includes('a distance') ? 'distance' : modalities.includes('hybride') ? 'mixte' : 'presentiel';
    const domain = foldText(row.get('Domaine(s) de la mention de master').split(/[;|]/)[0] ?? '');
    const training: Training = {
      id: `tmm:${uai}:${inm}`,
      siteId,
      intitule: `Master ${mention}`,
      diplome: 'Master',
      niveau: 7,
      niveauOrigin: 'diplome',
      nsf: null,
      domaine: TMM_DOMAINS[domain] ?? null,
      domaineOrigin: TMM_DOMAINS[domain] ? 'tmm' : null,
      voies: voies.length > 0 ? voies : ['scolaire'],
      modalite,
      conventionne: null,
      capacite: readCount(row.get('Capacité d’accueil limitée au 1er semestre')),
      sessions: [],
      organisme: builder.site(siteId)?.nom ?? sourceName,
      url: readUrl(row.get('URL de la fiche relative à la mention sur le site internet de l’établissement')),
      certification: inm ? { inm } : {},
      provenance: [{ source, record }],
      acces: [],
    };
    builder.addTraining(training, source, 'même UAI et même mention deux fois dans la campagne');
  }
}

/** NSF group in a MEF STAT 11 code: its digits 7 to 9, when they are a real group. */
export function nsfOfMefStat11(mef: string): string | null {
  const group = mef.slice(6, 9);
  return /^\d{3}$/.test(group) && domainFromNsf(group) ? group : null;
}

/**
 * The site of a row that gives only a UAI: a site another source located, else the directory's
 * establishment (a lycée at its coordinates, an apprenticeship organisation at its commune).
 */
function siteForUai(context: ImportContext, source: string, uai: string, record: string, field: string): string | null {
  const sites = context.sitesByUai.get(uai);
  if (sites && sites.length > 0) {
    if (sites.length > 1) context.builder.warn(source, record, `l'UAI ${uai} a ${sites.length} lieux ; la formation est placée au premier (${sites[0]})`);
    return sites[0] ?? null;
  }
  const establishment = context.directory?.establishment(uai);
  if (!establishment) {
    context.builder.reject(
      source,
      record,
      field,
      context.directory
        ? `l'UAI ${uai} n'est situé ni par les autres sources ni par les annuaires (lycées, organismes d'apprentissage)`
        : `l'UAI ${uai} n'a aucun lieu situé dans les autres sources, et ce fichier n'a ni coordonnées ni commune`,
    );
    return null;
  }
  const siteId = `uai:${uai}:${establishment.commune}`;
  context.builder.upsertSite({
    id: siteId,
    nom: establishment.nom,
    uai,
    siret: null,
    adresse: establishment.adresse,
    commune: establishment.commune,
    point: establishment.point,
    precision: establishment.precision,
    provenance: [establishment.provenance],
  });
  rememberSite(context, uai, siteId);
  return siteId;
}

const STATUT_WORDS: Readonly<Record<string, string>> = { scolaire: 'sous statut scolaire', apprentissage: 'en apprentissage' };

function readBtsCapacities(table: Table, context: ImportContext): void {
  const { builder } = context;
  const source = table.input.source;
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('UAI').toUpperCase();
    const label = collapseSpaces(row.get('LIBELLÉFORMATION'));
    const mef = row.get('MEFSTAT11');
    const statut = row.get('STATUT');
    if (!UAI_PATTERN.test(uai) || label === '') {
      builder.reject(source, record, label === '' ? 'LIBELLÉFORMATION' : 'UAI', 'UAI ou libellé absent ou mal formé');
      continue;
    }
    if (statut !== 'Apprentissage' && statut !== 'Scolaire') {
      builder.reject(source, record, 'STATUT', `statut inconnu "${statut}", Apprentissage ou Scolaire attendu`);
      continue;
    }
    const voie: Voie = statut === 'Apprentissage' ? 'apprentissage' : 'scolaire';
    const nsf = nsfOfMefStat11(mef);
    const places = readCount(row.get('CAPACITEPSUP'));
    const voeux = readCount(row.get('NB_VOEUX_CONFIRMES'));
    const acces: Acces[] = places !== null || voeux !== null ? [{ entree: STATUT_WORDS[voie] ?? null, places, voeux, voeuxType: 'confirmes', source: 'Parcoursup 2024' }] : [];
    context.pendingBts.push({
      source,
      record,
      uai,
      mef,
      label,
      voie,
      patch: {
        intitule: label.replace(/ - en apprentissage$/i, ''),
        nsf,
        domaine: domainFromNsf(nsf),
        capacite: places,
        certification: /^\w{11}$/.test(mef) ? { mef } : {},
        provenance: [{ source, record }],
        acces,
        voies: [voie],
      },
    });
  }
}

const TITLE_STOP_WORDS = new Set(['bts', 'services', 'service', 'production', 'agricole', 'option', 'options', 'pour', 'avec', 'dans', 'des', 'les', 'et', 'en', 'de', 'du', 'la', 'le', 'apprentissage']);

/** Word stems of a BTS title (first 6 letters of its significant words), to recognise a renamed BTS. */
function titleStems(title: string): Set<string> {
  return new Set(
    foldText(title)
      .split(' ')
      .filter((word) => word.length >= 4 && !TITLE_STOP_WORDS.has(word))
      .map((word) => word.slice(0, 6)),
  );
}

/** Share of the shorter title's stems that the other title has too (0–1). */
export function titleOverlap(a: string, b: string): number {
  const stemsA = titleStems(a);
  const stemsB = titleStems(b);
  if (stemsA.size === 0 || stemsB.size === 0) return 0;
  let shared = 0;
  for (const stem of stemsA) if (stemsB.has(stem)) shared += 1;
  return shared / Math.min(stemsA.size, stemsB.size);
}

/** A renamed BTS is recognised when at least half of the shorter title's words match. */
const RENAMED_BTS_OVERLAP = 0.5;

/**
 * Imports the BTS rows once Parcoursup is in: each row joins the training that already holds its
 * UAI + MEF (the other status of the same BTS), else the Parcoursup training of the same UAI with
 * the same label, else — for the rows still unmatched at a UAI — the Parcoursup BTS whose title is
 * closest (a BTS renamed between the two files, e.g. "Diététique" / "Diététique et nutrition"),
 * else it becomes a training of its own, placed by its UAI.
 */
function importPendingBts(context: ImportContext): void {
  const { builder } = context;
  const rows = context.pendingBts;
  context.pendingBts = [];
  const unmatched: BtsRow[] = [];
  const mergeBts = (row: BtsRow, into: string, reason: string, preferPatch: readonly (keyof Training)[] = []) => {
    builder.mergeInto(into, row.patch, row.source, reason, preferPatch);
    context.btsMerged.add(into);
    context.trainingByUaiMef.set(`${row.uai}|${row.mef}`, into);
  };
  for (const row of rows) {
    const holder = context.trainingByUaiMef.get(`${row.uai}|${row.mef}`);
    if (holder) {
      mergeBts(row, holder, `même UAI et même MEF (${row.mef}) : une seule formation, ${STATUT_WORDS[row.voie] ?? row.voie} ajouté à ses voies`);
      continue;
    }
    const parcoursup = row.voie === 'scolaire' ? context.parcoursupByKey.get(`${row.uai}|${foldText(row.label)}`) : undefined;
    if (parcoursup && !context.btsMerged.has(parcoursup)) {
      mergeBts(row, parcoursup, 'même formation dans Parcoursup (UAI et libellé identiques) : libellé accentué, MEF et capacité conservés', ['intitule']);
      continue;
    }
    unmatched.push(row);
  }
  // Renamed BTS: the best-matching Parcoursup BTS of the same UAI not yet matched, if clear.
  const leftover: BtsRow[] = [];
  for (const row of unmatched) {
    const holder = context.trainingByUaiMef.get(`${row.uai}|${row.mef}`);
    if (holder) {
      mergeBts(row, holder, `même UAI et même MEF (${row.mef}) : une seule formation, ${STATUT_WORDS[row.voie] ?? row.voie} ajouté à ses voies`);
      continue;
    }
    const candidates = (context.sitesByUai.get(row.uai) ?? [])
      .flatMap((siteId) => builder.trainingsAt(siteId))
      .filter((training) => training.id.startsWith('psup:') && training.diplome === 'BTS' && !context.btsMerged.has(training.id))
      .map((training) => ({ training, overlap: titleOverlap(row.label, training.intitule) }))
      .filter((candidate) => candidate.overlap >= RENAMED_BTS_OVERLAP)
      .sort((a, b) => b.overlap - a.overlap);
    const [best, second] = candidates;
    if (row.voie === 'scolaire' && best && (!second || second.overlap < best.overlap)) {
      mergeBts(row, best.training.id, `même BTS sous un autre libellé dans Parcoursup (« ${row.label} » / « ${best.training.intitule} », même UAI) : une seule formation`);
      continue;
    }
    leftover.push(row);
  }
  for (const row of leftover) {
    const holder = context.trainingByUaiMef.get(`${row.uai}|${row.mef}`);
    if (holder) {
      mergeBts(row, holder, `même UAI et même MEF (${row.mef}) : une seule formation, ${STATUT_WORDS[row.voie] ?? row.voie} ajouté à ses voies`);
      continue;
    }
    const siteId = siteForUai(context, row.source, row.uai, row.record, 'UAI');
    if (!siteId) continue;
    const diploma = diplomaFromLabel(row.label);
    const id = `bts:${row.uai}:${row.mef}`;
    builder.addTraining(
      {
        id,
        siteId,
        diplome: diploma?.diplome ?? null,
        niveau: diploma?.niveau ?? null,
        niveauOrigin: diploma?.niveau ? 'intitule' : null,
        modalite: null,
        conventionne: null,
        sessions: [],
        organisme: builder.site(siteId)?.nom ?? null,
        url: null,
        ...row.patch,
      },
      row.source,
      'même UAI, MEF et statut deux fois dans le fichier',
    );
    context.trainingByUaiMef.set(`${row.uai}|${row.mef}`, id);
  }
}

const DISPOSITIF_DIPLOMES: readonly [RegExp, string][] = [
  [/PRO/, 'Bac pro'],
  [/CAP/, 'CAP'],
  [/BMA/, 'Brevet des métiers d’art'],
];

/** The year of entry a MEF stands for, from the nomenclature's short label ("2NDPRO", "1ERPRO", "1CAP2"). */
function entryOf(dispositif: string): string | null {
  if (/^2ND|^2DPRO/.test(dispositif)) return '2nde';
  if (/^1ER|^1EPRO/.test(dispositif)) return '1re';
  return null;
}

/** The MEF's own words say it is for apprentices ("… pour apprentis", "MEF pour les apprentis"). */
function isForApprentices(entry: MefEntry): boolean {
  return /\bpour (les )?apprentis\b/.test(foldText(`${entry.libelle} ${entry.commentaire}`));
}

function importAffelnet(table: Table, context: ImportContext): void {
  const { builder } = context;
  const source = table.input.source;
  // A Bac pro is one training entered in 2nde or in 1re: the rows of a UAI that prepare the same
  // final year (Affelnet's `mef_stat_terminale`) are grouped; the 2nde row, when there is one, leads.
  const groups = new Map<string, { row: Table['rows'][number]; mef: string; entry: MefEntry }[]>();
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get("Etablissement d'accueil").toUpperCase();
    const mef = row.get('MEF STAT 11');
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, "Etablissement d'accueil", `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    const entry = context.mef.get(mef);
    if (!entry) {
      builder.reject(source, record, 'MEF STAT 11', `MEF ${mef} absent de la table des MEF`);
      continue;
    }
    if (row.get('Statut Offre de formation') !== 'ST') builder.warn(source, record, `statut "${row.get('Statut Offre de formation')}" lu comme scolaire`);
    const terminal = row.get('mef_stat_terminale');
    const key = `${uai}|${/^\w{11}$/.test(terminal) ? terminal : mef}`;
    const group = groups.get(key) ?? [];
    group.push({ row, mef, entry });
    groups.set(key, group);
  }
  // A "2nde commune" opens onto several Bac pros of one famille de métiers: their 1re rows name
  // the famille, the 2nde row does not. Each such Bac pro gets the famille's 2nde as its entry.
  const familySeconds = new Map<string, string[]>();
  const familyOf = new Map<string, { secondKey: string; famille: string }>();
  for (const [key, group] of groups) {
    const famille = collapseSpaces(group.find((item) => item.row.get('Famille de métiers'))?.row.get('Famille de métiers') ?? '');
    if (!famille || group.some((item) => entryOf(item.entry.dispositif) === '2nde')) continue;
    const uai = key.split('|')[0] ?? '';
    const candidates = [...groups]
      .filter(([otherKey, other]) => otherKey.startsWith(`${uai}|`) && other.every((item) => entryOf(item.entry.dispositif) === '2nde') && !other.some((item) => item.row.get('Famille de métiers')))
      .map(([otherKey, other]) => ({ key: otherKey, overlap: titleOverlap(famille, other[0]?.entry.libelle.replace(/^2nde pro (metiers|métiers)?/i, '') ?? '') }))
      .filter((candidate) => candidate.overlap >= RENAMED_BTS_OVERLAP)
      .sort((a, b) => b.overlap - a.overlap);
    const [best, second] = candidates;
    if (!best || (second && second.overlap === best.overlap)) continue;
    familyOf.set(key, { secondKey: best.key, famille });
    familySeconds.set(best.key, [...(familySeconds.get(best.key) ?? []), key]);
  }
  const accesOf = (item: { row: Table['rows'][number]; entry: MefEntry }, entree: string | null = entryOf(item.entry.dispositif)): Acces => ({
    entree,
    places: readCount(item.row.get('Capacité carte scolaire')),
    voeux: readCount(item.row.get('Demandes vœux 1')),
    voeuxType: 'premier-choix',
    source: 'Affelnet 2022',
  });
  const trainingOfGroup = new Map<string, string>();
  for (const [key, group] of groups) {
    if (familySeconds.has(key)) continue;
    const uai = key.split('|')[0] ?? '';
    group.sort((a, b) => a.mef.localeCompare(b.mef));
    const [lead, ...rest] = group;
    if (!lead) continue;
    const record = recordOf(lead.row.line);
    const siteId = siteForUai(context, source, uai, record, "Etablissement d'accueil");
    if (!siteId) {
      for (const other of rest) builder.reject(source, recordOf(other.row.line), "Etablissement d'accueil", `même formation que la ${record}, dont l'UAI ${uai} n'est pas situé`);
      continue;
    }
    const nsf = lead.entry.diplome.slice(3, 6);
    const mefNsf = nsfOfMefStat11(lead.mef);
    if (mefNsf && mefNsf !== nsf) builder.warn(source, record, `NSF ${mefNsf} du MEF différent de ${nsf} du code diplôme ; celui du diplôme est gardé`);
    const level = levelFromDiplomaCode(lead.entry.diplome);
    const label = collapseSpaces(lead.entry.libelle.replace(/^Ann[ée]e \d\/\d /i, ''));
    const apprentices = group.some((item) => isForApprentices(item.entry));
    const id = `affelnet:${uai}:${lead.mef}`;
    const kept = builder.addTraining(
      {
        id,
        siteId,
        intitule: label,
        diplome: DISPOSITIF_DIPLOMES.find(([pattern]) => pattern.test(lead.entry.dispositif))?.[1] ?? diplomaFromLabel(label)?.diplome ?? null,
        niveau: level?.niveau ?? null,
        niveauOrigin: level ? 'mef' : null,
        nsf: domainFromNsf(nsf) ? nsf : null,
        domaine: domainFromNsf(nsf),
        voies: [apprentices ? 'apprentissage' : 'scolaire'],
        modalite: null,
        conventionne: null,
        capacite: readCount(lead.row.get('Capacité carte scolaire')),
        sessions: [],
        organisme: builder.site(siteId)?.nom ?? null,
        url: null,
        certification: { mef: lead.mef },
        provenance: [{ source, record }],
        acces: [accesOf(lead)],
      },
      source,
      'même UAI et même MEF deux fois dans le fichier',
    );
    if (kept === 'kept') {
      context.trainingByUaiMef.set(`${uai}|${lead.mef}`, id);
      trainingOfGroup.set(key, id);
    }
    for (const other of rest) {
      const entree = entryOf(other.entry.dispositif);
      builder.mergeInto(
        id,
        { provenance: [{ source, record: recordOf(other.row.line) }], acces: [accesOf(other)] },
        source,
        `même diplôme préparé (MEF de terminale ${key.split('|')[1]}) : entrée en ${entree ?? other.entry.dispositif} de la même formation`,
      );
      context.trainingByUaiMef.set(`${uai}|${other.mef}`, id);
    }
  }
  // The famille's 2nde: an entry point of each of its Bac pros, counted once (merged into the first).
  for (const [secondKey, bacPros] of familySeconds) {
    const seconds = groups.get(secondKey) ?? [];
    const famille = familyOf.get(bacPros[0] ?? '')?.famille ?? '';
    const trainings = bacPros.map((key) => trainingOfGroup.get(key)).filter((id): id is string => id !== undefined);
    const [first, ...others] = trainings;
    const uai = secondKey.split('|')[0] ?? '';
    for (const item of seconds) {
      const record = recordOf(item.row.line);
      if (!first) {
        builder.reject(source, record, "Etablissement d'accueil", `2nde commune de la famille « ${famille} » : l'UAI ${uai} n'est pas situé, ni aucun de ses Bac pro`);
        continue;
      }
      const entry = accesOf(item, `2nde commune (famille « ${famille.toLowerCase()} »)`);
      builder.mergeInto(first, { provenance: [{ source, record }], acces: [entry] }, source, `2nde commune de la famille de métiers « ${famille} » : entrée en 2nde des Bac pro de cette famille au même UAI`);
      for (const id of others) builder.training(id)?.acces.push(entry);
      context.trainingByUaiMef.set(`${uai}|${item.mef}`, first);
    }
  }
}
