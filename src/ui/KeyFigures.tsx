import { selectOffer } from '../state/selectors.ts';
import { formatInteger } from './format.ts';
import { useAppStore } from './use-app-store.ts';

/** The region's key figures (facts table), each with its period and source. */
export function KeyFigures() {
  const facts = useAppStore((state) => selectOffer(state)?.dataset.facts ?? null);
  if (!facts || facts.length === 0) return null;
  return (
    <details class="control key-figures" data-testid="key-figures">
      <summary>Chiffres clés des Hauts-de-France</summary>
      <ul>
        {facts.map((fact) => (
          <li key={fact.indicateur}>
            <strong>{fact.indicateur}</strong> : {fact.valeur === null ? fact.texte : `${formatInteger(fact.valeur)} ${fact.unite}`} <span class="hint">({fact.periode} ; {fact.source})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
