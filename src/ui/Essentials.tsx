import { deName, quarterLabel } from '../domain/typography.ts';
import { VOIE_LABELS, VOIES } from '../domain/training.ts';
import { selectFiltersOn, type ZoneSummary } from '../state/selectors.ts';
import { formatInteger, formatRate, plural } from './format.ts';
import { seriesLabel, Sparkline } from './Sparkline.tsx';
import { useAppStore } from './use-app-store.ts';

/** "L'essentiel" of a territory, shared by the zone card and the printed sheet. */
export function Essentials({ summary, compact = false, headingLevel = 3 }: { summary: ZoneSummary; compact?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { unemployment, supply, alliance, campus } = summary;
  // The counts follow the filters and the search (as the zone card says).
  const filtered = useAppStore(selectFiltersOn);
  return (
    <div class="essentials" data-testid="essentials">
      <Heading class="subhead">L'essentiel</Heading>
      <dl class="facts">
        {!compact && (
          <>
            <dt>Population</dt>
            <dd>{formatInteger(summary.zone.population)} hab.</dd>
          </>
        )}
        {unemployment && (
          <>
            <dt>Chômage</dt>
            <dd data-testid="essentials-rate">
              {formatRate(unemployment.value)} au {quarterLabel(unemployment.quarter)}
              {unemployment.rank !== null && ` · ${unemployment.rank}${unemployment.rank === 1 ? 'er' : 'e'} sur ${unemployment.of} (du plus élevé)`}
              {unemployment.series.length > 1 && (
                <Sparkline width={170} values={unemployment.series} label={`Taux de chômage, ${seriesLabel(unemployment)}`} />
              )}
              {unemployment.series.length > 1 && (
                <span class="hint">
                  {' '}
                  {quarterLabel(unemployment.quarters[0] ?? '', true)} → {quarterLabel(unemployment.quarters.at(-1) ?? '', true)}
                </span>
              )}
            </dd>
          </>
        )}
        {!compact && (
          <>
            <dt>Formations</dt>
            <dd>
              {plural(supply.trainings, 'formation')} dans {plural(supply.sites, 'lieu', 'lieux')}
              {filtered && ', selon les filtres'}
              {supply.trainings > 0 && <br />}
              {VOIES.filter((voie) => supply.byVoie[voie] > 0)
                .map((voie) => `${VOIE_LABELS[voie]} : ${formatInteger(supply.byVoie[voie])}`)
                .join(' · ')}
            </dd>
          </>
        )}
        {/* The card shows the counts by voie just above (its "Offre de formation"): only the domains here. */}
        {supply.byDomain.length > 0 && (
          <>
            <dt>{supply.domains > supply.byDomain.length ? `${supply.byDomain.length} principaux domaines sur ${supply.domains}` : supply.domains > 1 ? 'Domaines' : 'Domaine'}</dt>
            <dd data-testid="essentials-domains">{supply.byDomain.map(([domain, count]) => `${domain} (${formatInteger(count)})`).join(', ')}</dd>
          </>
        )}
        {alliance && (
          <>
            <dt>École Alliance Emploi la plus proche</dt>
            <dd>
              {alliance.school.nom} ({formatInteger(Math.round(alliance.km))} km {summary.mainCommune ? deName(summary.mainCommune.nom) : 'de la commune principale'})
            </dd>
          </>
        )}
        <dt>Campus des métiers</dt>
        <dd>{campus.length > 0 ? campus.map((item) => item.nom.replace(/^Campus des métiers et des qualifications /, '')).join(', ') : 'aucun campus ne cite une commune de ce territoire'}</dd>
        {summary.reference.zoning === 'zone_emploi' && summary.marshallBasins && (
          <>
            <dt>Plan Marshall</dt>
            <dd data-testid="essentials-marshall">
              {summary.marshall ? 'bassin prioritaire du Plan Marshall' : `pas parmi les bassins prioritaires nommés : ${summary.marshallBasins.names.join(', ')}`}{' '}
              <span class="hint">({summary.marshallBasins.source})</span>
            </dd>
          </>
        )}
      </dl>
      {unemployment?.note && <p class="hint" data-testid="unemployment-note">{unemployment.note}</p>}
      {unemployment && <p class="provenance">Chômage : {unemployment.source}.</p>}
    </div>
  );
}
