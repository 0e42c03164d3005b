/**
 * Builds the job vocabulary the browser loads (`public/data/metiers.json`) and the dataset's job
 * names: only the ROME v3 codes that at least one training of the dataset leads to, plus the
 * codes of the métiers the region's employers seek most (BMO, via the DARES FAP ↔ ROME table),
 * so a person who types such a job is told the map has no training for it. Pure.
 */
import type { JobVocabulary, VocabularyRome } from '../domain/jobs.ts';
import { compareFr } from '../domain/text.ts';
import type { RomeJob } from '../domain/training.ts';
import type { RomeAppellation, RomeFapLink, RomeFiche } from './nomenclatures.ts';

export interface VocabularyInputs {
  appellations: readonly RomeAppellation[];
  fiches: ReadonlyMap<string, RomeFiche>;
  dares: readonly RomeFapLink[];
  /** ROME v3 codes the trainings lead to. */
  reached: ReadonlySet<string>;
  /** ROME v3 codes of the most sought métiers, in order. */
  sought: readonly string[];
  source: string;
}

/** The job name of a v3 code: the ROME 4.0 fiche of the same code, else the DARES v3 title. */
export function romeJobTitle(code: string, fiches: ReadonlyMap<string, RomeFiche>, dares: readonly RomeFapLink[]): string | null {
  return fiches.get(code)?.libelle ?? dares.find((link) => link.rome === code)?.intituleRome ?? null;
}

export function buildJobVocabulary(inputs: VocabularyInputs): { vocabulary: JobVocabulary; jobs: RomeJob[]; unknown: string[] } {
  const codes = [...new Set([...inputs.reached, ...inputs.sought])].sort();
  const romes: VocabularyRome[] = [];
  const unknown: string[] = [];
  const v4By = new Map<string, string[]>();
  for (const fiche of inputs.fiches.values()) v4By.set(fiche.v3, [...(v4By.get(fiche.v3) ?? []), fiche.code]);
  for (const code of codes) {
    const libelle = romeJobTitle(code, inputs.fiches, inputs.dares);
    if (!libelle) {
      unknown.push(code);
      continue;
    }
    romes.push({ code, libelle, v4: (v4By.get(code) ?? []).sort(), raison: inputs.reached.has(code) ? 'formation' : 'recrutement' });
  }
  const kept = new Set(romes.map((rome) => rome.code));
  const seen = new Set<string>();
  const appellations: { libelle: string; rome: string }[] = [];
  const add = (libelle: string, rome: string) => {
    const key = `${rome}|${libelle}`;
    if (seen.has(key)) return;
    seen.add(key);
    appellations.push({ libelle, rome });
  };
  for (const rome of romes) add(rome.libelle, rome.code);
  for (const appellation of [...inputs.appellations].sort((a, b) => compareFr(a.libelle, b.libelle))) {
    if (appellation.peuUsite || !kept.has(appellation.romeV3)) continue;
    add(appellation.libelle, appellation.romeV3);
  }
  return { vocabulary: { source: inputs.source, romes, appellations }, jobs: romes.map((rome) => ({ code: rome.code, libelle: rome.libelle })), unknown };
}
