import { classRanges, INDICATOR_SPECS } from '../domain/territory.ts';
import { LIGHT_THEME, PLACE_PIN } from '../domain/theme.ts';
import { departementWithArticle, quarterLabel } from '../domain/typography.ts';
import { selectChoropleth, selectIndicatorText, selectPlacePoint, selectQuarter, selectViewCommune } from '../state/selectors.ts';
import { formatIndicatorRange } from './format.ts';
import { useAppStore } from './use-app-store.ts';
import { SiteSymbols } from './SiteSymbols.tsx';
import { VoieSymbol } from './VoieSymbol.tsx';

/** Below this width the legend starts folded: the map needs the room. */
const PHONE_QUERY = '(max-width: 700px)';

/**
 * The compact legend on the map: where the view is (at street zooms), the symbols of the point
 * layers shown, and, when an indicator is drawn, its classes, "no data", its period and source.
 * The panel keeps the full legend and the table. Folded on a phone.
 */
export function MapLegend() {
  const overlays = useAppStore((state) => state.overlays);
  const choropleth = useAppStore(selectChoropleth);
  const text = useAppStore(selectIndicatorText);
  const quarter = useAppStore(selectQuarter);
  const labour = useAppStore((state) => state.labour);
  const place = useAppStore(selectPlacePoint);
  const viewCommune = useAppStore(selectViewCommune);
  const spec = choropleth ? INDICATOR_SPECS[choropleth.indicateur] : null;
  const phone = typeof window !== 'undefined' && window.matchMedia?.(PHONE_QUERY).matches === true;
  const period = spec?.period && quarter ? quarterLabel(quarter) : spec?.followsMetiers && labour ? `enquête ${labour.annee}` : null;
  return (
    <details class="map-legend" open={!phone} data-testid="map-legend">
      <summary>Légende</summary>
      {viewCommune && (
        <p class="map-legend-place" data-testid="view-commune">
          Vous regardez : <strong>{viewCommune.nom}</strong>, dans {departementWithArticle(viewCommune.departement)}
        </p>
      )}
      {choropleth && spec && (
        <section aria-label={`Carte colorée : ${spec.label}`}>
          <p class="map-legend-title">
            {spec.label}
            {period ? `, ${period}` : ''}
          </p>
          <ul class="legend">
            {classRanges(choropleth.bounds, spec.whole).map(([low, high], index) => (
              <li key={index}>
                <span class="swatch" style={{ background: choropleth.palette[index] }} aria-hidden="true" /> {formatIndicatorRange(low, high, spec.unit)}
              </li>
            ))}
            {choropleth.noData > 0 && (
              <li>
                <span class="swatch no-data" aria-hidden="true" /> pas de donnée
              </li>
            )}
          </ul>
          <p class="map-legend-source">Source : {text?.source ?? ''}</p>
        </section>
      )}
      <ul class="legend" aria-label="Symboles de la carte">
        {overlays.sites && <SiteSymbols />}
        {overlays.alliance && <li><VoieSymbol voie="alliance" /> École Alliance Emploi</li>}
        {overlays.cfa && <li><span class="cfa-chip" aria-hidden="true" /> CFA et organismes</li>}
        {overlays.campus && <li><span class="campus-chip" aria-hidden="true" /> Campus des métiers</li>}
        {place && (
          <li>
            <svg class="place-chip" width={PLACE_PIN.width / 2} height={PLACE_PIN.height / 2} viewBox={`0 0 ${PLACE_PIN.width} ${PLACE_PIN.height}`} aria-hidden="true">
              <path d={PLACE_PIN.path} fill={LIGHT_THEME.label} stroke="#ffffff" stroke-width="2" />
              <circle cx={PLACE_PIN.dot.x} cy={PLACE_PIN.dot.y} r={PLACE_PIN.dot.r} fill="#ffffff" />
            </svg>{' '}
            Lieu choisi
          </li>
        )}
      </ul>
    </details>
  );
}
