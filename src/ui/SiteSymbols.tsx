import { VoieSymbol } from './VoieSymbol.tsx';

/** The training sites' symbols and what they say: the panel's legend and the map's. */
export function SiteSymbols() {
  return (
    <>
      <li><VoieSymbol voie="scolaire" /> Formation initiale (scolaire)</li>
      <li><VoieSymbol voie="apprentissage" /> Apprentissage ou alternance</li>
      <li><VoieSymbol voie="continue" /> Formation continue</li>
      <li><VoieSymbol voie="mixte" /> Plusieurs voies</li>
      <li><span class="cluster-chip" aria-hidden="true">12</span> Groupe de lieux : nombre de formations</li>
    </>
  );
}
