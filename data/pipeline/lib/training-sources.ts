import type { SourceDescription } from '../../../src/domain/training.ts';

/** The open-data extracts of ../shared/sources/training, as training/README.txt describes them. */
export const TRAINING_SOURCES: readonly (SourceDescription & { path: string })[] = [
  {
    id: 'parcoursup',
    label: 'Parcoursup (formations et coordonnées)',
    file: 'parcoursup_francuniv_hdf.csv',
    path: 'training/parcoursup_francuniv_hdf.csv',
    date: 'session Parcoursup non indiquée (2023 ou plus récente)',
    licence: 'Licence Ouverte v2.0 (MESR fr-esr-parcoursup)',
    origin: 'MESR fr-esr-parcoursup, version 6 colonnes du dépôt crysis421/FRANCUNIV (commit 45e11436, 2026-01-23)',
  },
  {
    id: 'tmm',
    label: 'Trouver mon master (mentions de master)',
    file: 'tmm_masters_mentions_francuniv_hdf.csv',
    path: 'training/tmm_masters_mentions_francuniv_hdf.csv',
    date: 'campagne 2021',
    licence: 'Licence Ouverte v2.0 (MESR)',
    origin: 'MESR « Trouver mon master » via crysis421/FRANCUNIV (commit e099df8b, 2026-01-25)',
  },
  {
    id: 'bts-2024',
    label: 'Parcoursup BTS : capacités et statut (Orion)',
    file: 'bts_parcoursup_capacite_2024_tjp_hdf.csv',
    path: 'training/bts_parcoursup_capacite_2024_tjp_hdf.csv',
    date: 'Parcoursup 2024 (rentrée 2024)',
    licence: 'non précisée (code du dépôt sous licence MIT)',
    origin: 'mission-apprentissage/tjp-pilotage, BTS_attractivite_capacite_2024.csv (commit b986bec8, 2025-01-16)',
  },
  {
    id: 'affelnet-2022',
    label: 'Affelnet : offre de la voie professionnelle (Orion)',
    file: 'affelnet_capacite_2022_tjp_hdf.csv',
    path: 'training/affelnet_capacite_2022_tjp_hdf.csv',
    date: 'Affelnet 2022',
    licence: 'non précisée',
    origin: 'mission-apprentissage/tjp-pilotage, attractivite_capacite_2022.csv (commit 282273ad, 2024-10-27) et nomenclature BCN nMef',
  },
];

/** The MEF lookup that labels the Affelnet rows (read as part of the Affelnet source). */
export const MEF_LOOKUP = { source: 'affelnet-2022', file: 'affelnet_capacite_2022_tjp_hdf__nMef_lookup.csv', path: 'training/affelnet_capacite_2022_tjp_hdf__nMef_lookup.csv' };

/** The establishment directories of ../shared/sources/training (files 5–7 of its README.txt). */
export const DIRECTORY_DESCRIPTIONS = {
  lycees: {
    id: 'annuaire-lycees',
    label: "Annuaire des lycées (Annuaire de l'éducation, via IVAL)",
    file: 'lycees_ival_annuaire_hdf.json',
    path: 'training/lycees_ival_annuaire_hdf.json',
    date: 'session IVAL 2025 (données 2026-04-13)',
    licence: 'Licence Ouverte v2.0 (données data.education.gouv.fr ; le dépôt ne précise pas de licence)',
    origin: 'Lingelo/comparateur-lycees, public/data/lycees.json (commit 8de6a3eb, 2026-04-13)',
    role: 'annuaire',
  },
  organismes: {
    id: 'organismes-apprentissage',
    label: "Organismes de formation en apprentissage (Mission apprentissage)",
    file: 'organismes_apprentissage_hdf.csv',
    path: 'training/organismes_apprentissage_hdf.csv',
    date: '2023-10-19',
    licence: 'non précisée (code du dépôt sous licence MIT)',
    origin: 'mission-apprentissage/flux-retour-cfas, organismes-prepa-apprentissage.csv (commit 9d854b0d, 2023-10-19)',
    role: 'annuaire',
  },
  enseignementSuperieur: {
    id: 'esr-etablissements',
    label: "Principaux établissements d'enseignement supérieur (MESR)",
    file: 'esr_principaux_etablissements_hdf.csv',
    path: 'training/esr_principaux_etablissements_hdf.csv',
    date: 'extraction du 2025-04-24',
    licence: 'Licence Ouverte v2.0 (MESR)',
    origin: 'MESR fr-esr-principaux-etablissements-enseignement-superieur via lovecookie93/City-Fighting (commit e734d429, 2025-04-24)',
    role: 'annuaire',
  },
} as const satisfies Record<string, SourceDescription & { path: string }>;

/** The project's fact tables (data/sources/, copied from ../shared/sources/facts with their sources). */
export const FACT_DESCRIPTIONS = [
  { id: 'alliance-emploi', label: 'Écoles Alliance Emploi', file: 'alliance-emploi-ecoles.csv', date: '2025', licence: 'faits tirés de documents publics, avec leur source', origin: 'Alliance Emploi, Plan Marshall Formation Industrie (2025)', role: 'faits' },
  { id: 'campus-metiers', label: 'Campus des métiers et des qualifications', file: 'campus-metiers-qualifications.csv', date: 'avril 2026', licence: 'faits tirés de documents publics, avec leur source', origin: 'Centre Inffo, monographie régionale Hauts-de-France (avril 2026)', role: 'faits' },
  { id: 'chiffres-cles', label: 'Chiffres clés régionaux', file: 'chiffres-cles.csv', date: '2022 à 2026 selon la ligne', licence: 'faits tirés de documents publics, avec leur source', origin: 'Insee, DARES, C2RP, Centre Inffo, Région (source par ligne)', role: 'faits' },
] as const satisfies readonly SourceDescription[];
