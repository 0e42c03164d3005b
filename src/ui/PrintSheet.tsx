import { BOUNDARY_ATTRIBUTIONS, POINT_LAYER_ATTRIBUTIONS } from '../domain/attributions.ts';
import { IndicatorLine } from './IndicatorLine.tsx';
import { describeFilters, describeSearchReading } from '../domain/filters.ts';
import { PRECISION_NOTES } from '../domain/training.ts';
import { useEffect, useState } from 'preact/hooks';
import { ZONING_SINGULAR } from '../domain/zones.ts';
import { selectOffer, selectZoneSummary } from '../state/selectors.ts';
import { Essentials } from './Essentials.tsx';
import { describeProvenance, describeTraining } from './describe.ts';
import { plural } from './format.ts';
import { frenchDate, localIsoDate } from '../domain/typography.ts';
import { useListedRows } from './SharePanel.tsx';
import { useActions, useAppStore } from './use-app-store.ts';

/** Rows printed in full; beyond, the sheet says how many more the CSV export holds. */
const PRINTED_ROWS = 150;

/** How long a print waits for the map's picture before printing without it. */
const MAP_PICTURE_WAIT_MS = 3000;
const MAP_MISSING = "La carte n'a pas pu être ajoutée à cette fiche : elle n'a pas été dessinée dans ce navigateur (affichage WebGL indisponible ou carte non chargée). La liste et les sources ci-dessous sont complètes.";

/** The A4 sheet the print stylesheet shows instead of the app: filters, map, list, note, sources. */
export function PrintSheet() {
  const printPending = useAppStore((state) => state.printPending);
  const mapReady = useAppStore((state) => state.mapImage.takenFor === state.mapImage.request);
  const printMode = useAppStore((state) => state.printMode);
  const summary = useAppStore((state) => selectZoneSummary(state, state.zone));
  const searchHits = useAppStore((state) => state.searchHits);
  const { donePrinting } = useActions();
  // Print once the map picture asked for has arrived; a map that cannot draw (no WebGL, not
  // started) would never send it: after a few seconds the sheet prints without it, and says why.
  const [noPicture, setNoPicture] = useState(false);
  useEffect(() => {
    if (!printPending) return undefined;
    if (mapReady) {
      setNoPicture(false);
      donePrinting();
      window.print();
      return undefined;
    }
    const timer = setTimeout(() => {
      setNoPicture(true);
      donePrinting();
      // The sheet re-renders without the picture before the print dialog reads it.
      requestAnimationFrame(() => window.print());
    }, MAP_PICTURE_WAIT_MS);
    return () => clearTimeout(timer);
  }, [printPending, mapReady]);
  const offer = useAppStore(selectOffer);
  const filters = useAppStore((state) => state.filters);
  const note = useAppStore((state) => state.note);
  const mapImage = useAppStore((state) => state.mapImage.dataUrl);
  const { rows, total } = useListedRows(PRINTED_ROWS);
  if (!offer) return null;
  if (printMode === 'territoire' && summary) {
    return (
      <main class="print-sheet" aria-label="Fiche à imprimer" data-testid="print-sheet">
        <h1>
          {ZONING_SINGULAR[summary.reference.zoning]} : {summary.zone.nom}
        </h1>
        <p>Fiche du {frenchDate(localIsoDate(new Date()))}</p>
        {mapImage && !noPicture && <img class="print-map" src={mapImage} alt="Carte du territoire" />}
        {noPicture && <p class="print-map-missing" data-testid="print-map-missing">{MAP_MISSING}</p>}
        <IndicatorLine reference={summary.reference} />
        <Essentials summary={summary} headingLevel={2} />
        <footer class="print-sources">
          <h2>Sources et licences</h2>
          <p>{[...Object.values(BOUNDARY_ATTRIBUTIONS), ...offer.dataset.sources.map((source) => `${source.label} (${source.date}, ${source.licence})`)].join(' · ')}</p>
        </footer>
      </main>
    );
  }
  const labels = new Map(offer.dataset.sources.map((source) => [source.id, source.label]));
  const described = describeFilters(filters, labels, offer.jobLabels);
  // The sheet has no search box: how the search was read is said on it (a job it named, or the jobs it fell back on).
  const reading = searchHits && searchHits.query === filters.q.trim() ? describeSearchReading(filters.q, searchHits.via, searchHits.romes ?? [], offer.jobLabels) : null;
  const date = frenchDate(localIsoDate(new Date()));
  return (
    <main class="print-sheet" aria-label="Fiche à imprimer" data-testid="print-sheet">
      <h1>Formations — Hauts-de-France</h1>
      <p>
        Fiche du {date} · {total === 0 ? 'aucune formation' : plural(total, 'formation')} · {described.length > 0 ? `filtres : ${described.join(' ; ')}` : 'sans filtre'}
      </p>
      {reading && <p data-testid="print-search-reading">{reading}</p>}
      {mapImage && !noPicture && <img class="print-map" src={mapImage} alt="Carte de la vue imprimée" />}
      {noPicture && <p class="print-map-missing" data-testid="print-map-missing">{MAP_MISSING}</p>}
      {note && (
        <section class="print-note">
          <h2>Note du conseiller (ses propres mots)</h2>
          <p>{note}</p>
        </section>
      )}
      {total === 0 && (
        <p data-testid="print-empty">
          Aucune formation de la carte ne correspond à ces filtres dans la partie de la région imprimée : élargissez la vue ou retirez un filtre, puis imprimez de nouveau.
        </p>
      )}
      <ol class="print-list">
        {rows.slice(0, PRINTED_ROWS).map(({ training, site, communeNom, pinned }) => (
          <li key={training.id} class={pinned ? 'is-pinned' : ''}>
            <strong>
              {pinned ? '★ ' : ''}
              {training.intitule}
            </strong>{' '}
            — {site.nom}, {site.adresse ? `${site.adresse}, ` : ''}
            {communeNom}
            {PRECISION_NOTES[site.precision] ? ` (${PRECISION_NOTES[site.precision]})` : ''}
            <br />
            <small>
              {describeTraining(training).join(' · ')} — Source : {describeProvenance(offer, training.provenance).join(' ; ')}
            </small>
          </li>
        ))}
      </ol>
      {total > PRINTED_ROWS && <p>… et {plural(total - PRINTED_ROWS, 'autre formation', 'autres formations')} : exportez la liste en CSV pour tout avoir.</p>}
      <footer class="print-sources">
        <h2>Sources et licences</h2>
        <p>
          {[...Object.values(BOUNDARY_ATTRIBUTIONS), ...offer.dataset.sources.map((source) => `${source.label} (${source.date}, ${source.licence})`), ...Object.values(POINT_LAYER_ATTRIBUTIONS)].join(' · ')}
        </p>
      </footer>
    </main>
  );
}
