/** Affelnet: the vocational track (CAP, 2nde/1re pro) per UAI and MEF, one training per Bac pro with its entry points. */
import { domainFromNsf } from '../../domain/domains.ts';
import { diplomaFromLabel, levelFromDiplomaCode } from '../../domain/levels.ts';
import { fail, ok } from '../../domain/result.ts';
import { collapseSpaces, foldText } from '../../domain/text.ts';
import type { Acces } from '../../domain/training.ts';
import { readCount } from '../fields.ts';
import { nsfOfMefStat11, recordOf, RENAMED_BTS_OVERLAP, siteForUai, titleOverlap, UAI_PATTERN, type ImportContext, type MefEntry, type OpenDataAdapter, type Table } from './shared.ts';

const DISPOSITIF_DIPLOMES: readonly [RegExp, string][] = [
  [/PRO/, 'Bac pro'],
  [/CAP/, 'CAP'],
  [/BMA/, 'Brevet des métiers d’art'],
];

/** The year of entry a MEF stands for, from the nomenclature's short label ("2NDPRO", "1ERPRO", "1CAP2"). */
function entryOf(dispositif: string): string | null {
  if (/^2ND|^2DPRO/.test(dispositif)) return '2nde';
  if (/^1ER|^1EPRO/.test(dispositif)) return '1re';
  return null;
}

/** Affelnet's placeholder for "no limit": a number of places that means none is set. */
export const AFFELNET_NO_LIMIT = 999;

/** A capacity of Affelnet: 999 means "not limited" (or unknown), never 999 places. */
export function readAffelnetPlaces(text: string): { places: number | null; nonLimitees: boolean } {
  const places = readCount(text);
  return places === AFFELNET_NO_LIMIT ? { places: null, nonLimitees: true } : { places, nonLimitees: false };
}

/** The MEF's own words say it is for apprentices ("… pour apprentis", "MEF pour les apprentis"). */
function isForApprentices(entry: MefEntry): boolean {
  return /\bpour (les )?apprentis\b/.test(foldText(`${entry.libelle} ${entry.commentaire}`));
}

