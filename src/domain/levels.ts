import type { Niveau, NiveauOrigin } from './training.ts';
import { foldText } from './text.ts';

export interface LevelReading {
  niveau: Niveau;
  origin: NiveauOrigin;
}

/**
 * Reads an LHEO `code-niveau-entree|sortie`. Codes 11–18 are the European levels 1–8 (LHEO 2.3);
 * codes 0–8 are the older French nomenclature (LHEO ≤ 2.2: 4 = niveau V CAP/BEP, 5 = IV Bac,
 * 6 = III Bac+2, 7 = II Bac+3/4, 8 = I Bac+5 and more), mapped to the European level it matches.
 * 0 (not given) and 1 (no specific level) give null.
 */
export function levelFromLheoCode(code: string | null | undefined): LevelReading | null {
  const value = Number.parseInt((code ?? '').trim(), 10);
  if (value >= 11 && value <= 18) return { niveau: (value - 10) as Niveau, origin: 'lheo-europeen' };
  const old: Readonly<Record<number, Niveau>> = { 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6, 8: 7 };
  const niveau = old[value];
  return niveau ? { niveau, origin: 'lheo-ancien' } : null;
}

/**
 * Level of a BCN diploma code (`FORMATION_DIPLOME`, 8 characters): its first digit is the old
 * French level (5 CAP/BEP, 4 Bac, 3 Bac+2, 2 Bac+3/4, 1 Bac+5).
 */
export function levelFromDiplomaCode(code: string | null | undefined): LevelReading | null {
  const old: Readonly<Record<string, Niveau>> = { '5': 3, '4': 4, '3': 5, '2': 6, '1': 7 };
  const niveau = old[(code ?? '').charAt(0)];
  return niveau ? { niveau, origin: 'mef' } : null;
}

interface DiplomaRule {
  pattern: RegExp;
  diplome: string;
  niveau: Niveau | null;
}

/** Diploma kinds recognised at the start of a label (folded: lower case, no accents). */
const DIPLOMA_RULES: readonly DiplomaRule[] = [
  { pattern: /^licence professionnelle\b/, diplome: 'Licence professionnelle', niveau: 6 },
  { pattern: /^(double )?licence\b/, diplome: 'Licence', niveau: 6 },
  { pattern: /^master\b/, diplome: 'Master', niveau: 7 },
  { pattern: /^bts ?a?\b/, diplome: 'BTS', niveau: 5 },
  { pattern: /^but\b/, diplome: 'BUT', niveau: 6 },
  { pattern: /^dut\b/, diplome: 'DUT', niveau: 5 },
  { pattern: /^deust\b/, diplome: 'DEUST', niveau: 5 },
  { pattern: /^c(u)?pge\b/, diplome: 'Classe préparatoire', niveau: 5 },
  { pattern: /^cap ?a?\b/, diplome: 'CAP', niveau: 3 },
  { pattern: /^bep\b/, diplome: 'BEP', niveau: 3 },
  { pattern: /^(bac pro|baccalaureat professionnel)\b/, diplome: 'Bac pro', niveau: 4 },
  { pattern: /^bma\b/, diplome: 'Brevet des métiers d’art', niveau: 4 },
  { pattern: /^bp\b/, diplome: 'Brevet professionnel', niveau: 4 },
  { pattern: /^bpjeps\b/, diplome: 'BPJEPS', niveau: 4 },
  { pattern: /^formation d ingenieur\b/, diplome: 'Diplôme d’ingénieur', niveau: 7 },
  { pattern: /^d\.?e\.? (infirmier|educateur|assistant de service social|ergotherapeute|psychomotricien|technicien de laboratoire|pedicure|manipulat)/, diplome: 'Diplôme d’État', niveau: 6 },
  { pattern: /^diplome de comptabilite et de gestion\b/, diplome: 'DCG', niveau: 6 },
  { pattern: /^dn made\b/, diplome: 'DN MADE', niveau: 6 },
  { pattern: /^diplome national d art\b/, diplome: 'DNA', niveau: 6 },
  { pattern: /^dts\b/, diplome: 'DTS', niveau: 6 },
  { pattern: /^certificat de specialisation\b/, diplome: 'Certificat de spécialisation', niveau: null },
  { pattern: /^fcil\b/, diplome: 'FCIL', niveau: null },
  { pattern: /^mention complementaire\b/, diplome: 'Mention complémentaire', niveau: null },
  { pattern: /\bbac \+ ?5\b/, diplome: 'Diplôme d’école', niveau: 7 },
  { pattern: /\bbac \+ ?[34]\b/, diplome: 'Diplôme d’école', niveau: 6 },
  { pattern: /^(bachelor|cycle pluridisciplinaire)/, diplome: 'Diplôme d’établissement', niveau: 6 },
];

/** The kind of diploma and its level, read from the start of a training label. */
export function diplomaFromLabel(label: string): { diplome: string; niveau: Niveau | null } | null {
  const folded = foldText(label);
  const rule = DIPLOMA_RULES.find((candidate) => candidate.pattern.test(folded));
  return rule ? { diplome: rule.diplome, niveau: rule.niveau } : null;
}
