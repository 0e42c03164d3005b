import { COVERAGE_FACTS, coverageByVoie, type Fact } from '../domain/coverage.ts';
import { VOIE_LABELS, type Voie } from '../domain/training.ts';
import { selectOffer } from '../state/selectors.ts';
import { formatInteger, plural } from './format.ts';
import { useAppStore } from './use-app-store.ts';

function describeFact(fact: Fact | undefined): string | null {
  if (!fact) return null;
  return `${fact.valeur === null ? (fact.texte ?? '') : formatInteger(fact.valeur)} ${fact.unite} (${fact.periode} ; ${fact.source})`;
}

/** What exists, per voie, beside what we hold; and what is missing entirely. */
const EXISTS: Readonly<Record<Voie, (facts: Map<string, Fact>) => string | null>> = {
  scolaire: () => null,
  apprentissage: (facts) => [describeFact(facts.get(COVERAGE_FACTS.cfa)), describeFact(facts.get(COVERAGE_FACTS.apprentis))].filter(Boolean).join(' ; ') || null,
  alternance: () => null,
  continue: (facts) => [describeFact(facts.get(COVERAGE_FACTS.organismes)), describeFact(facts.get(COVERAGE_FACTS.entreesDemandeurs))].filter(Boolean).join(' ; ') || null,
};

const MISSING: Readonly<Record<Voie, string>> = {
  scolaire: "Lycées sans résultat IVAL et UAI absents des annuaires : leurs lignes Affelnet et BTS restent dans le rapport d'import. Parcoursup : session non indiquée par la source.",
  apprentissage:
    "Seules les formations en apprentissage publiées dans Parcoursup (BTS 2024) et Affelnet 2022 sont connues : la plupart des CFA figurent sur la carte comme organismes (calque dédié), sans le détail de leur offre.",
  alternance: "Masters qui annoncent « alternance » sans préciser apprentissage ou contrat de professionnalisation (Trouver mon master 2021).",
  continue: "Aucune offre ouverte de formation continue pour les demandeurs d'emploi n'a pu être obtenue : ouvrez un fichier LHEO (Carif-Oref, Intercarif) pour l'afficher.",
};

/** "Couverture des données": for each voie and source, what the map holds and what exists. */
export function Coverage() {
  const offer = useAppStore(selectOffer);
  if (!offer) return null;
  const { dataset } = offer;
  const facts = new Map(dataset.facts.map((fact) => [fact.indicateur, fact]));
  const rows = coverageByVoie(dataset);
  const organismes = dataset.organismes.length;
  const withJobs = dataset.trainings.filter((training) => (training.romes ?? []).length > 0).length;
  const readable = dataset.trainings.filter((training) => training.intituleOrigin && training.intituleOrigin !== 'source').length;
  return (
    <details class="coverage" data-testid="coverage">
      <summary>Couverture des données</summary>
      <p class="hint">Ce que la carte contient, voie par voie, à côté de ce qui existe dans la région. Une zone sans formation peut n'être qu'un manque de nos sources.</p>
      <ul class="coverage-voies">
        {rows.map((row) => (
          <li key={row.voie} data-voie={row.voie}>
            <h3 class="subhead">
              {VOIE_LABELS[row.voie]} : {plural(row.trainings, 'formation')} dans {plural(row.sites, 'lieu', 'lieux')}
            </h3>
            <p class="coverage-sources">
              Sources :{' '}
              {row.sources.length > 0
                ? row.sources
                    .map((id) => offer.sourcesById.get(id))
                    .map((source) => source && `${source.label} (${source.date})`)
                    .filter(Boolean)
                    .join(' ; ')
                : 'aucune'}
            </p>
            {EXISTS[row.voie](facts) && <p class="coverage-exists">Dans la région : {EXISTS[row.voie](facts)}</p>}
            {row.voie === 'apprentissage' && (
              <p class="coverage-exists">
                Organismes d'apprentissage sur la carte : {formatInteger(organismes)} (annuaire de la Mission apprentissage, 2023 ; il compte aussi les lycées à section d'apprentissage et la prépa
                apprentissage).
              </p>
            )}
            <p class="coverage-missing">Manque : {MISSING[row.voie]}</p>
          </li>
        ))}
      </ul>
      <h3 class="subhead">Métiers et intitulés</h3>
      <p class="coverage-jobs" data-testid="coverage-jobs">
        {plural(withJobs, 'formation')} sur {formatInteger(dataset.trainings.length)} mènent à des métiers connus (codes ROME) et {plural(readable, 'intitulé')} viennent d'une nomenclature officielle, le titre de la source restant indiqué sur la fiche. Sources :{' '}
        {dataset.sources
          .filter((source) => source.role === 'nomenclature')
          .map((source) => `${source.label} (${source.origin.split(',')[0]} ; ${source.licence})`)
          .join(' ; ')}
        . Les métiers sans formation sur la carte (par exemple aide-soignant) sont quand même proposés à la recherche, avec ce que la carte ne contient pas.
      </p>
    </details>
  );
}
