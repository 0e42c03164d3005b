import { useEffect, useState } from 'preact/hooks';
import { CLASS_METHOD_LABELS, CLASS_METHODS, classRanges, INDICATOR_SPECS, INDICATORS, type ClassMethod, type IndicatorId } from '../domain/territory.ts';
import { ZONING_LABELS } from '../domain/zones.ts';
import { compareFr } from '../domain/text.ts';
import { metiersOfRomes } from '../domain/labour.ts';
import { selectAskedJobs, selectChoropleth, selectIndicatorText, selectOffer, selectQuarter, type ZoneValue } from '../state/selectors.ts';
import type { Couche } from '../domain/view.ts';
import { compareValues, csvTable } from '../domain/export.ts';
import { downloadText } from './download.ts';
import { formatRate } from './format.ts';
import { frenchNumber, lowerFirst, NBSP, quarterLabel } from '../domain/typography.ts';
import { MarshallView } from './MarshallView.tsx';
import { useActions, useAppStore } from './use-app-store.ts';

const PLAY_STEP_MS = 700;

function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'pas de donnée';
  return unit === 'points' ? `${value > 0 ? '+' : ''}${frenchNumber(value)}${NBSP}pt` : unit.startsWith('%') ? formatRate(value) : frenchNumber(value);
}

/**
 * With a job asked for (the `metier=` filter, or a job the search names) and a hiring indicator
 * drawn: the survey's métiers that job belongs to (DARES FAP ↔ ROME table), each a button that
 * draws the hiring of that métier (`fap=`).
 * The map otherwise showed every métier's projects next to one job's trainings, and nothing led
 * from the job to where it is hiring.
 */
