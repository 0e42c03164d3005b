import { domainFromNsf } from '../domain/domains.ts';
import { diplomaFromLabel, levelFromDiplomaCode } from '../domain/levels.ts';
import { collapseSpaces, foldText, htmlToPlainText, shortHash } from '../domain/text.ts';
import type { Modalite, Training, Voie } from '../domain/training.ts';
import { parseCsv, type CsvRow } from './csv.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import { readCount, readUrl } from './fields.ts';
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

/** Imports order: located sources first, so the others can join on their UAI. */
const ORDER: readonly OpenDataLayout[] = ['mef-lookup', 'parcoursup', 'tmm', 'bts-parcoursup', 'affelnet'];

/**
 * Imports the open-data extracts (Parcoursup, Trouver mon master, Parcoursup BTS capacities,
 * Affelnet with its MEF lookup) into the builder. Rows without coordinates are located by
 * joining their UAI to a located site, else by their postcode and commune; the same training in
 * Parcoursup and in the BTS file is merged, the accented label kept.
 */
export function importOpenData(inputs: readonly OpenDataInput[], builder: DatasetBuilder, locator: Locator): Result<void> {
  const tables: Table[] = [];
  for (const input of inputs) {
    const table = readOpenDataTable(input);
    if (!table.ok) return table;
    tables.push(table.value);
  }
  tables.sort((a, b) => ORDER.indexOf(a.layout) - ORDER.indexOf(b.layout));
  const context: ImportContext = { builder, locator, sitesByUai: new Map(), parcoursupByKey: new Map(), mef: new Map() };
  for (const table of tables) {
    switch (table.layout) {
      case 'mef-lookup':
        readMefLookup(table, context);
        break;
      case 'parcoursup':
        importParcoursup(table, context);
        break;
      case 'tmm':
        importTrouverMonMaster(table, context);
        break;
      case 'bts-parcoursup':
        importBtsCapacities(table, context);
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
  return ok(undefined);
}

interface MefEntry {
  libelle: string;
  diplome: string;
  dispositif: string;
}

interface ImportContext {
  builder: DatasetBuilder;
  locator: Locator;
  /** Located sites by UAI, in the order they were found. */
  sitesByUai: Map<string, string[]>;
  /** Parcoursup trainings by UAI + folded label, for the BTS merge. */
  parcoursupByKey: Map<string, string>;
  mef: Map<string, MefEntry>;
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

function readMefLookup(table: Table, context: ImportContext): void {
  for (const row of table.rows) {
    const mef = row.get('MEF_STAT_11');
    if (!/^\w{11}$/.test(mef)) continue;
    context.mef.set(mef, { libelle: row.get('LIBELLE_EDITION') || row.get('LIBELLE_LONG'), diplome: row.get('FORMATION_DIPLOME'), dispositif: row.get('LIBELLE_COURT') });
  }
}

function importParcoursup(table: Table, context: ImportContext): void {
  const { builder, locator } = context;
  const source = table.input.source;
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('Code UAI de l etablissement').toUpperCase();
    const label = collapseSpaces(htmlToPlainText(row.get('Filiere de formation')));
    const name = collapseSpaces(row.get('etablissement'));
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, 'Code UAI de l etablissement', `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    if (label === '') {
      builder.reject(source, record, 'Filiere de formation', 'libellé vide');
      continue;
    }
    const [latitude, longitude] = row.get('Coordonnées GPS de la formation').split(',').map((part) => part.trim());
    const located = locator.locate({ latitude: latitude ?? null, longitude: longitude ?? null, expectedDepartement: departementOfUai(uai), nom: name });
    if (!located.ok) {
      builder.reject(source, record, 'Coordonnées GPS de la formation', `${name} (UAI ${uai}): ${located.reason}`);
      continue;
    }
    // A point corrected to a commune yields to a site of the same UAI already located at its address.
    const sameUai = located.place.precision === 'commune' ? (context.sitesByUai.get(uai) ?? []).map((id) => builder.site(id)).find((site) => site?.precision === 'address') : undefined;
    if (located.warning) builder.warn(source, record, `${name} (UAI ${uai}): ${located.warning}${sameUai ? ` ; le même UAI est situé en ${sameUai.id}, utilisé à la place` : ''}`);
    const siteId = sameUai?.id ?? `uai:${uai}:${located.place.commune}`;
    if (!sameUai) {
      builder.upsertSite({ id: siteId, nom: name, uai, siret: null, adresse: null, commune: located.place.commune, point: located.place.point, precision: located.place.precision, provenance: [{ source, record }] });
      rememberSite(context, uai, siteId);
    }
    const diploma = diplomaFromLabel(label);
    const key = `${uai}|${foldText(label)}`;
    const training: Training = {
      id: `psup:${uai}:${shortHash(foldText(label))}`,
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
      organisme: name,
      url: null,
      certification: {},
      provenance: [{ source, record }],
    };
    if (builder.addTraining(training, source, 'même UAI et même libellé deux fois dans le fichier') === 'kept') context.parcoursupByKey.set(key, training.id);
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
    const name = collapseSpaces(row.get('Nom d’usage de l’établissement accrédité') || row.get('Nom officiel (long) de l’établissement accrédité'));
    const postcode = row.get('Code postal de la ville de l’établissement accrédité');
    const ville = row.get('Ville de l’établissement accrédité');
    const commune = locator.communeFromPostcode(postcode, ville);
    // A site of the same institution already located (by Parcoursup) in that commune is the better point.
    const known = (context.sitesByUai.get(uai) ?? []).map((id) => builder.site(id)).find((site) => site && commune && site.commune === commune.code);
    let siteId: string;
    if (known) siteId = known.id;
    else {
      const located = locator.locate({ codePostal: postcode, ville });
      if (!located.ok) {
        builder.reject(source, record, 'Code postal de la ville de l’établissement accrédité', `${name}: ${located.reason}`);
        continue;
      }
      builder.warn(source, record, `${name} : placé au point de sa commune (l'adresse est celle du siège de l'établissement accréditeur)`);
      siteId = `uai:${uai}:${located.place.commune}`;
      const address = [row.get('Adresse de l’établissement accrédité'), postcode, ville].filter(Boolean).join(' ');
      builder.upsertSite({ id: siteId, nom: name, uai, siret: null, adresse: collapseSpaces(address), commune: located.place.commune, point: located.place.point, precision: 'commune', provenance: [{ source, record }] });
      rememberSite(context, uai, siteId);
    }
    const modalities = foldText(row.get('Modalités d’enseignement de la mention'));
    const voies: Voie[] = [];
    if (modalities.includes('formation initiale')) voies.push('scolaire');
    if (modalities.includes('apprentissage') || modalities.includes('alternance')) voies.push('apprentissage');
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
      voies: voies.length > 0 ? voies : ['scolaire'],
      modalite,
      conventionne: null,
      capacite: readCount(row.get('Capacité d’accueil limitée au 1er semestre')),
      sessions: [],
      organisme: name,
      url: readUrl(row.get('URL de la fiche relative à la mention sur le site internet de l’établissement')),
      certification: inm ? { inm } : {},
      provenance: [{ source, record }],
    };
    builder.addTraining(training, source, 'même UAI et même mention deux fois dans la campagne');
  }
}

/** NSF group in a MEF STAT 11 code: its digits 7 to 9, when they are a real group. */
export function nsfOfMefStat11(mef: string): string | null {
  const group = mef.slice(6, 9);
  return /^\d{3}$/.test(group) && domainFromNsf(group) ? group : null;
}

function siteForUai(context: ImportContext, table: Table, uai: string, record: string, field: string): string | null {
  const sites = context.sitesByUai.get(uai);
  if (!sites || sites.length === 0) {
    context.builder.reject(table.input.source, record, field, `l'UAI ${uai} n'a aucun lieu situé dans les autres sources, et ce fichier n'a ni coordonnées ni commune`);
    return null;
  }
  if (sites.length > 1) context.builder.warn(table.input.source, record, `l'UAI ${uai} a ${sites.length} lieux ; la formation est placée au premier (${sites[0]})`);
  return sites[0] ?? null;
}

function importBtsCapacities(table: Table, context: ImportContext): void {
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
    const diploma = diplomaFromLabel(label);
    const patch = {
      intitule: label,
      nsf,
      domaine: domainFromNsf(nsf),
      capacite: readCount(row.get('CAPACITEPSUP')),
      certification: /^\w{11}$/.test(mef) ? { mef } : {},
      provenance: [{ source, record }],
    };
    const parcoursup = voie === 'scolaire' ? context.parcoursupByKey.get(`${uai}|${foldText(label)}`) : undefined;
    if (parcoursup) {
      builder.mergeInto(parcoursup, patch, source, 'même formation dans Parcoursup (UAI et libellé identiques) : libellé accentué, MEF et capacité conservés', ['intitule']);
      continue;
    }
    const siteId = siteForUai(context, table, uai, record, 'UAI');
    if (!siteId) continue;
    builder.addTraining(
      {
        id: `bts:${uai}:${mef}:${voie}`,
        siteId,
        diplome: diploma?.diplome ?? null,
        niveau: diploma?.niveau ?? null,
        niveauOrigin: diploma?.niveau ? 'intitule' : null,
        voies: [voie],
        modalite: null,
        conventionne: null,
        sessions: [],
        organisme: builder.site(siteId)?.nom ?? null,
        url: null,
        ...patch,
      },
      source,
      'même UAI, MEF et statut deux fois dans le fichier',
    );
  }
}

const DISPOSITIF_DIPLOMES: readonly [RegExp, string][] = [
  [/PRO/, 'Bac pro'],
  [/CAP/, 'CAP'],
  [/BMA/, 'Brevet des métiers d’art'],
];

function importAffelnet(table: Table, context: ImportContext): void {
  const { builder } = context;
  const source = table.input.source;
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get("Etablissement d'accueil").toUpperCase();
    const mef = row.get('MEF STAT 11');
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, "Etablissement d'accueil", `"${uai}" is not a UAI`);
      continue;
    }
    const entry = context.mef.get(mef);
    if (!entry) {
      builder.reject(source, record, 'MEF STAT 11', `MEF ${mef} absent de la table des MEF`);
      continue;
    }
    if (row.get('Statut Offre de formation') !== 'ST') builder.warn(source, record, `statut "${row.get('Statut Offre de formation')}" lu comme scolaire`);
    const siteId = siteForUai(context, table, uai, record, "Etablissement d'accueil");
    if (!siteId) continue;
    const nsf = entry.diplome.slice(3, 6);
    const mefNsf = nsfOfMefStat11(mef);
    if (mefNsf && mefNsf !== nsf) builder.warn(source, record, `NSF ${mefNsf} du MEF différent de ${nsf} du code diplôme ; celui du diplôme est gardé`);
    const level = levelFromDiplomaCode(entry.diplome);
    const label = collapseSpaces(entry.libelle.replace(/^Ann[ée]e \d\/\d /i, ''));
    builder.addTraining(
      {
        id: `affelnet:${uai}:${mef}`,
        siteId,
        intitule: label,
        diplome: DISPOSITIF_DIPLOMES.find(([pattern]) => pattern.test(entry.dispositif))?.[1] ?? diplomaFromLabel(label)?.diplome ?? null,
        niveau: level?.niveau ?? null,
        niveauOrigin: level ? 'mef' : null,
        nsf: domainFromNsf(nsf) ? nsf : null,
        domaine: domainFromNsf(nsf),
        voies: ['scolaire'],
        modalite: null,
        conventionne: null,
        capacite: readCount(row.get('Capacité carte scolaire')),
        sessions: [],
        organisme: builder.site(siteId)?.nom ?? null,
        url: null,
        certification: { mef },
        provenance: [{ source, record }],
      },
      source,
      'même UAI et même MEF deux fois dans le fichier',
    );
  }
}
