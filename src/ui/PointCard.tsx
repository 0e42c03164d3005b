import { EMPTY_FILTERS } from '../domain/filters.ts';
import { selectOffer, selectPlacePoint, selectSelectedPoint } from '../state/selectors.ts';
import { CardHeader } from './CardHeader.tsx';
import { PRECISION_NOTES } from '../domain/training.ts';
import { lowerFirst } from '../domain/typography.ts';
import { describeAcces, describeProvenance, describeSession, describeTraining } from './describe.ts';
import { formatInteger, plural } from './format.ts';
import { trainingHiring } from '../state/hiring.ts';
import { useActions, useAppStore } from './use-app-store.ts';

/**
 * A route planner link (OpenStreetMap directions), from the place when one is set. It is only a
 * link: nothing is requested until the person follows it.
 */
function routeLink(from: [number, number] | null, to: [number, number]): string {
  const point = (value: [number, number] | null) => (value ? `${value[1]},${value[0]}` : '');
  return `https://www.openstreetmap.org/directions?engine=fossgis_osrm_car&route=${encodeURIComponent(`${point(from)};${point(to)}`)}`;
}

const NATURE_LABELS: Readonly<Record<string, string>> = {
  formateur: 'formateur (dispense les formations)',
  responsable: 'responsable (gère les contrats, sans former lui-même)',
  responsable_formateur: 'responsable et formateur',
  inconnue: 'non précisée par la source',
};

