import { BOUNDARY_ATTRIBUTIONS, POINT_LAYER_ATTRIBUTIONS } from '../domain/attributions.ts';
import { IndicatorLine } from './IndicatorLine.tsx';
import { describeFilters } from '../domain/filters.ts';
import { PRECISION_NOTES } from '../domain/training.ts';
import { useEffect } from 'preact/hooks';
import { ZONING_SINGULAR } from '../domain/zones.ts';
import { selectOffer, selectZoneSummary } from '../state/selectors.ts';
import { Essentials } from './Essentials.tsx';
import { describeProvenance, describeTraining } from './describe.ts';
import { plural } from './format.ts';
import { useListedRows } from './SharePanel.tsx';
import { useActions, useAppStore } from './use-app-store.ts';

/** Rows printed in full; beyond, the sheet says how many more the CSV export holds. */
const PRINTED_ROWS = 150;

/** The A4 sheet the print stylesheet shows instead of the app: filters, map, list, note, sources. */
export function PrintSheet() {
  const printPending = useAppStore((state) => state.printPending);
  const mapReady = useAppStore((state) => state.mapImage.takenFor === state.mapImage.request);
  const printMode = useAppStore((state) => state.printMode);
  const summary = useAppStore((state) => selectZoneSummary(state, state.zone));
  const { donePrinting } = useActions();
  // Print once the map picture asked for has arrived.
  useEffect(() => {
    if (!printPending || !mapReady) return;
    donePrinting();
    window.print();
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
        <p>Fiche du {new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' })}</p>
        {mapImage && <img class="print-map" src={mapImage} alt="Carte du territoire" />}
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
  const date = new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
  return (
    <main class="print-sheet" aria-label="Fiche à imprimer" data-testid="print-sheet">
      <h1>Formations — Hauts-de-France</h1>
      <p>
        Fiche du {date} · {plural(total, 'formation')} · {described.length > 0 ? `filtres : ${described.join(' ; ')}` : 'sans filtre'}
      </p>
      {mapImage && <img class="print-map" src={mapImage} alt="Carte de la vue imprimée" />}
      {note && (
        <section class="print-note">
          <h2>Note du conseiller (ses propres mots)</h2>
          <p>{note}</p>
        </section>
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
              {describeTraining(training).join(' · ')} — Source : {describeProvenance(offer, training.provenance).join(' ; ')}
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
