import { deName } from '../domain/typography.ts';
import { EMPTY_FILTERS } from '../domain/filters.ts';
import { OFFER_GAPS_NOTE } from '../domain/jobs.ts';
import { NEARBY_KM, selectBassinHiring, type MetierRow } from '../state/hiring.ts';
import { formatInteger, plural } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';


/**
 * "Métiers qui recrutent" on a bassin's card: demand and supply side by side. The métiers with the
 * most hiring projects (BMO), the share judged difficult, and for each the trainings on the map
 * that lead to it, in the bassin and within reach, one click from the list (`metier=`); then the
 * métiers much sought that no training on the map leads to, with what the map does not hold.
 */
export function BassinHiring() {
  const view = useAppStore(selectBassinHiring);
  const labourError = useAppStore((state) => state.labourError);
  const where = useAppStore((state) => state.where);
  const data = useAppStore((state) => state.data);
  const { setFilters, setWhere, selectZone } = useActions();
  if (labourError) return <p class="error">Besoins en main-d'œuvre indisponibles : {labourError}</p>;
  if (!view) return null;
  const show = (row: MetierRow, scope: 'bassin' | 'proche' | 'region') => {
    setFilters({ ...EMPTY_FILTERS, metiers: [...row.metier.romes] });
    if (scope === 'bassin') setWhere({ ...where, place: null, dans: { zoning: 'bassin', code: view.code } });
    else if (scope === 'region') setWhere({ ...where, place: null, dans: null });
    else {
      const main = data?.gazetteer.communes.filter((commune) => commune.bassin === view.code).sort((a, b) => b.population - a.population)[0];
      if (main) setWhere({ ...where, dans: null, place: { kind: 'commune', code: main.code }, rayon: NEARBY_KM, temps: null });
    }
    selectZone(null);
  };
  return (
    <section class="bassin-hiring" aria-labelledby="bassin-hiring-title" data-testid="bassin-hiring">
      <h3 id="bassin-hiring-title" class="subhead">
        Métiers qui recrutent
      </h3>
      <p class="hint">
        Projets de recrutement déclarés par les employeurs du bassin, et formations de la carte qui mènent à chaque métier (métier → codes ROME → diplômes), dans le bassin et à moins de {NEARBY_KM} km {view.mainCommune ? deName(view.mainCommune) : 'de sa principale commune'}.
      </p>
      <ol class="hiring-list" aria-label="Métiers qui recrutent, du plus demandé au moins demandé">
        {view.rows.map((row) => (
          <li key={row.metier.code} data-fap={row.metier.code}>
            <span class="item-name">{row.metier.libelle}</span>
            <span class="item-meta">
              {row.projets === null ? 'projets : chiffre masqué' : plural(row.projets, 'projet')}
              {row.partDifficile === null ? '' : ` · ${row.partDifficile.toLocaleString('fr-FR')} % jugés difficiles`}
            </span>
            <span class="item-meta">
              Formations sur la carte :{' '}
              {row.total === 0 ? (
                'aucune'
              ) : (
                <>
                  {row.inBassin > 0 ? (
                    <button type="button" class="link-button" data-scope="bassin" onClick={() => show(row, 'bassin')}>
                      {formatInteger(row.inBassin)} dans le bassin
                    </button>
                  ) : (
                    'aucune dans le bassin'
                  )}
                  {' · '}
                  {row.nearby > 0 ? (
                    <button type="button" class="link-button" data-scope="proche" onClick={() => show(row, 'proche')}>
                      {formatInteger(row.nearby)} à moins de {NEARBY_KM} km
                    </button>
                  ) : (
                    `aucune à moins de ${NEARBY_KM} km`
                  )}
                  {' · '}
                  <button type="button" class="link-button" data-scope="region" onClick={() => show(row, 'region')}>
                    {formatInteger(row.total)} dans la région
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
      {view.withoutTraining.length > 0 && (
        <div data-testid="bassin-without-training">
          <h4 class="subhead">Très demandés, sans formation sur la carte</h4>
          <ul>
            {view.withoutTraining.map((row) => (
              <li key={row.metier.code}>
                {row.metier.libelle} : {plural(row.projets ?? 0, 'projet')}
                {row.projets === null ? ' (chiffre masqué)' : ''}
              </li>
            ))}
          </ul>
          <p class="hint">{OFFER_GAPS_NOTE}</p>
        </div>
      )}
      {view.masques > 0 && <p class="hint">{view.masques} chiffres du bassin sont masqués par France Travail (secret statistique) : inconnus, jamais comptés comme zéro.</p>}
      <p class="provenance">Source : {view.source} ; métiers FAP 2021 → codes ROME : DARES.</p>
    </section>
  );
}