/** Card of the selected training site, apprenticeship organisation, Alliance Emploi school or campus. */
export function PointCard() {
  const point = useAppStore(selectSelectedPoint);
  const offer = useAppStore(selectOffer);
  const gazetteer = useAppStore((state) => state.data?.gazetteer);
  const { selectSite, togglePin, setFilters } = useActions();
  const jobLabels = offer?.jobLabels ?? new Map<string, string>();
  const labour = useAppStore((state) => state.labour);
  const data = useAppStore((state) => state.data);
  const pinned = useAppStore((state) => state.pinned);
  const placePoint = useAppStore(selectPlacePoint);
  if (!point || !offer) return null;
  const close = () => selectSite(null);
  const communeName = (code: string) => gazetteer?.byCode.get(code)?.nom ?? code;
  switch (point.kind) {
    case 'site': {
      const { site, trainings } = point;
      // Schools that share an address share a symbol: the card leads to the others.
      const neighbours = offer.dataset.sites.filter((other) => other.id !== site.id && other.point[0] === site.point[0] && other.point[1] === site.point[1]);
      const organismes = site.uai ? offer.dataset.organismes.filter((organisme) => organisme.uai === site.uai) : [];
      return (
        <section class="card point-card" aria-labelledby="point-card-title" data-testid="site-card">
          <CardHeader kind="Lieu de formation" titleId="point-card-title" onClose={close}>
            {site.nom}
          </CardHeader>
          <p class="place">
            {site.adresse ? `${site.adresse} — ` : ''}
            {communeName(site.commune)} ({site.commune}){site.uai ? ` · UAI ${site.uai}` : ''}
          </p>
          <p class="place">
            <a href={routeLink(placePoint, site.point)} target="_blank" rel="noopener noreferrer" data-testid="itineraire">
              Itinéraire
            </a>{' '}
            <span class="hint">(ouvre OpenStreetMap dans un nouvel onglet{placePoint ? ', depuis votre lieu' : ''})</span>
          </p>
          {PRECISION_NOTES[site.precision] && (
            <p class="note" data-testid="precision-note">
              {PRECISION_NOTES[site.precision]}
            </p>
          )}
          {organismes.length > 0 && (
            <div class="note">
              Organisme{organismes.length > 1 ? 's' : ''} d'apprentissage sous le même UAI :{' '}
              {organismes.map((organisme, index) => (
                <span key={organisme.id}>
                  {index > 0 ? ', ' : ''}
                  <button type="button" class="link-button" onClick={() => selectSite(organisme.id)}>
                    {organisme.nom}
                  </button>
                </span>
              ))}
            </div>
          )}
          {neighbours.length > 0 && (
            <div class="note">
              Au même endroit :{' '}
              {neighbours.map((other, index) => (
                <span key={other.id}>
                  {index > 0 ? ', ' : ''}
                  <button type="button" class="link-button" onClick={() => selectSite(other.id)}>
                    {other.nom}
                  </button>
                </span>
              ))}
            </div>
          )}
          <h3 class="subhead">{plural(trainings.length, 'formation')}</h3>
          <ul class="trainings">
            {trainings.map((training) => (
              <li key={training.id} class="training">
                <p class="training-title">
                  {training.intitule}{' '}
                  <button type="button" class="pin" aria-pressed={pinned.includes(training.id)} onClick={() => togglePin(training.id)}>
                    {pinned.includes(training.id) ? 'Épinglée ★' : 'Épingler'}
                    <span class="visually-hidden"> : {training.intitule}</span>
                  </button>
                </p>
                <p class="training-facts">{describeTraining(training).join(' · ')}</p>
                {(training.romes ?? []).length > 0 && (
                  <div class="training-jobs">
                    Mène aux métiers (ROME) :{' '}
                    <ul class="job-links" aria-label={`Métiers auxquels mène : ${training.intitule}`}>
                      {(training.romes ?? []).map((code) => (
                        <li key={code}>
                          <button
                            type="button"
                            class="link-button"
                            data-rome={code}
                            title="Voir toutes les formations qui mènent à ce métier"
                            onClick={() => {
                              setFilters({ ...EMPTY_FILTERS, metiers: [code] });
                              selectSite(null);
                            }}
                          >
                            {jobLabels.get(code) ?? code}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {(() => {
                  const hiring = trainingHiring(labour, { data }, training, site.commune);
                  if (!hiring) return null;
                  const names = hiring.metiers.slice(0, 3).map((metier) => lowerFirst(metier.libelle)).join(', ');
                  return (
                    <p class="training-facts" data-testid="training-hiring">
                      Recrutements prévus pour ces métiers ({names}
                      {hiring.metiers.length > 3 ? `, et ${hiring.metiers.length - 3} autres` : ''}) :{' '}
                      {hiring.bassin ? `${formatInteger(hiring.bassin.projets)} projets dans le bassin d'emploi ${hiring.bassin.nom}, dont ${formatInteger(hiring.bassin.difficiles)} jugés difficiles ; ` : ''}
                      {formatInteger(hiring.region.projets)} dans la région, dont {formatInteger(hiring.region.difficiles)} difficiles
                      {hiring.region.masques > 0 ? ' (sans les chiffres masqués par le secret statistique)' : ''} — {hiring.source}.
                    </p>
                  );
                })()}
                {training.intituleSource && <p class="provenance">Intitulé dans la source : « {training.intituleSource} »</p>}
                {training.acces.length > 0 && (
                  <ul class="acces" aria-label="Accès : places et vœux">
                    {training.acces.map((acces, index) => (
                      <li key={index}>{describeAcces(acces)}</li>
                    ))}
                  </ul>
                )}
                {training.sessions.length > 0 && (
                  <ul class="sessions">
                    {training.sessions.map((session, index) => (
                      <li key={index}>Session : {describeSession(session)}</li>
                    ))}
                  </ul>
                )}
                {training.organisme && training.organisme !== site.nom && <p class="training-facts">Organisme : {training.organisme}</p>}
                {training.url && (
                  <p class="training-facts">
                    <a href={training.url} target="_blank" rel="noopener noreferrer">
                      Page de la formation
                    </a>
                  </p>
                )}
                <p class="provenance">Source : {describeProvenance(offer, training.provenance).join(' ; ')}</p>
              </li>
            ))}
          </ul>
        </section>
      );
    }
    case 'organisme': {
      const { organisme, sites } = point;
      return (
        <section class="card point-card" aria-labelledby="point-card-title" data-testid="organisme-card">
          <CardHeader kind="Organisme de formation en apprentissage" titleId="point-card-title" onClose={close}>
            {organisme.nom}
          </CardHeader>
          <p class="place">
            {organisme.adresse ? `${organisme.adresse} — ` : ''}
            {communeName(organisme.commune)} ({organisme.commune})
          </p>
          <dl class="facts">
            <dt>UAI</dt>
            <dd>{organisme.uai}</dd>
            {organisme.siret && (
              <>
                <dt>SIRET</dt>
                <dd>{organisme.siret}</dd>
              </>
            )}
            <dt>Nature</dt>
            <dd>{NATURE_LABELS[organisme.nature] ?? organisme.nature}</dd>
            {organisme.prepaApprentissage && (
              <>
                <dt>Programme</dt>
                <dd>Prépa apprentissage</dd>
              </>
            )}
          </dl>
          <p class="note">{PRECISION_NOTES.commune}</p>
          <h3 class="subhead">Formations sous cet UAI</h3>
          {sites.length > 0 ? (
            <ul class="trainings">
              {sites.map((site) => (
                <li key={site.id}>
                  <button type="button" class="link-button" onClick={() => selectSite(site.id)}>
                    {site.nom} — {plural(offer.trainingsBySite.get(site.id)?.length ?? 0, 'formation')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="hint">Aucune formation de nos sources ne porte cet UAI : l'offre de cet organisme n'est pas encore connue ici.</p>
          )}
          <p class="provenance">Source : {describeProvenance(offer, organisme.provenance).join(' ; ')}</p>
        </section>
      );
    }
    case 'alliance': {
      const { school } = point;
      return (
        <section class="card point-card" aria-labelledby="point-card-title" data-testid="alliance-card">
          <CardHeader kind="École Alliance Emploi" titleId="point-card-title" onClose={close}>
            {school.nom} — {communeName(school.commune)}
          </CardHeader>
          <dl class="facts">
            <dt>Métiers</dt>
            <dd>{school.metiers.join(', ')}</dd>
            <dt>Entreprises partenaires</dt>
            <dd>{school.entreprises.join(', ')}</dd>
          </dl>
          <p class="note">Point placé au centre de la commune.</p>
          <p class="provenance">Source : {school.source}</p>
        </section>
      );
    }
    case 'campus': {
      const { campus } = point;
      return (
        <section class="card point-card" aria-labelledby="point-card-title" data-testid="campus-card">
          <CardHeader kind={campus.excellence ? "Campus d'excellence" : 'Campus des métiers et des qualifications'} titleId="point-card-title" onClose={close}>
            {campus.nom}
          </CardHeader>
          <dl class="facts">
            <dt>Territoire</dt>
            <dd>{campus.territoire}</dd>
            <dt>Secteurs</dt>
            <dd>{campus.secteurs.join(', ')}</dd>
            <dt>Communes</dt>
            <dd>{campus.communes.length > 0 ? campus.communes.map((commune) => commune.nom).join(', ') : 'aucune commune citée par la source : campus non placé sur la carte'}</dd>
          </dl>
          <p class="provenance">Source : {campus.source}</p>
        </section>
      );
    }
    default: {
      const unreachable: never = point;
      return unreachable;
    }
  }
}
