/**
 * The ~15 user-facing training domains, each a set of NSF groups (Nomenclature des spécialités de
 * formation, INSEE/CNIS 1994). The grouping is the app's own, made for people choosing a field.
 */
export interface Domain {
  id: string;
  label: string;
  /** NSF groups as inclusive ranges of 3-digit codes. */
  nsf: readonly (readonly [number, number])[];
}

export const DOMAINS: readonly Domain[] = [
  { id: 'agriculture', label: 'Agriculture, environnement, paysage', nsf: [[210, 215]] },
  { id: 'alimentation', label: 'Alimentation, hôtellerie, restauration, tourisme', nsf: [[221, 221], [334, 334]] },
  { id: 'batiment', label: 'Bâtiment, travaux publics, bois', nsf: [[230, 234]] },
  { id: 'industrie', label: 'Industrie, mécanique, maintenance, matériaux', nsf: [[200, 201], [220, 220], [222, 226], [228, 229], [250, 254]] },
  { id: 'electricite', label: 'Électricité, électronique, énergie', nsf: [[227, 227], [255, 255]] },
  { id: 'mode', label: 'Textile, mode, artisanat d’art', nsf: [[240, 243]] },
  { id: 'transport', label: 'Transport, logistique', nsf: [[311, 311]] },
  { id: 'commerce', label: 'Commerce, vente, immobilier', nsf: [[312, 312]] },
  { id: 'gestion', label: 'Gestion, comptabilité, finance, administration', nsf: [[310, 310], [313, 315], [324, 324]] },
  { id: 'numerique', label: 'Informatique, numérique, réseaux', nsf: [[326, 326]] },
  { id: 'communication', label: 'Communication, arts, design, audiovisuel', nsf: [[132, 134], [320, 323], [325, 325]] },
  { id: 'sante-social', label: 'Santé, social, soins', nsf: [[330, 332]] },
  { id: 'services', label: 'Services aux personnes, sport, sécurité, environnement', nsf: [[333, 333], [335, 336], [340, 345]] },
  { id: 'sciences', label: 'Sciences, mathématiques', nsf: [[110, 118]] },
  { id: 'lettres-droit', label: 'Lettres, langues, sciences humaines, droit, économie', nsf: [[100, 100], [120, 131], [135, 136]] },
];

const DOMAIN_BY_ID = new Map(DOMAINS.map((domain) => [domain.id, domain]));

/** The domain of an NSF code (`"312"`, or a longer code such as `"312t"`), or null. */
export function domainFromNsf(nsf: string | null | undefined): string | null {
  const group = Number.parseInt((nsf ?? '').slice(0, 3), 10);
  if (!Number.isFinite(group)) return null;
  return DOMAINS.find((domain) => domain.nsf.some(([from, to]) => group >= from && group <= to))?.id ?? null;
}

export function domainLabel(id: string | null): string {
  return (id && DOMAIN_BY_ID.get(id)?.label) || 'Domaine non précisé';
}
