import type { Fact } from './coverage.ts';

/**
 * How a training is followed. The product says "initiale" for `scolaire`. `alternance` is what a
 * source says when it does not tell apprenticeship from a contrat de professionnalisation: kept
 * apart from `apprentissage`, never counted as it.
 */
export const VOIES = ['scolaire', 'apprentissage', 'alternance', 'continue'] as const;
export type Voie = (typeof VOIES)[number];
export const VOIE_LABELS: Readonly<Record<Voie, string>> = {
  scolaire: 'Formation initiale (scolaire)',
  apprentissage: 'Apprentissage',
  alternance: 'Alternance (apprentissage ou contrat de professionnalisation)',
  continue: 'Formation continue',
};

/** LHEO `modalites-enseignement`: 0 in person, 1 mixed, 2 fully at a distance (FOAD). */
export const MODALITES = ['presentiel', 'mixte', 'distance'] as const;
export type Modalite = (typeof MODALITES)[number];
export const MODALITE_LABELS: Readonly<Record<Modalite, string>> = {
  presentiel: 'En présentiel',
  mixte: 'Mixte (présentiel et à distance)',
  distance: 'À distance (FOAD)',
};

/** European qualification level (1–8); the app shows 3–8 with the words people use. */
export type Niveau = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const NIVEAU_LABELS: Readonly<Record<Niveau, string>> = {
  1: 'Savoirs de base (niveau 1)',
  2: 'Savoirs de base (niveau 2)',
  3: 'CAP, BEP (niveau 3)',
  4: 'Bac (niveau 4)',
  5: 'Bac+2 : BTS, DEUST (niveau 5)',
  6: 'Bac+3 : Licence, BUT (niveau 6)',
  7: 'Bac+5 : Master, ingénieur (niveau 7)',
  8: 'Doctorat (niveau 8)',
};
/** Where a level came from, so a person can tell how it was derived. */
export type NiveauOrigin = 'lheo-europeen' | 'lheo-ancien' | 'diplome' | 'mef' | 'intitule';

/** Where a record came from: enough to find it back in the source file. */
export interface Provenance {
  /** Id of a source in the dataset's source table. */
  source: string;
  /** Record id in that source (LHEO `formation <numero> action <numero>`, or `ligne N`). */
  record: string;
  /** The name the source writes, kept when the name shown restores its accents or case. */
  nom?: string;
}

export interface SourceDescription {
  id: string;
  label: string;
  file: string;
  /** Date of the data (session, campaign, extraction), as the source states it. */
  date: string;
  licence: string;
  origin: string;
  /**
   * `annuaire`: a directory of establishments (it places rows and names sites); `faits`: a fact
   * table; `nomenclature`: an official nomenclature (diploma codes, titles, jobs). None holds trainings.
   */
  role?: 'annuaire' | 'faits' | 'nomenclature';
  /** What the import did with this source's records (read = kept + merged + rejected). */
  counts?: { read: number; kept: number; merged: number; rejected: number; address: number; commune: number; siege: number };
}

export interface TrainingSession {
  /** `YYYY-MM-DD`, or `YYYY-MM` when the source gives only the month. */
  debut: string | null;
  fin: string | null;
  /** LHEO `etat-recrutement`: 1 open, 2 closed, 3 suspended. */
  etat: 'ouvert' | 'ferme' | 'suspendu' | null;
}

export interface Certification {
  rncp?: string;
  certifinfo?: string;
  rs?: string;
  /** MEF STAT 11 of the Éducation nationale. */
  mef?: string;
  /** Identifiant navette de la mention (master). */
  inm?: string;
}

/**
 * What a source says about getting in, for one entry point: places and wishes, with the source and
 * year, so a person sees where a place is easier to get. No score is derived beyond the ratio.
 */
export interface Acces {
  /** Entry point: "2nde", "1re" (a Bac pro entered in 1re), or null for the training as a whole. */
  entree: string | null;
  places: number | null;
  voeux: number | null;
  /** Affelnet counts first-choice wishes; Parcoursup, confirmed wishes. */
  voeuxType: 'premier-choix' | 'confirmes';
  /** Source and year in words, e.g. "Affelnet 2022". */
  source: string;
  /** The source says "no limit" (Affelnet's 999): places are not a number. */
  placesNonLimitees?: boolean;
}

