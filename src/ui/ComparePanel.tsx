import { deName, quarterLabel, quarterYear } from '../domain/typography.ts';
import { ZONING_SINGULAR } from '../domain/zones.ts';
import { indicatorValueOf, selectComparison } from '../state/selectors.ts';
import { formatIndicatorValue, formatInteger, formatRate } from './format.ts';
import { seriesLabel, Sparkline } from './Sparkline.tsx';
import { useActions, useAppStore } from './use-app-store.ts';

const rate = (value: number | null | undefined) => formatRate(value, '—');

/** Two to four territories side by side (`comparer=` in the URL): a table and small multiples. */
export function ComparePanel() {
  const summaries = useAppStore(selectComparison);
  const territory = useAppStore((state) => state.territory);
  // The indicator drawn, for each compared zone, by its module (whatever the zoning drawn).
  const state = useAppStore((current) => current);
  const shown = summaries.map((summary) => indicatorValueOf(state, summary.reference));
  const { setTerritory } = useActions();
  if (summaries.length === 0) return null;
  // The years the small multiples cover, from the data (the edition's first and last quarters).
  const quarters = summaries.find((summary) => summary.unemployment && summary.unemployment.quarters.length > 1)?.unemployment?.quarters;
  const seriesSpan = quarters ? [quarterYear(quarters[0] ?? ''), quarterYear(quarters.at(-1) ?? '')] : null;
  const rows: [string, (index: number) => string][] = [
    ['Population', (index) => `${formatInteger(summaries[index]?.zone.population ?? 0)} hab.`],
    ['Chômage', (index) => `${rate(summaries[index]?.unemployment?.value)} ${summaries[index]?.unemployment ? `(${quarterLabel(summaries[index]?.unemployment?.quarter ?? '', true)})` : ''}`],
    ['Rang (du plus élevé)', (index) => (summaries[index]?.unemployment?.rank ? `${summaries[index]?.unemployment?.rank ?? ''} / ${summaries[index]?.unemployment?.of ?? ''}` : '—')],
    ['Formations', (index) => formatInteger(summaries[index]?.supply.trainings ?? 0)],
    // The choropleth's definition (trainings taught in person, per 10,000 inhabitants), from its module.
    ['Pour 10 000 hab. (hors distance)', (index) => {
      const offre = summaries[index] ? indicatorValueOf(state, summaries[index].reference, 'offre') : null;
      return offre?.value === null || offre === null ? '—' : offre.value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
    }],
    ['Lieux', (index) => formatInteger(summaries[index]?.supply.sites ?? 0)],
    ['Apprentissage', (index) => formatInteger(summaries[index]?.supply.byVoie.apprentissage ?? 0)],
    ['Plan Marshall', (index) => (summaries[index]?.reference.zoning !== 'zone_emploi' ? '—' : summaries[index]?.marshall ? 'bassin prioritaire' : 'non')],
    ...(shown[0] ? [[`${shown[0].label} (indicateur affiché)`, (index: number) => { const item = shown[index]; return item ? formatIndicatorValue(item.value, item.unit) : '—'; }] as [string, (index: number) => string]] : []),
  ];
  return (
    <section class="control compare" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title" class="control-title">
        Comparaison ({summaries.length} territoire{summaries.length > 1 ? 's' : ''})
      </h2>
      {summaries.length < 2 && <p class="hint">Ajoutez un autre territoire depuis sa fiche (« Comparer »), jusqu'à 4.</p>}
      <div class="compare-scroll">
        <table>
          <caption class="visually-hidden">Territoires comparés</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Indicateur</span>
              </th>
              {summaries.map((summary) => (
                <th scope="col" key={`${summary.reference.zoning}:${summary.reference.code}`}>
                  {ZONING_SINGULAR[summary.reference.zoning]} {summary.zone.nom}{' '}
                  <button
                    type="button"
                    class="unpin"
                    aria-label={`Retirer ${summary.zone.nom} de la comparaison`}
                    onClick={() => setTerritory({ ...territory, comparer: territory.comparer.filter((item) => !(item.zoning === summary.reference.zoning && item.code === summary.reference.code)) })}
                  >
                    ×
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {summaries.map((summary, index) => (
                  <td key={summary.reference.code}>{value(index)}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Chômage {seriesSpan ? `de ${seriesSpan[0]} à ${seriesSpan[1]}` : 'au fil des trimestres'}</th>
              {summaries.map((summary) => (
                <td key={summary.reference.code}>
                  {summary.unemployment && summary.unemployment.series.length > 1 ? <Sparkline values={summary.unemployment.series} width={90} height={30} label={`Chômage ${deName(summary.zone.nom)}, ${seriesLabel(summary.unemployment)}`} /> : '—'}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
