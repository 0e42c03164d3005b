import { useState } from 'preact/hooks';
import { selectOrganismesInView } from '../state/selectors.ts';
import { plural } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';

const PAGE = 40;

/** The apprenticeship organisations in the map view, as a keyboard-usable list (the layer's twin). */
export function OrganismeList() {
  const organismes = useAppStore(selectOrganismesInView);
  const visible = useAppStore((state) => state.overlays.cfa);
  const selected = useAppStore((state) => state.site);
  const gazetteer = useAppStore((state) => state.data?.gazetteer);
  const { selectSite } = useActions();
  const [shown, setShown] = useState(PAGE);
  if (!visible) return null;
  return (
    <section class="organisme-list" aria-labelledby="organisme-list-title">
      <h2 id="organisme-list-title" aria-live="polite" data-testid="organisme-count">
        {plural(organismes.length, "organisme d'apprentissage", "organismes d'apprentissage")}
        <span class="count"> (dans la vue)</span>
      </h2>
      <ul>
        {organismes.slice(0, shown).map((organisme) => (
          <li key={organisme.id}>
            <button type="button" class="list-item" aria-pressed={selected === organisme.id} data-organisme={organisme.id} onClick={() => selectSite(selected === organisme.id ? null : organisme.id)}>
              <span class="item-name">
                <span class="cfa-chip" aria-hidden="true" /> {organisme.nom}
              </span>
              <span class="item-meta">
                {gazetteer?.byCode.get(organisme.commune)?.nom ?? organisme.commune} · UAI {organisme.uai}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {organismes.length > shown && (
        <button type="button" class="more" onClick={() => setShown(shown + PAGE)}>
          Afficher {Math.min(PAGE, organismes.length - shown)} de plus
        </button>
      )}
    </section>
  );
}
