import type { Zoning } from './zones.ts';

/**
 * Sources and licences of the boundaries, the basemap and the fact tables, as the app shows them
 * ("Sources et licences", zone cards). The training sources describe themselves in the dataset's
 * source table. Kept in step with data/SOURCES.md.
 */
export const BOUNDARY_ATTRIBUTIONS = {
  communes: 'Limites communales : IGN – Admin Express COG 2018, via france-geojson (Licence Ouverte).',
  zonesEmploi: "Zones d'emploi 2020 : INSEE, composition communale au 01/01/2023 (Licence Ouverte).",
  cog: 'Communes, arrondissements, populations : @etalab/decoupage-administratif 6.0.0 (données INSEE / COG, Licence Ouverte).',
  spel: 'SPEL : approximation documentée, un SPEL par arrondissement.',
  bassins: "Bassins d'emploi : France Travail, table communes → bassins de l'enquête Besoins en main-d'œuvre 2024 (Licence Ouverte).",
  pays: 'Pays voisins : Natural Earth via world-atlas (domaine public).',
} as const;

export const POINT_LAYER_ATTRIBUTIONS = {
  alliance: 'Écoles Alliance Emploi : Alliance Emploi, Plan Marshall Formation Industrie (2025).',
  campus: 'Campus des métiers et des qualifications : Centre Inffo, monographie régionale Hauts-de-France (avril 2026).',
  font: 'Police Noto Sans (SIL Open Font License).',
} as const;

/** Where a zone card's facts come from, by zoning. */
export const ZONE_PROVENANCE: Readonly<Record<Zoning, string>> = {
  zone_emploi: "INSEE, zones d'emploi 2020 (composition communale au 01/01/2023)",
  spel: 'arrondissements du COG (@etalab/decoupage-administratif 6.0.0)',
  departement: 'COG INSEE',
  bassin: "France Travail, table communes → bassins d'emploi de l'enquête BMO 2024 (Licence Ouverte)",
};

/** Sources common to every zone card. */
export const ZONE_COMMON_PROVENANCE = 'limites IGN Admin Express 2018 ; populations @etalab/decoupage-administratif 6.0.0 ; offre : fichiers de formation chargés.';

/** IGN's Plan IGN, the detailed plan a person may turn on (src/map/plan-ign.ts). */
export const PLAN_IGN_ATTRIBUTION = 'Plan IGN © IGN – Géoplateforme, Licence Ouverte 2.0';
