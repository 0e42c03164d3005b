import { selectOffer } from '../state/selectors.ts';
import { NOTE_MAX_LENGTH } from '../url/codec.ts';
import { plural } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';

/** The counsellor's note and pinned trainings: they travel in the link's hash and print on the sheet. */
export function SelectionPanel() {
  const note = useAppStore((state) => state.note);
  const pinned = useAppStore((state) => state.pinned);
  const offer = useAppStore(selectOffer);
  const { setNote, togglePin, selectSite } = useActions();
  const byId = new Map((offer?.dataset.trainings ?? []).map((training) => [training.id, training]));
  return (
    <details class="control selection" open={pinned.length > 0 || note !== ''} data-testid="selection">
      <summary>Sélection et note ({plural(pinned.length, 'formation épinglée', 'formations épinglées')})</summary>
      {pinned.length === 0 ? (
        <p class="hint">Épinglez des formations depuis la fiche d'un lieu : elles s'affichent ici et en tête de la fiche imprimée.</p>
      ) : (
        <ul class="pinned">
          {pinned.map((id) => {
            const training = byId.get(id);
            const site = training ? offer?.sitesById.get(training.siteId) : undefined;
            return (
              <li key={id}>
                {training && site ? (
                  <button type="button" class="link-button" onClick={() => selectSite(site.id)}>
                    {training.intitule} — {site.nom}
                  </button>
                ) : (
                  <span>Formation {id} absente des données chargées</span>
                )}{' '}
                <button type="button" class="unpin" aria-label={`Retirer ${training?.intitule ?? id} de la sélection`} onClick={() => togglePin(id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <label class="search-label" for="note-conseiller">
        Note du conseiller
      </label>
      <textarea id="note-conseiller" rows={3} maxLength={NOTE_MAX_LENGTH} value={note} onInput={(event) => setNote(event.currentTarget.value)} placeholder="Ex. : prendre contact avant mars ; visite des portes ouvertes" />
      <p class="hint">Dans le lien après « # » seulement ; imprimée comme les mots du conseiller.</p>
    </details>
  );
}
