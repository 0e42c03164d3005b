import { LIGHT_THEME } from '../domain/theme.ts';
import type { SiteVoie } from '../domain/offer-index.ts';

const PATHS: Readonly<Record<SiteVoie | 'alliance', string>> = {
  scolaire: 'M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11z',
  apprentissage: 'M3 3h10v10H3z',
  continue: 'M8 1.8L14.4 13H1.6z',
  mixte: 'M8 1.5L14.5 8L8 14.5L1.5 8z',
  alliance: 'M8 1.5L13.6 4.75V11.25L8 14.5L2.4 11.25V4.75z',
};

/** The same shapes as on the map, for legends and lists (decorative: the text says the voie). */
export function VoieSymbol({ voie }: { voie: SiteVoie | 'alliance' }) {
  const color = voie === 'alliance' ? LIGHT_THEME.alliance : LIGHT_THEME.voies[voie];
  return (
    <svg class="symbol" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[voie]} fill={color} stroke="#fff" stroke-width="1.2" />
    </svg>
  );
}
