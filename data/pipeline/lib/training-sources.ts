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
