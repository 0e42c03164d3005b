import { COUCHES, type Couche } from '../domain/view.ts';
import { useActions, useAppStore } from './use-app-store.ts';

const LABELS: Readonly<Record<Couche, string>> = {
  zone_emploi: "Zones d'emploi (INSEE 2020)",
  spel: 'SPEL (bassins emploi-formation)',
  bassin: "Bassins d'emploi (France Travail, BMO)",
  aucune: 'Aucun zonage',
};

/** Chooses the zoning drawn over the map; départements are always outlined. */
export function LayerControl() {
  const couche = useAppStore((state) => state.couche);
  const { setCouche } = useActions();
  return (
    <fieldset class="control">
      <legend>Zonage affiché</legend>
      {COUCHES.map((value) => (
        <label key={value} class="radio">
          <input type="radio" name="couche" value={value} checked={couche === value} onChange={() => setCouche(value)} />
          {LABELS[value]}
        </label>
      ))}
      <p class="hint">Les départements sont toujours tracés en pointillés.</p>
    </fieldset>
  );
}
