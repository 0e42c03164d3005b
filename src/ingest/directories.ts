import { streetAddress } from './fields.ts';
import { restoreCommuneName, titleCaseName } from '../domain/accents.ts';
import { collapseSpaces, foldText } from '../domain/text.ts';
import type { LocationPrecision, Organisme, Provenance } from '../domain/training.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import { parseCsv } from './csv.ts';
import type { DatasetBuilder } from './dataset-builder.ts';
import { departementOfUai, type Locator } from './locator.ts';

/** An establishment as a directory places it, by its UAI. */
export interface Establishment {
  uai: string;
  nom: string;
  adresse: string | null;
  commune: string;
  point: [number, number];
  /** `address` (the directory's coordinates), `commune` (its commune's point) or `siege` (a head office). */
  precision: LocationPrecision;
  kind: 'lycee' | 'organisme' | 'enseignement-superieur';
  provenance: Provenance;
}

/**
 * Establishments by UAI from the three directories (lycées, apprenticeship organisations,
 * higher education). Used to place the rows of sources that give only a UAI.
 */
export class EstablishmentDirectory {
  private readonly byUai = new Map<string, Establishment>();
  /** Higher-education institutions by every UAI they had (head offices). */
  private readonly headOffices = new Map<string, Establishment>();

  /** Keeps the first establishment seen for a UAI; lycées are read first (they have coordinates). */
  add(establishment: Establishment): boolean {
    if (establishment.kind === 'enseignement-superieur') return false;
    if (this.byUai.has(establishment.uai)) return false;
    this.byUai.set(establishment.uai, establishment);
    return true;
  }

  /** A former UAI (the MESR directory's « anciens codes uai ») → the institution's current one. */
  private readonly formerUais = new Map<string, string>();

  addHeadOffice(establishment: Establishment, uais: readonly string[], formerUais: readonly string[] = []): void {
    for (const uai of [...uais, ...formerUais]) if (!this.headOffices.has(uai)) this.headOffices.set(uai, establishment);
    for (const former of formerUais) if (!uais.includes(former) && !this.formerUais.has(former)) this.formerUais.set(former, establishment.uai);
  }

  /** The UAI an institution has today, for one it had before; any other UAI as given. */
  currentUai(uai: string): string {
    return this.formerUais.get(uai) ?? uai;
  }

  /** Where a teaching establishment is, by UAI. */
  establishment(uai: string): Establishment | undefined {
    return this.byUai.get(uai);
  }

  /** The head office of a higher-education institution, by its current or former UAI. */
  headOffice(uai: string): Establishment | undefined {
    return this.headOffices.get(uai);
  }

  get size(): number {
    return this.byUai.size;
  }
}

const UAI_PATTERN = /^\d{7}[A-Z]$/;

/** Source ids of the directories in the builder and the dataset. */
export const DIRECTORY_SOURCES = {
  lycees: 'annuaire-lycees',
  organismes: 'organismes-apprentissage',
  enseignementSuperieur: 'esr-etablissements',
} as const;

interface LyceeEntry {
  uai?: unknown;
  nom?: unknown;
  ville?: unknown;
  codeDept?: unknown;
  lat?: unknown;
  lng?: unknown;
  adresse?: unknown;
  codePostal?: unknown;
  type?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? collapseSpaces(value) : '');

/**
 * Reads the lycées directory (Annuaire de l'éducation via IVAL, JSON `{meta, lycees: [...]}`).
 * Every entry is counted: kept (placed at its coordinates, or at its commune without them),
 * merged (the same UAI listed again, e.g. the vocational part of a polyvalent lycée) or rejected.
 */