function JobHiringLinks() {
  // The job filter, or the job the search text names ("aide-soignant" typed and searched).
  const asked = useAppStore(selectAskedJobs);
  const labour = useAppStore((state) => state.labour);
  const offer = useAppStore(selectOffer);
  const territory = useAppStore((state) => state.territory);
  const { setTerritory } = useActions();
  if (!labour || asked.length === 0) return null;
  const jobs = asked.map((code) => offer?.jobLabels.get(code) ?? code).join(', ');
  const matched = metiersOfRomes(labour, asked);
  if (matched.length === 0) {
    return (
      <p class="hint" data-testid="job-hiring">
        Aucun métier de l'enquête ne correspond au métier recherché ({jobs}).
      </p>
    );
  }
  return (
    <div id="metiers-enquete" class="hint job-hiring-line" data-testid="job-hiring" tabIndex={-1}>
      <p>
        Le métier recherché ({jobs}) correspond dans l'enquête à{matched.length > 1 ? ' ces métiers' : ''} :
      </p>
      <ul class="job-hiring">
        {matched.map((metier) => (
          <li key={metier.code}>
            <button type="button" class="link-button" data-fap={metier.code} aria-pressed={territory.fap === metier.code} onClick={() => setTerritory({ ...territory, fap: metier.code })}>
              {metier.libelle}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Lire le territoire": an indicator drawn as a choropleth on the zoning shown (unemployment,
 * its change, training supply, zones blanches), its quarter (slider with play), its classes, a
 * legend with counts and what the data covers, and the table behind it (sortable, CSV).
 */
export function TerritoryPanel() {
  const territory = useAppStore((state) => state.territory);
  const indicators = useAppStore((state) => state.indicators);
  const indicatorsError = useAppStore((state) => state.indicatorsError);
  const choropleth = useAppStore(selectChoropleth);
  const quarter = useAppStore(selectQuarter);
  const text = useAppStore(selectIndicatorText);
  const labour = useAppStore((state) => state.labour);
  const { setTerritory, setCouche } = useActions();
  const families = [...new Map((labour?.metiers ?? []).map((metier) => [metier.famille, metier.familleLibelle]))].sort((a, b) => compareFr(a[1], b[1]));
  const [playing, setPlaying] = useState(false);
  const [sort, setSort] = useState<{ key: 'nom' | 'value'; descending: boolean }>({ key: 'value', descending: true });
  const quarters = indicators?.chomage.quarters ?? [];
  const quarterIndex = quarter ? quarters.indexOf(quarter) : -1;
  const spec = territory.indicateur ? INDICATOR_SPECS[territory.indicateur] : null;
  const usesQuarter = spec?.period === true;
  // Play steps through the quarters, then stops at the latest.
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => {
      const index = quarters.indexOf(quarter ?? '');
      const next = quarters[index + 1];
      if (!next) setPlaying(false);
      else setTerritory({ ...territory, periode: next });
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, quarter, territory]);
  const rows = [...(choropleth?.values ?? [])].sort((a, b) => {
    const direction = sort.descending ? -1 : 1;
    if (sort.key === 'nom') return direction * compareFr(a.nom, b.nom);
    return compareValues(a.value, b.value, sort.descending);
  });
  const sortButton = (key: 'nom' | 'value', label: string) => (
    <button type="button" class="sort" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key === 'value' })}>
      {label}
      {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
    </button>
  );
  const exportCsv = (values: readonly ZoneValue[]) => {
    const csv = csvTable(['code', 'territoire', 'population', `${spec?.label ?? ''} (${spec?.unit ?? ''})`], values.map((zone) => [zone.code, zone.nom, String(zone.population), zone.value === null ? '' : String(zone.value).replace('.', ',')]));
    downloadText(`${territory.indicateur ?? 'indicateur'}-${quarter ?? ''}.csv`, 'text/csv;charset=utf-8', csv);
  };
  return (
    <section class="control territory" aria-labelledby="territory-title" data-testid="territory">
      <h2 id="territory-title" class="control-title">
        Lire le territoire
      </h2>
      <label class="search-label" for="indicateur">
        Indicateur
      </label>
      <select id="indicateur" value={territory.indicateur ?? ''} onChange={(event) => setTerritory({ ...territory, indicateur: (event.currentTarget.value || null) as IndicatorId | null })}>
        <option value="">aucun</option>
        {INDICATORS.map((id) => (
          <option key={id} value={id}>
            {INDICATOR_SPECS[id].label}
          </option>
        ))}
      </select>
      {indicatorsError && <p class="error">Indicateurs indisponibles : {indicatorsError}</p>}
      <MarshallView />
      {choropleth && spec && (
        <>
          <p class="hint">
            {spec.explanation} Sur les {lowerFirst(ZONING_LABELS[choropleth.zoning])} (zonage affiché
            {choropleth.zoning === 'departement' ? ' ; sans zonage, les départements' : ''}).
          </p>
          {!spec.zonings.includes(choropleth.zoning) && (
            <p class="hint" data-testid="indicator-zoning">
              Cet indicateur n'est publié que pour les {spec.zonings.map((zoning) => lowerFirst(ZONING_LABELS[zoning])).join(' et les ')}.{' '}
              {spec.zonings[0] && spec.zonings[0] !== 'departement' && (
                <button type="button" class="link-button" onClick={() => setCouche(spec.zonings[0] as Couche)}>
                  Afficher les {lowerFirst(ZONING_LABELS[spec.zonings[0]])}
                </button>
              )}
            </p>
          )}
          {spec.followsMetiers && labour && (
            <label class="check">
              Métiers{' '}
              <select value={territory.fap ?? ''} data-testid="fap" onChange={(event) => setTerritory({ ...territory, fap: event.currentTarget.value || null })}>
                <option value="">tous les métiers</option>
                <optgroup label="Familles de métiers">
                  {families.map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Métiers">
                  {[...labour.metiers].sort((a, b) => compareFr(a.libelle, b.libelle)).map((metier) => (
                    <option key={metier.code} value={metier.code}>
                      {metier.libelle}
                    </option>
                  ))}
                </optgroup>
              </select>
            </label>
          )}
          {spec.followsMetiers && <JobHiringLinks />}
          {usesQuarter && quarters.length > 0 && choropleth.zoning !== 'departement' && (
            <div class="quarter">
              <label class="search-label" for="trimestre">
                Trimestre : <span data-testid="quarter">{quarter ? quarterLabel(quarter) : ''}</span>
              </label>
              <input
                id="trimestre"
                type="range"
                min={0}
                max={quarters.length - 1}
                value={quarterIndex}
                aria-valuetext={quarter ? quarterLabel(quarter) : ''}
                onInput={(event) => setTerritory({ ...territory, periode: quarters[Number(event.currentTarget.value)] ?? null })}
              />
              <button type="button" class="more" aria-pressed={playing} onClick={() => {
                if (!playing && quarterIndex === quarters.length - 1) setTerritory({ ...territory, periode: quarters[0] ?? null });
                setPlaying(!playing);
              }}>
                {playing ? 'Pause' : 'Lecture 2003 → aujourd’hui'}
              </button>
            </div>
          )}
          {spec.scale === 'sequentiel' && (
            <label class="check">
              Classes{' '}
              <select value={territory.classes} onChange={(event) => setTerritory({ ...territory, classes: event.currentTarget.value as ClassMethod })}>
                {CLASS_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {CLASS_METHOD_LABELS[method]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ul class="legend choropleth-legend" aria-label={`Légende : ${spec.label}`} data-testid="legend">
            {classRanges(choropleth.bounds, spec.whole).map(([low, high], index) => (
              <li key={index}>
                <span class="swatch" style={{ background: choropleth.palette[index] }} aria-hidden="true" /> {formatValue(low, spec.unit)} à {formatValue(high, spec.unit)}{' '}
                <span class="facet-count">({choropleth.counts[index] ?? 0} zone{(choropleth.counts[index] ?? 0) > 1 ? 's' : ''})</span>
              </li>
            ))}
            {choropleth.noData > 0 && (
              <li>
                <span class="swatch no-data" aria-hidden="true" /> pas de donnée ({choropleth.noData} zone{choropleth.noData > 1 ? 's' : ''}) : {text?.noData ?? ''}
              </li>
            )}
          </ul>
          {text?.notes.map((note, index) => (
            <p key={index} class={index === 0 && !spec.followsMetiers ? 'coverage-note' : 'hint'} data-testid={note.startsWith('Zones 00') ? 'whole-zone-note' : index === 0 && !spec.followsMetiers ? 'coverage-note' : 'indicator-note'}>
              {note}
            </p>
          ))}
          <p class="provenance" data-testid="indicator-source">
            Source : {text?.source ?? ''}
          </p>
          <details class="territory-table">
            <summary>Tableau ({choropleth.values.length} territoires)</summary>
            <table data-testid="territory-table">
              <caption class="visually-hidden">
                {spec.label} par territoire
              </caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={sort.key === 'nom' ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    {sortButton('nom', 'Territoire')}
                  </th>
                  <th scope="col" aria-sort={sort.key === 'value' ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    {sortButton('value', `${spec.label}`)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((zone) => (
                  <tr key={zone.code}>
                    <th scope="row">{zone.nom}</th>
                    <td class="number">{formatValue(zone.value, spec.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" class="more" onClick={() => exportCsv(rows)}>
              Exporter le tableau (CSV)
            </button>
          </details>
        </>
      )}
    </section>
  );
}
