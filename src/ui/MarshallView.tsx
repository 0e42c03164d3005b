import { selectMarshallTable } from '../state/hiring.ts';
import { formatInteger } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';

/**
 * The Plan Marshall view: the hiring projects of the industrial-maintenance métiers per bassin
 * d'emploi (BMO) against the trainings on the map that lead to them and the Alliance Emploi
 * schools, with the choropleth on the bassins.
 */
export function MarshallView() {
  const territory = useAppStore((state) => state.territory);
  const labour = useAppStore((state) => state.labour);
  const rows = useAppStore(selectMarshallTable);
  const { setTerritory, setCouche, setOverlay } = useActions();
  if (!labour) return null;
  const active = territory.fap === 'marshall' && territory.indicateur?.startsWith('recrutements') === true;
  return (
    <div class="marshall" data-testid="marshall">
      {!active && (
        <button
          type="button"
          class="more"
          onClick={() => {
            setTerritory({ ...territory, indicateur: 'recrutements', fap: 'marshall' });
            setCouche('bassin');
            setOverlay('alliance', true);
          }}
        >
          Vue Plan Marshall : maintenance industrielle
        </button>
      )}
      {active && (
        <details open>
          <summary>Plan Marshall : recrutements en maintenance industrielle par bassin</summary>
          <table data-testid="marshall-table">
            <caption class="visually-hidden">Projets de recrutement en maintenance industrielle, formations qui y mènent et écoles Alliance Emploi, par bassin d'emploi</caption>
            <thead>
              <tr>
                <th scope="col">Bassin d'emploi</th>
                <th scope="col">Projets</th>
                <th scope="col">Difficiles</th>
                <th scope="col">Formations</th>
                <th scope="col">Écoles Alliance Emploi</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row">{row.nom}</th>
                  <td class="number">
                    {formatInteger(row.projets)}
                    {row.masques > 0 ? ' *' : ''}
                  </td>
                  <td class="number">{row.partDifficile === null ? '—' : `${row.partDifficile.toLocaleString('fr-FR')} %`}</td>
                  <td class="number">{formatInteger(row.formations)}</td>
                  <td>{row.ecoles.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">
            Métiers : ouvriers et techniciens de la maintenance générale, mécanique, électrique et des automatismes (FAP 2021 G0A40, G0A41, G1X72, G1X77), la cible du Plan Marshall. Formations : celles de la carte
            dont le diplôme mène à ces métiers (codes ROME de la DARES). * : au moins un chiffre masqué (secret statistique), le total est un minimum.
          </p>
        </details>
      )}
    </div>
  );
}
