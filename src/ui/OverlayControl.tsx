import { SiteSymbols } from './SiteSymbols.tsx';
import { VoieSymbol } from './VoieSymbol.tsx';
import { useActions, useAppStore } from './use-app-store.ts';

/** Switches the point layers on and off, with the legend of their symbols. */
export function OverlayControl() {
  const overlays = useAppStore((state) => state.overlays);
  const { setOverlay } = useActions();
  return (
    <fieldset class="control">
      <legend>Calques</legend>
      <label class="check">
        <input type="checkbox" checked={overlays.sites} onChange={(event) => setOverlay('sites', event.currentTarget.checked)} />
        Lieux de formation
      </label>
      <ul class="legend" aria-label="Légende des lieux de formation">
        <SiteSymbols />
      </ul>
      <label class="check">
        <input type="checkbox" checked={overlays.alliance} onChange={(event) => setOverlay('alliance', event.currentTarget.checked)} />
        <VoieSymbol voie="alliance" /> Écoles Alliance Emploi (Plan Marshall)
      </label>
      <label class="check">
        <input type="checkbox" checked={overlays.cfa} onChange={(event) => setOverlay('cfa', event.currentTarget.checked)} />
        <span class="cfa-chip" aria-hidden="true" /> Centres de formation d'apprentis et organismes
      </label>
      <label class="check">
        <input type="checkbox" checked={overlays.campus} onChange={(event) => setOverlay('campus', event.currentTarget.checked)} />
        <span class="campus-chip" aria-hidden="true" /> Campus des métiers et des qualifications
      </label>
    </fieldset>
  );
}
