import { deName } from '../domain/typography.ts';
import { ZONE_COMMON_PROVENANCE, ZONE_PROVENANCE } from '../domain/attributions.ts';
import { BASSIN_NOTE, ZONING_SINGULAR } from '../domain/zones.ts';
import { VOIE_LABELS, VOIES } from '../domain/training.ts';
import { selectDepartementNames, selectFiltersOn, selectSelectedZone, selectZoneOffer, selectZoneSummary } from '../state/selectors.ts';
import { BassinHiring } from './BassinHiring.tsx';
import { Essentials } from './Essentials.tsx';
import { IndicatorLine } from './IndicatorLine.tsx';
import { CardHeader } from './CardHeader.tsx';
import { formatInteger, plural } from './format.ts';
import { useActions, useAppStore } from './use-app-store.ts';

/** The card of the selected zone: name, code, population, communes, département(s). */
export function ZoneCard() {
  const zone = useAppStore(selectSelectedZone);
  const reference = useAppStore((state) => state.zone);
  const departements = useAppStore(selectDepartementNames);
  const supply = useAppStore(selectZoneOffer);
  const summary = useAppStore((state) => selectZoneSummary(state, state.zone));
  const territory = useAppStore((state) => state.territory);
  // The counts follow the filters (and the search): said when some are on, so that a counsellor
  // never reads "3 formations" as the whole offer of the zone.
  const filtered = useAppStore(selectFiltersOn);
  const { selectZone, setTerritory, requestPrint } = useActions();
  if (!zone || !reference) return null;
  const compared = territory.comparer.some((item) => item.zoning === reference.zoning && item.code === reference.code);
  const kind = ZONING_SINGULAR[reference.zoning];
  return (
    <section class="card zone-card" aria-labelledby="zone-card-title" data-testid="zone-card">
      <CardHeader kind={kind} titleId="zone-card-title" onClose={() => selectZone(null)}>
        {reference.zoning === 'spel' ? `SPEL ${deName(zone.nom)}` : zone.nom}
        {zone.partieRegionale ? ' (partie Hauts-de-France)' : ''}
      </CardHeader>
      <dl class="facts">
        <dt>Code</dt>
        <dd>{zone.code}</dd>
        <dt>Population</dt>
        <dd>{formatInteger(zone.population)} hab.</dd>
        <dt>Communes</dt>
        <dd>{plural(zone.communes, 'commune')}</dd>
        {reference.zoning !== 'departement' && (
          <>
            <dt>{zone.departements.length > 1 ? 'Départements' : 'Département'}</dt>
            <dd>{zone.departements.map((code) => `${departements.get(code) ?? code} (${code})`).join(', ')}</dd>
          </>
        )}
        {supply && (
          <>
            <dt>Offre de formation</dt>
            <dd data-testid="zone-supply">
              {plural(supply.trainings, 'formation')} dans {plural(supply.sites, 'lieu', 'lieux')}
              {filtered && <span data-testid="zone-supply-filtered">, selon les filtres</span>}
              {supply.trainings > 0 && (
                <ul class="supply">
                  {VOIES.map((voie) => (
                    <li key={voie}>
                      {VOIE_LABELS[voie]} : {formatInteger(supply.byVoie[voie])}
                    </li>
                  ))}
                </ul>
              )}
              {VOIES.reduce((sum, voie) => sum + supply.byVoie[voie], 0) > supply.trainings && (
                <p class="hint" data-testid="zone-supply-voies">
                  Une formation proposée dans plusieurs voies compte dans chacune.
                </p>
              )}
            </dd>
          </>
        )}
      </dl>
      <IndicatorLine reference={reference} />
      {summary && <Essentials summary={summary} compact />}
      <p class="card-actions">
        <button
          type="button"
          class="more"
          aria-pressed={compared}
          disabled={!compared && territory.comparer.length >= 4}
          onClick={() =>
            setTerritory({
              ...territory,
              comparer: compared ? territory.comparer.filter((item) => !(item.zoning === reference.zoning && item.code === reference.code)) : [...territory.comparer, reference],
            })
          }
        >
          {compared ? 'Retirer de la comparaison' : 'Comparer'}
        </button>{' '}
        <button
          type="button"
          class="more"
          onClick={() => requestPrint('territoire')}
        >
          Imprimer la fiche
        </button>
      </p>
      {zone.partieRegionale && (
        <p class="note">Zone d'emploi à cheval sur deux régions : seule la partie située en Hauts-de-France est décrite ici.</p>
      )}
      {reference.zoning === 'bassin' && <BassinHiring />}
      {reference.zoning === 'bassin' && (
        <p class="note" data-testid="bassin-note">
          {BASSIN_NOTE}
        </p>
      )}
      {reference.zoning === 'spel' && (
        <p class="note">Périmètre approché : un SPEL par arrondissement, comme l'indique la Région.</p>
      )}
      <p class="provenance">
        Sources : {ZONE_PROVENANCE[reference.zoning]} ; {ZONE_COMMON_PROVENANCE}
      </p>
    </section>
  );
}
