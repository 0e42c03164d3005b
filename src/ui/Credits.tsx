import { BOUNDARY_ATTRIBUTIONS, POINT_LAYER_ATTRIBUTIONS } from '../domain/attributions.ts';
import type { SourceDescription } from '../domain/training.ts';
import { formatInteger } from './format.ts';
import { PLAN_IGN_ATTRIBUTION } from '../domain/attributions.ts';
import { useAppStore } from './use-app-store.ts';

const NO_SOURCES: SourceDescription[] = [];

/** Sources and licences of everything on the map (see data/SOURCES.md). */
export function Credits() {
  const sources = useAppStore((state) => state.data?.offer.dataset.sources ?? NO_SOURCES);
  return (
    <details class="credits">
      <summary>Sources et licences</summary>
      <ul>
        {Object.entries(BOUNDARY_ATTRIBUTIONS).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
        {sources.map((source) => (
          <li key={source.id}>
            {source.role === 'annuaire' ? 'Annuaire' : source.role === 'faits' ? 'Faits' : source.role === 'nomenclature' ? 'Nomenclature' : 'Formations'} — {source.label} : {source.date} ; {source.origin} ; licence : {source.licence}.
            {source.counts && source.role && (
              <span class="source-counts">
                {' '}
                {formatInteger(source.counts.read)} enregistrements lus : {formatInteger(source.counts.kept)} retenus, {formatInteger(source.counts.merged)} doublons, {formatInteger(source.counts.rejected)} écartés avec leur motif.
              </span>
            )}
            {source.counts && !source.role && (
              <span class="source-counts">
                {' '}
                {formatInteger(source.counts.read)} enregistrements lus : {formatInteger(source.counts.kept)} formations sur la carte (
                {formatInteger(source.counts.address)} à l'adresse, {formatInteger(source.counts.commune)} au centre de la commune
                {source.counts.siege > 0 ? `, ${formatInteger(source.counts.siege)} au siège de l'établissement` : ''}), {formatInteger(source.counts.merged)} doublons
                fusionnés, {formatInteger(source.counts.rejected)} écartés avec leur motif (rapport d'import : data/import-report.json).
              </span>
            )}
          </li>
        ))}
        {Object.entries(POINT_LAYER_ATTRIBUTIONS).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
        <li>Plan détaillé (si vous l'activez) : {PLAN_IGN_ATTRIBUTION}, tuiles demandées au service de l'IGN.</li>
      </ul>
      <p>
        Aucune requête vers un service tiers par défaut : la carte fonctionne avec ses propres fichiers. Seul le plan détaillé, si vous l'activez, demande ses images à l'IGN.
      </p>
    </details>
  );
}