export function readLyceeDirectory(json: string, file: string, directory: EstablishmentDirectory, builder: DatasetBuilder, locator: Locator): Result<void> {
  const source = DIRECTORY_SOURCES.lycees;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return fail(`${file} : JSON illisible (${(error as Error).message})`);
  }
  const entries = (data as { lycees?: unknown }).lycees;
  if (!Array.isArray(entries)) return fail(`${file} : tableau "lycees" absent`);
  for (const [index, raw] of (entries as LyceeEntry[]).entries()) {
    builder.read(source);
    const uai = text(raw.uai).toUpperCase();
    const record = `lycées[${index}] UAI ${uai || '?'}`;
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, 'uai', `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    const known = directory.establishment(uai);
    if (known) {
      builder.mergeRecord(source, record, `${known.provenance.record}`, `même UAI déjà lu (${text(raw.type) || 'autre partie'} du même lycée)`);
      continue;
    }
    const ville = text(raw.ville);
    const codePostal = text(raw.codePostal);
    const located = locator.locate({
      latitude: typeof raw.lat === 'number' ? raw.lat : null,
      longitude: typeof raw.lng === 'number' ? raw.lng : null,
      codePostal,
      ville,
      expectedDepartement: departementOfUai(uai),
      nom: text(raw.nom),
    });
    if (!located.ok) {
      builder.reject(source, record, located.field, located.reason);
      continue;
    }
    if (located.warning) builder.warn(source, record, located.warning);
    const communeName = locator.commune(located.place.commune)?.nom ?? '';
    directory.add({
      uai,
      nom: restoreCommuneName(titleCaseName(text(raw.nom)), communeName),
      adresse: streetAddress(text(raw.adresse), codePostal, communeName || ville),
      commune: located.place.commune,
      point: located.place.point,
      precision: located.place.precision,
      kind: 'lycee',
      provenance: { source, record },
    });
    builder.keepRecord(source);
  }
  return ok(undefined);
}

/**
 * Reads the apprenticeship organisations directory (Mission apprentissage, `;` CSV). Each row is
 * an organisation (UAI + SIRET), placed at its commune (name and postcode → INSEE code): it goes
 * to the "Centres de formation d'apprentis et organismes" layer and places rows by UAI.
 */
export function readApprenticeshipOrganisations(csv: string, file: string, directory: EstablishmentDirectory, builder: DatasetBuilder, locator: Locator): Result<void> {
  const source = DIRECTORY_SOURCES.organismes;
  const [header, ...rows] = parseCsv(csv);
  const columns = ['uai', 'siret', 'raison_sociale', 'enseigne', 'nature', 'departement', 'commune', 'adresse', 'prepa_apprentissage'];
  const index = new Map((header?.cells ?? []).map((name, column) => [name.trim(), column]));
  const missing = columns.filter((column) => !index.has(column));
  if (missing.length > 0) return fail(`${file} : colonnes absentes : ${missing.join(', ')}`);
  const seen = new Map<string, string>();
  for (const row of rows) {
    const get = (column: string) => collapseSpaces(row.cells[index.get(column) ?? -1] ?? '');
    builder.read(source);
    const record = `ligne ${row.line}`;
    const uai = get('uai').toUpperCase();
    const siret = get('siret');
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, 'uai', `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    const key = `${uai}|${siret}`;
    const earlier = seen.get(key);
    if (earlier) {
      builder.mergeRecord(source, record, earlier, 'même UAI et même SIRET déjà lus');
      continue;
    }
    const adresse = get('adresse');
    const postcode = /(\d{5})(?!.*\d{5})/.exec(adresse)?.[1] ?? null;
    const ville = get('commune');
    const located = locator.locate({ codePostal: postcode, ville });
    if (!located.ok) {
      builder.reject(source, record, postcode ? 'commune' : 'adresse', `${get('raison_sociale')} (UAI ${uai}) : ${located.reason}`);
      continue;
    }
    const communeName = locator.commune(located.place.commune)?.nom ?? ville;
    const raisonSociale = titleCaseName(get('raison_sociale'));
    const enseigne = titleCaseName(get('enseigne'));
    // The trade name says what people know the place as; the legal name stays beside it.
    const nom = restoreCommuneName(enseigne && foldText(enseigne) !== foldText(raisonSociale) && enseigne.length > 4 ? `${enseigne} (${raisonSociale})` : raisonSociale, communeName);
    const organisme: Organisme = {
      id: `cfa:${uai}:${siret || row.line}`,
      uai,
      siret: /^\d{14}$/.test(siret) ? siret : null,
      nom,
      nature: get('nature') || 'inconnue',
      // "60600 AIRION" alone is a postcode and a town, not an address.
      adresse: adresse.replace(/\s*\d{5}\s+[^,\d]*$/, '').trim() !== '' ? titleCaseName(adresse) : null,
      commune: located.place.commune,
      point: located.place.point,
      precision: 'commune',
      prepaApprentissage: get('prepa_apprentissage').toUpperCase() === 'X',
      // The source's own name, kept when the name shown is written otherwise.
      provenance: [{ source, record, ...(nom !== get('raison_sociale') ? { nom: get('raison_sociale') } : {}) }],
    };
    builder.organismes.push(organisme);
    directory.add({ uai, nom, adresse: organisme.adresse, commune: organisme.commune, point: organisme.point, precision: 'commune', kind: 'organisme', provenance: { source, record } });
    seen.set(key, record);
    builder.keepRecord(source);
  }
  return ok(undefined);
}

