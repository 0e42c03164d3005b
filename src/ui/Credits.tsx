/** Sources and licences of everything on the map (see data/SOURCES.md). */
export function Credits() {
  return (
    <details class="credits">
      <summary>Sources et licences</summary>
      <ul>
        <li>Limites communales : IGN – Admin Express COG 2018, via france-geojson (Licence Ouverte).</li>
        <li>Zones d'emploi 2020 : INSEE, composition communale au 01/01/2023 (Licence Ouverte).</li>
        <li>Communes, arrondissements, populations : @etalab/decoupage-administratif 6.0.0 (données INSEE / COG, Licence Ouverte).</li>
        <li>SPEL : approximation documentée, un SPEL par arrondissement.</li>
        <li>Pays voisins : Natural Earth via world-atlas (domaine public).</li>
        <li>Police Noto Sans (SIL Open Font License).</li>
      </ul>
      <p>Aucune requête vers un service tiers : la carte fonctionne avec ses propres fichiers.</p>
    </details>
  );
}
