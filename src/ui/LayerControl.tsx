import { COUCHES, type Couche } from '../domain/view.ts';
import type { PlanStatus } from '../state/store.ts';
import { useActions, useAppStore } from './use-app-store.ts';

const LABELS: Readonly<Record<Couche, string>> = {
  zone_emploi: "Zones d'emploi (INSEE 2020)",
  spel: 'SPEL (bassins emploi-formation)',
  bassin: "Bassins d'emploi (France Travail, BMO)",
  aucune: 'Aucun zonage',
};

/** What the detailed plan's service did, said beside its switch. */
const PLAN_MESSAGES: Readonly<Record<PlanStatus, string | null>> = {
  eteint: null,
  chargement: 'Chargement du plan IGN…',
  ok: null,
  erreur: "Le plan IGN ne répond pas : le fond de carte de l'application reste affiché. Réessayez plus tard.",
  'hors-ligne': "Hors ligne : le plan IGN n'est pas disponible, le fond de carte de l'application reste affiché.",
};

/** Chooses the zoning drawn over the map (départements are always outlined), and the basemap. */
export function LayerControl() {
  const couche = useAppStore((state) => state.couche);
  const plan = useAppStore((state) => state.plan);
  const { setCouche, setPlan } = useActions();
  const message = PLAN_MESSAGES[plan.status];
  return (
    <>
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
      <fieldset class="control">
        <legend>Fond de carte</legend>
        <label class="check">
          <input type="checkbox" checked={plan.on} onChange={(event) => setPlan(event.currentTarget.checked)} aria-describedby="plan-detaille-note" />
          Plan détaillé (rues, IGN)
        </label>
        <p class="hint" id="plan-detaille-note">
          L'activer demande les images du plan à l'IGN (data.geopf.fr), ce qui lui indique la zone regardée. Ce choix reste sur cet appareil ; il n'est jamais mis dans un lien partagé.
        </p>
        <p role="status" class={plan.status === 'erreur' || plan.status === 'hors-ligne' ? 'error' : 'hint'}>
          {message ?? ''}
        </p>
      </fieldset>
    </>
  );
}