/**
 * Reads the MESR directory of universities and grandes écoles (head offices, `;` CSV, accented
 * names). They place master mentions at their institution's head office, said as such.
 */
export function readHigherEducationDirectory(csv: string, file: string, directory: EstablishmentDirectory, builder: DatasetBuilder, locator: Locator): Result<void> {
  const source = DIRECTORY_SOURCES.enseignementSuperieur;
  const [header, ...rows] = parseCsv(csv);
  const columns = ['libellé', 'uai - identifiant', 'anciens codes uai', 'géolocalisation', 'Code commune', 'Adresse', 'Code postal', 'Commune'];
  const index = new Map((header?.cells ?? []).map((name, column) => [name.trim(), column]));
  const missing = columns.filter((column) => !index.has(column));
  if (missing.length > 0) return fail(`${file} : colonnes absentes : ${missing.join(', ')}`);
  for (const row of rows) {
    const get = (column: string) => collapseSpaces(row.cells[index.get(column) ?? -1] ?? '');
    builder.read(source);
    const record = `ligne ${row.line}`;
    // An institution formed by a merger lists several UAIs here ("0597139P;0590349J").
    const uais = get('uai - identifiant')
      .split(/[;,\s]+/)
      .map((code) => code.toUpperCase())
      .filter((code) => UAI_PATTERN.test(code));
    const [uai] = uais;
    if (!uai) {
      builder.reject(source, record, 'uai - identifiant', `"${get('uai - identifiant')}" ne contient aucun UAI (7 chiffres et une lettre)`);
      continue;
    }
    const [latitude, longitude] = get('géolocalisation').split(',').map((part) => part.trim());
    const located = locator.locate({ latitude: latitude ?? null, longitude: longitude ?? null, codeInsee: get('Code commune'), codePostal: get('Code postal') });
    if (!located.ok) {
      builder.reject(source, record, located.field, `${get('libellé')} : ${located.reason}`);
      continue;
    }
    const formerUais = get('anciens codes uai')
      .split(/[;,\s]+/)
      .map((code) => code.toUpperCase())
      .filter((code) => UAI_PATTERN.test(code));
    const communeName = locator.commune(located.place.commune)?.nom ?? get('Commune');
    directory.addHeadOffice(
      {
        uai,
        nom: titleCaseName(get('libellé')),
        adresse: streetAddress(get('Adresse'), get('Code postal'), communeName),
        commune: located.place.commune,
        point: located.place.point,
        precision: 'siege',
        kind: 'enseignement-superieur',
        provenance: { source, record },
      },
      uais,
      formerUais,
    );
    builder.keepRecord(source);
  }
  return ok(undefined);
}