export interface Training {
  id: string;
  siteId: string;
  intitule: string;
  /** Kind of diploma in plain words: CAP, Bac pro, BTS, BUT, Licence, Master… */
  diplome: string | null;
  niveau: Niveau | null;
  niveauOrigin: NiveauOrigin | null;
  /** NSF group (3 digits). */
  nsf: string | null;
  /** User-facing domain id (see domains.ts). */
  domaine: string | null;
  /**
   * How the domain was found: `code` (NSF group of the source, MEF or diploma code), `tmm` (the
   * master's own domain), `intitule:<rule>` (a word of the title, rule of domain-rules.ts), or null.
   */
  domaineOrigin?: string | null;
  voies: Voie[];
  modalite: Modalite | null;
  conventionne: boolean | null;
  capacite: number | null;
  sessions: TrainingSession[];
  organisme: string | null;
  url: string | null;
  certification: Certification;
  provenance: Provenance[];
  /** Places and wishes per entry point, when a source gives them. */
  acces: Acces[];
  /** The diploma's code in the BCN (CFD, 8 characters), when it is known. */
  cfd?: string | null;
  /** How the CFD was found (see `src/ingest/enrich.ts`). */
  cfdOrigin?: CfdOrigin | null;
  /** Where the title comes from: a nomenclature's readable title, or the source's own. */
  intituleOrigin?: IntituleOrigin;
  /** The source's own title, kept when a readable one replaced it. */
  intituleSource?: string | null;
  /** ROME v3 codes of the jobs the diploma leads to, its main one first. */
  romes?: readonly string[];
  /** How the ROME codes were found (see `src/ingest/enrich.ts`). */
  romeOrigin?: RomeOrigin | null;
}

/**
 * `mef`: the BCN's MEF table; `intitule-certif-info`: the title is exactly a Certif Info
 * certification's at the same level (one CFD among them); `certifinfo` / `rncp`: the record's own
 * Certif Info or RNCP code.
 */
export type CfdOrigin = 'mef' | 'intitule-certif-info' | 'certifinfo' | 'rncp';
export type IntituleOrigin = 'certif-info' | 'dgesco' | 'bcn' | 'famille-metiers' | 'options-bts' | 'source';
/**
 * `certif-info`: the diploma's Certif Info record; `famille-metiers` / `options-bts`: a common
 * year, the union of the specialties it opens onto; `intitule-certif-info`: the certifications
 * whose title is the training's (a BUT with no parcours: all its parcours); `lheo`: the file's own.
 */
export type RomeOrigin = 'certif-info' | 'famille-metiers' | 'options-bts' | 'intitule-certif-info' | 'lheo';

/**
 * How exactly a site is placed: `address` at the source's or a directory's coordinates; `commune`
 * at the commune's representative point; `siege` at the head office of the awarding institution,
 * which is not where the training is taught.
 */
export type LocationPrecision = 'address' | 'commune' | 'siege';
export const PRECISION_NOTES: Readonly<Record<LocationPrecision, string | null>> = {
  address: null,
  commune: "Localisation approchée : point placé dans la commune, pas à l'adresse exacte.",
  siege: "Lieu exact non connu : siège de l'établissement qui délivre le diplôme, pas forcément le lieu des cours.",
};

export interface Site {
  id: string;
  nom: string;
  uai: string | null;
  siret: string | null;
  adresse: string | null;
  /** Current INSEE commune code. */
  commune: string;
  point: [number, number];
  precision: LocationPrecision;
  provenance: Provenance[];
}

/** An Alliance Emploi school (Plan Marshall industrial-maintenance effort). */
export interface AllianceSchool {
  id: string;
  nom: string;
  commune: string;
  point: [number, number];
  metiers: string[];
  entreprises: string[];
  source: string;
}

/**
 * An apprenticeship training organisation (CFA, lycée with an apprenticeship section, prépa
 * apprentissage) from the Mission apprentissage directory.
 */
export interface Organisme {
  id: string;
  uai: string;
  siret: string | null;
  nom: string;
  /** formateur | responsable | responsable_formateur | inconnue, as the source says. */
  nature: string;
  adresse: string | null;
  commune: string;
  point: [number, number];
  precision: LocationPrecision;
  prepaApprentissage: boolean;
  provenance: Provenance[];
}

/** The training offer as the app loads it. */
export interface TrainingDataset {
  sources: SourceDescription[];
  sites: Site[];
  trainings: Training[];
  alliance: AllianceSchool[];
  campus: CampusMetiers[];
  organismes: Organisme[];
  /** Regional figures the coverage panel compares the offer with (data/sources/chiffres-cles.csv). */
  facts: Fact[];
  /** The jobs the trainings lead to: ROME v3 code → job title (ROME 4.0), for cards and filters. */
  metiers?: readonly RomeJob[];
}

/** A ROME v3 job as the app names it. */
export interface RomeJob {
  code: string;
  libelle: string;
}

/** A Campus des métiers et des qualifications and the communes it names. */
export interface CampusMetiers {
  id: string;
  nom: string;
  excellence: boolean;
  territoire: string;
  communes: { code: string; nom: string; point: [number, number] }[];
  secteurs: string[];
  source: string;
}

/**
 * Source id of a file a person opens in the browser during the session; also the prefix of the
 * ids of its sites and trainings, so they never collide with the default dataset's.
 */
export const IMPORTED_SOURCE_ID = 'fichier';
