import { foldText } from './text.ts';
import type { Training } from './training.ts';

/**
 * Thematic tags the Région follows: the rev3 transitions (écologique, énergétique, numérique) of
 * the CPRDFOP 2022-2028, and industry / maintenance (the Plan Marshall effort led with Alliance
 * Emploi). A training carries a tag when its NSF group is one of the theme's groups, or when its
 * title holds one of the theme's words (folded: lower case, no accents). The mapping is the app's
 * own reading of the NSF (INSEE/CNIS 1994), written here so that it can be checked and discussed.
 */
export interface Theme {
  id: string;
  label: string;
  /** NSF groups (3 digits). */
  nsf: readonly string[];
  /** Word starts looked for in the folded title. */
  words: readonly string[];
}

export const THEMES: readonly Theme[] = [
  {
    id: 'ecologique',
    label: 'Transition écologique',
    // 343 nettoyage, assainissement, protection de l'environnement; 213 forêts, espaces naturels; 214 aménagement paysager.
    nsf: ['343', '213', '214'],
    words: ['environnement', 'ecolog', 'dechet', 'biodiversit', 'developpement durable', 'paysag', 'recyclage', 'economie circulaire', 'agroecolog', 'transition ecologique', 'eau', 'assainissement', 'gestion forestiere', 'nature'],
  },
  {
    id: 'energetique',
    label: 'Transition énergétique',
    // 227 énergie, génie climatique.
    nsf: ['227'],
    words: ['energ', 'climatique', 'thermique', 'renouvelable', 'photovolta', 'eolien', 'fluide', 'domotique', 'isolation', 'froid et conditionnement', 'electrification'],
  },
  {
    id: 'numerique',
    label: 'Transition numérique',
    // 326 informatique, traitement de l'information, réseaux de transmission.
    nsf: ['326'],
    words: ['numerique', 'informatique', 'digital', 'donnees', 'cyber', 'reseaux', 'telecom', 'developpeur', 'web', 'intelligence artificielle', 'robotique', 'ciel'],
  },
  {
    id: 'industrie',
    label: 'Industrie et maintenance (Plan Marshall)',
    // 200-201 technologies industrielles; 250-255 mécanique, électricité, électronique; 222-225 transformations; 251 mécanique générale.
    nsf: ['200', '201', '222', '223', '224', '225', '250', '251', '252', '253', '254', '255'],
    words: ['maintenance', 'industri', 'conduite de ligne', 'pilotage', 'productique', 'usinage', 'chaudronn', 'soudure', 'soudage', 'electrotech', 'automatis', 'mecanique', 'plasturg', 'fonderie', 'metallurg'],
  },
];

export type ThemeId = (typeof THEMES)[number]['id'];

/** The themes of a training, from its NSF group and the words of its title. */
export function themesOf(training: Pick<Training, 'nsf' | 'intitule'>): string[] {
  const title = ` ${foldText(training.intitule)} `;
  return THEMES.filter((theme) => (training.nsf !== null && theme.nsf.includes(training.nsf.slice(0, 3))) || theme.words.some((word) => title.includes(` ${word}`))).map((theme) => theme.id);
}