function importAffelnet(table: Table, context: ImportContext): void {
  const { builder } = context;
  const source = table.input.source;
  // A Bac pro is one training entered in 2nde or in 1re: the rows of a UAI that prepare the same
  // final year (Affelnet's `mef_stat_terminale`) are grouped; the 2nde row, when there is one, leads.
  const groups = new Map<string, { row: Table['rows'][number]; mef: string; entry: MefEntry }[]>();
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get("Etablissement d'accueil").toUpperCase();
    const mef = row.get('MEF STAT 11');
    if (!UAI_PATTERN.test(uai)) {
      builder.reject(source, record, "Etablissement d'accueil", `"${uai}" n'est pas un UAI (7 chiffres et une lettre)`);
      continue;
    }
    const entry = context.mef.get(mef);
    if (!entry) {
      builder.reject(source, record, 'MEF STAT 11', `MEF ${mef} absent de la table des MEF`);
      continue;
    }
    const statut = row.get('Statut Offre de formation');
    if (statut !== 'ST' && statut !== 'AP') builder.warn(source, record, `statut "${statut}" inconnu (ST scolaire, AP apprentissage attendus) : lu comme scolaire`);
    const terminal = row.get('mef_stat_terminale');
    const key = `${uai}|${/^\w{11}$/.test(terminal) ? terminal : mef}`;
    const group = groups.get(key) ?? [];
    group.push({ row, mef, entry });
    groups.set(key, group);
  }
  // A "2nde commune" opens onto several Bac pros of one famille de métiers: their 1re rows name
  // the famille, the 2nde row does not. Each such Bac pro gets the famille's 2nde as its entry.
  const familySeconds = new Map<string, string[]>();
  const familyOf = new Map<string, { secondKey: string; famille: string }>();
  for (const [key, group] of groups) {
    const famille = collapseSpaces(group.find((item) => item.row.get('Famille de métiers'))?.row.get('Famille de métiers') ?? '');
    if (!famille || group.some((item) => entryOf(item.entry.dispositif) === '2nde')) continue;
    const uai = key.split('|')[0] ?? '';
    const candidates = [...groups]
      .filter(([otherKey, other]) => otherKey.startsWith(`${uai}|`) && other.every((item) => entryOf(item.entry.dispositif) === '2nde') && !other.some((item) => item.row.get('Famille de métiers')))
      .map(([otherKey, other]) => ({ key: otherKey, overlap: titleOverlap(famille, other[0]?.entry.libelle.replace(/^2nde pro (metiers|métiers)?/i, '') ?? '') }))
      .filter((candidate) => candidate.overlap >= RENAMED_BTS_OVERLAP)
      .sort((a, b) => b.overlap - a.overlap);
    const [best, second] = candidates;
    if (!best || (second && second.overlap === best.overlap)) continue;
    familyOf.set(key, { secondKey: best.key, famille });
    familySeconds.set(best.key, [...(familySeconds.get(best.key) ?? []), key]);
  }
  const accesOf = (item: { row: Table['rows'][number]; entry: MefEntry }, entree: string | null = entryOf(item.entry.dispositif)): Acces => {
    const places = readAffelnetPlaces(item.row.get('Capacité carte scolaire'));
    return { entree, places: places.places, voeux: readCount(item.row.get('Demandes vœux 1')), voeuxType: 'premier-choix', source: 'Affelnet 2022', ...(places.nonLimitees ? { placesNonLimitees: true } : {}) };
  };
  // An agricultural Bac pro's 2nde and 1re have two MEFs and two CFDs (no common terminal MEF):
  // at one UAI, a 2nde group and a 1re group of the same title are one training, entered in 2nde
  // or in 1re ("2nde pro agricole X" + "1ere pro agricole X"). The 1re leads: its CFD is the diploma's.
  const titleOf = (item: { entry: MefEntry }) => foldText(item.entry.libelle).replace(/^(annee \d \d |2nde|2nd|2d|1ere|1ere|1e|1er)\s*pro\s*a?\s*(agricole|agri)?\s*/, '').replace(/\s*pour apprentis$/, '');
  const leadFirst = new Set<string>();
  const byTitle = new Map<string, { second?: string; first?: string }>();
  for (const [key, group] of groups) {
    if (familySeconds.has(key) || familyOf.has(key)) continue;
    const entries = group.map((item) => entryOf(item.entry.dispositif));
    const kind = entries.every((entry) => entry === '2nde') ? 'second' : entries.every((entry) => entry === '1re') ? 'first' : null;
    if (!kind) continue;
    const titleKey = `${key.split('|')[0] ?? ''}|${titleOf(group[0] as { entry: MefEntry })}`;
    const pair = byTitle.get(titleKey) ?? {};
    if (pair[kind]) continue;
    pair[kind] = key;
    byTitle.set(titleKey, pair);
  }
  for (const { second, first } of byTitle.values()) {
    if (!second || !first) continue;
    const firstGroup = groups.get(first) ?? [];
    groups.set(first, [...firstGroup, ...(groups.get(second) ?? [])]);
    groups.delete(second);
    leadFirst.add(first);
  }
  const trainingOfGroup = new Map<string, string>();
  for (const [key, group] of groups) {
    if (familySeconds.has(key)) continue;
    const uai = key.split('|')[0] ?? '';
    if (leadFirst.has(key)) group.sort((a, b) => Number(entryOf(a.entry.dispositif) !== '1re') - Number(entryOf(b.entry.dispositif) !== '1re') || a.mef.localeCompare(b.mef));
    else group.sort((a, b) => a.mef.localeCompare(b.mef));
    const [lead, ...rest] = group;
    if (!lead) continue;
    const record = recordOf(lead.row.line);
    const siteId = siteForUai(context, source, uai, record, "Etablissement d'accueil");
    if (!siteId) {
      for (const other of rest) builder.reject(source, recordOf(other.row.line), "Etablissement d'accueil", `même formation que la ${record}, dont l'UAI ${uai} n'est pas situé`);
      continue;
    }
    const nsf = lead.entry.diplome.slice(3, 6);
    const mefNsf = nsfOfMefStat11(lead.mef);
    if (mefNsf && mefNsf !== nsf) builder.warn(source, record, `NSF ${mefNsf} du MEF différent de ${nsf} du code diplôme ; celui du diplôme est gardé`);
    const level = levelFromDiplomaCode(lead.entry.diplome);
    const label = collapseSpaces(lead.entry.libelle.replace(/^Ann[ée]e \d\/\d /i, ''));
    // The voie is the status column's (ST scolaire, AP apprentissage), never the MEF label's words.
    const apprentices = group.every((item) => item.row.get('Statut Offre de formation') === 'AP');
    const labelSaysApprentices = group.some((item) => isForApprentices(item.entry));
    if (labelSaysApprentices && !apprentices) builder.warn(source, record, `le MEF dit « pour apprentis » mais le statut de l'offre est ST (scolaire) : voie scolaire, comme le dit le statut`);
    const id = `affelnet:${uai}:${lead.mef}`;
    const kept = builder.addTraining(
      {
        id,
        siteId,
        intitule: label,
        diplome: DISPOSITIF_DIPLOMES.find(([pattern]) => pattern.test(lead.entry.dispositif))?.[1] ?? diplomaFromLabel(label)?.diplome ?? null,
        niveau: level?.niveau ?? null,
        niveauOrigin: level ? 'mef' : null,
        nsf: domainFromNsf(nsf) ? nsf : null,
        domaine: domainFromNsf(nsf),
        voies: [apprentices ? 'apprentissage' : 'scolaire'],
        modalite: null,
        conventionne: null,
        capacite: readAffelnetPlaces(lead.row.get('Capacité carte scolaire')).places,
        sessions: [],
        organisme: builder.site(siteId)?.nom ?? null,
        url: null,
        certification: { mef: lead.mef },
        provenance: [{ source, record }],
        acces: [accesOf(lead)],
      },
      source,
      'même UAI et même MEF deux fois dans le fichier',
    );
    if (kept === 'kept') {
      context.trainingByUaiMef.set(`${uai}|${lead.mef}`, id);
      trainingOfGroup.set(key, id);
    }
    for (const other of rest) {
      const entree = entryOf(other.entry.dispositif);
      builder.mergeInto(
        id,
        { provenance: [{ source, record: recordOf(other.row.line) }], acces: [accesOf(other)] },
        source,
        `même diplôme préparé (MEF de terminale ${key.split('|')[1]}) : entrée en ${entree ?? other.entry.dispositif} de la même formation`,
      );
      context.trainingByUaiMef.set(`${uai}|${other.mef}`, id);
    }
  }
  // The famille's 2nde: an entry point of each of its Bac pros, counted once (merged into the first).
  for (const [secondKey, bacPros] of familySeconds) {
    const seconds = groups.get(secondKey) ?? [];
    const famille = familyOf.get(bacPros[0] ?? '')?.famille ?? '';
    const trainings = bacPros.map((key) => trainingOfGroup.get(key)).filter((id): id is string => id !== undefined);
    const [first, ...others] = trainings;
    const uai = secondKey.split('|')[0] ?? '';
    for (const item of seconds) {
      const record = recordOf(item.row.line);
      if (!first) {
        builder.reject(source, record, "Etablissement d'accueil", `2nde commune de la famille « ${famille} » : l'UAI ${uai} n'est pas situé, ni aucun de ses Bac pro`);
        continue;
      }
      const entry = accesOf(item, `2nde commune (famille « ${famille.toLowerCase()} »)`);
      builder.mergeInto(first, { provenance: [{ source, record }], acces: [entry] }, source, `2nde commune de la famille de métiers « ${famille} » : entrée en 2nde des Bac pro de cette famille au même UAI`);
      // Each Bac pro of the family shows this entry: each names the row it comes from (counted once, in the first).
      for (const id of others) {
        const training = builder.training(id);
        if (!training) continue;
        training.acces.push(entry);
        training.provenance.push({ source, record });
      }
      context.trainingByUaiMef.set(`${uai}|${item.mef}`, first);
    }
  }
}

export const AFFELNET_ADAPTER: OpenDataAdapter = {
  layout: 'affelnet',
  columns: ["Etablissement d'accueil", 'MEF STAT 11', 'Statut Offre de formation'],
  check: (table, context) => (context.mef.size === 0 ? fail(`${table.input.file} : le fichier Affelnet a besoin de sa table des MEF (MEF_STAT_11 → libellés), à ouvrir avec lui`) : ok(undefined)),
  importTable: importAffelnet,
};
