import { foldText } from './text.ts';

/**
 * Domains of trainings whose source gives no usable NSF code (licences, CPGE, BUT, diplômes
 * d'État, NSF 300 "spécialités plurivalentes des services"…), read from words of their title.
 * The rules are tried in order on the folded title (lower case, no accents); the first that
 * matches gives the domain, and its id is kept on the training (`domaineOrigin: "intitule:<id>"`)
 * so every guess can be traced and discussed. Specific professions come before broad academic
 * fields, so "Licence Sciences pour l'ingénieur parcours génie électrique" is électricité.
 */
export interface DomainRule {
  id: string;
  pattern: RegExp;
  domaine: string;
}

export const DOMAIN_RULES: readonly DomainRule[] = [
  // A DN MADE is art and design: never filed by one word of its specialty ("DN MADE Numérique").
  { id: 'dn-made', pattern: /\bdn made\b/, domaine: 'communication' },
  { id: 'sante', pattern: /\b(infirmier|aide soignant|ergotherapeut|psychomotric|orthopt|orthophon|manipulat|kinesitherap|sage femme|maieutique|pedicur|podolog|imagerie medicale|radiolog|sante|medic|pharmac|dietet|soins|audioprothes|opticien|optique|prothes)/, domaine: 'sante-social' },
  { id: 'social', pattern: /\b(educateur specialise|educateur de jeunes enfants|educateur technique|service social|travail social|sanitaire et social|intervention sociale|economie sociale familiale|accompagnant educatif|carrieres sociales|education specialisee|animation sociale|socioculturel)/, domaine: 'sante-social' },
  // Sport: not "animation" alone (social, cultural or tourist animation is something else).
  { id: 'sport', pattern: /\b(sport|staps|activites physiques|bpjeps)/, domaine: 'services' },
  { id: 'numerique', pattern: /\b(informatique|numerique|reseaux|telecom|cybersecurite|donnees|developpeur|developpement web|mp2i|ciel|jeu video|game)/, domaine: 'numerique' },
  { id: 'electricite', pattern: /\b(electri|electrotech|electroni|energ|domotique|fluide)/, domaine: 'electricite' },
  { id: 'industrie', pattern: /\b(mecanique|maintenance|industri|productique|materiaux|plasturg|chaudronn|soudure|usinage|aeronaut|automobile|vehicules|mesures physiques|pilotage|chimie industrielle|conception de produits)/, domaine: 'industrie' },
  { id: 'batiment', pattern: /\b(genie civil|batiment|construction|travaux publics|architect|menuiserie|charpente|ameublement|bois|topograph|geometre)/, domaine: 'batiment' },
  { id: 'transport', pattern: /\b(logistique|transport|conduite routiere)/, domaine: 'transport' },
  { id: 'alimentation', pattern: /\b(hotellerie|restauration|tourisme|cuisine|boulang|patiss|boucher|alimentation|bar|service en salle|commercialisation et services en restauration)/, domaine: 'alimentation' },
  { id: 'securite', pattern: /\b(securite|hygiene|prevention des risques|gendarmerie|police)/, domaine: 'services' },
  { id: 'agriculture', pattern: /\b(agricole|agronom|elevage|peche|paysag|foret|forestier|horticol|viticul|bcpst|agriculture|animalier|equin|cgea|productions animales|productions vegetales|de la mer et du littoral)/, domaine: 'agriculture' },
  { id: 'langues-lettres', pattern: /\b(langues|lettres|litterature|civilisations|philosophie|humanites|histoire|geographie|sociologie|psychologie|anthropolog|archeolog|sciences humaines|sciences sociales|science politique|sciences po\b|etudes politiques|sciences de l education|enseignement|professorat|information communication|information et communication|musicologie|theologie|bibliotheque|documentation|etudes culturelles)/, domaine: 'lettres-droit' },
  { id: 'droit', pattern: /\b(droit|juridique|carrieres judiciaires|notari)/, domaine: 'lettres-droit' },
  { id: 'commerce', pattern: /\b(commerc|vente|vendeur|marketing|immobili|ecoles de commerce|negociation|relation client|business|accueil)/, domaine: 'commerce' },
  { id: 'gestion', pattern: /\b(gestion|comptab|administration|administrati|management|finance|banque|assurance|ecg|ect|aes|organisations|secretari|ressources humaines|dcg|expertise comptable)/, domaine: 'gestion' },
  { id: 'economie', pattern: /\b(economie|econometr)/, domaine: 'lettres-droit' },
  { id: 'arts', pattern: /\b(design|dn made|arts?\b|audiovisuel|cinema|graphi|multimedia|musique|spectacle|mode\b|image|photograph|realisat|textile|metiers d art|verre\b|ceramique|culture|medias|journalis)/, domaine: 'communication' },
  { id: 'sciences', pattern: /\b(mathemat|physique|chimie|biolog|sciences de la vie|sciences et techniques|sciences pour l ingenieur|sciences de la terre|genie biologique|biotechnolog|bioanaly|genie chimique|genie des procedes)|\b(mpsi|pcsi|ptsi|tsi|mp|pc|psi|tpc|tb|d1|d2)\b/, domaine: 'sciences' },
  { id: 'ingenieur', pattern: /\bingenieur/, domaine: 'sciences' },
];

/** The domain a title's words give, with the rule that gave it, or null. */
export function domainFromTitle(title: string): { domaine: string; rule: string } | null {
  const folded = ` ${foldText(title)} `;
  const rule = DOMAIN_RULES.find((candidate) => candidate.pattern.test(folded));
  return rule ? { domaine: rule.domaine, rule: rule.id } : null;
}
