import { selectOffer } from '../state/selectors.ts';
import { useActions, useAppStore } from './use-app-store.ts';
import { VoieSymbol } from './VoieSymbol.tsx';

/** Alliance Emploi schools and Campus des métiers as lists, so every point on the map is reachable by keyboard. */
export function NetworkList() {
  const offer = useAppStore(selectOffer);
  const overlays = useAppStore((state) => state.overlays);
  const selected = useAppStore((state) => state.site);
  const gazetteer = useAppStore((state) => state.data?.gazetteer);
  const { selectSite } = useActions();
  if (!offer || (!overlays.alliance && !overlays.campus)) return null;
  const item = (id: string, name: string, meta: string, symbol: preact.ComponentChild) => (
    <li key={id}>
      <button type="button" class="list-item" aria-pressed={selected === id} onClick={() => selectSite(selected === id ? null : id)}>
        <span class="item-name">
          {symbol} {name}
        </span>
        <span class="item-meta">{meta}</span>
      </button>
    </li>
  );
  return (
    <section class="network-list" aria-label="Réseaux : Alliance Emploi et Campus des métiers">
      {overlays.alliance && (
        <>
          <h2>Écoles Alliance Emploi ({offer.dataset.alliance.length})</h2>
          <ul>
            {offer.dataset.alliance.map((school) =>
              item(school.id, `${school.nom} — ${gazetteer?.byCode.get(school.commune)?.nom ?? school.commune}`, school.metiers.join(', '), <VoieSymbol voie="alliance" />),
            )}
          </ul>
        </>
      )}
      {overlays.campus && (
        <>
          <h2>Campus des métiers et des qualifications ({offer.dataset.campus.length})</h2>
          <ul>
            {offer.dataset.campus.map((campus) =>
              item(campus.id, campus.nom.replace(/^Campus des métiers et des qualifications /, ''), campus.communes.length > 0 ? campus.communes.map((commune) => commune.nom).join(', ') : `${campus.territoire} (non placé sur la carte)`, <span class="campus-chip" aria-hidden="true" />),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
