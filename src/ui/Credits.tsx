import type { SourceDescription } from '../domain/training.ts';
import { formatInteger } from './format.ts';
import { useAppStore } from './use-app-store.ts';

const NO_SOURCES: SourceDescription[] = [];

/** Sources and licences of everything on the map (see data/SOURCES.md). */
export function Credits() {
  const sources = useAppStore((state) => state.data?.offer.dataset.sources ?? NO_SOURCES);
  return (
    <details class="credits">
      <summary>Sources et licences</summary>
      <ul>
        <li>Limites communales : IGN – Admin Express COG 2018, via france-geojson (Licence Ouverte).</li>
        <li>Zones d'emploi 2020 : INSEE, composition communale au 01/01/2023 (Licence Ouverte).</li>
        <li>Communes, arrondissements, populations : @etalab/decoupage-administratif 6.0.0 (données INSEE / COG, Licence Ouverte).</li>
        <li>SPEL : approximation documentée, un SPEL par arrondissement.</li>
        <li>Pays voisins : Natural Earth via world-atlas (domaine public).</li>
        {sources.map((source) => (
          <li key={source.id}>
            Formations — {source.label} : {source.date} ; {source.origin} ; licence : {source.licence}.
            {source.counts && (
              <span class="source-counts">
                {' '}
                {formatInteger(source.counts.read)} enregistrements lus : {formatInteger(source.counts.kept)} formations sur la carte (
                {formatInteger(source.counts.address)} à l'adresse, {formatInteger(source.counts.commune)} au centre de la commune), {formatInteger(source.counts.merged)} doublons
                fusionnés, {formatInteger(source.counts.rejected)} écartés avec leur motif (rapport d'import : data/import-report.json).
              </span>
            )}
          </li>
        ))}
        <li>Écoles Alliance Emploi : Alliance Emploi, Plan Marshall Formation Industrie (2025).</li>
        <li>Campus des métiers et des qualifications : Centre Inffo, monographie régionale Hauts-de-France (avril 2026).</li>
        <li>Police Noto Sans (SIL Open Font License).</li>
      </ul>
      <p>Aucune requête vers un service tiers : la carte fonctionne avec ses propres fichiers.</p>
    </details>
  );
}
