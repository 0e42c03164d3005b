/** Parcoursup BTS capacities and status (Orion): BTS rows by UAI and MEF, merged into Parcoursup's trainings. */
import { domainFromNsf } from '../../domain/domains.ts';
import { diplomaFromLabel } from '../../domain/levels.ts';
import { collapseSpaces, foldText } from '../../domain/text.ts';
import type { Acces, Training, Voie } from '../../domain/training.ts';
import { readCount } from '../fields.ts';
import { nsfOfMefStat11, recordOf, RENAMED_BTS_OVERLAP, siteForUai, titleOverlap, UAI_PATTERN, type BtsRow, type ImportContext, type OpenDataAdapter, type Table } from './shared.ts';

const STATUT_WORDS: Readonly<Record<string, string>> = { scolaire: 'sous statut scolaire', apprentissage: 'en apprentissage' };

function readBtsCapacities(table: Table, context: ImportContext): void {
  const { builder } = context;
  const source = table.input.source;
  for (const row of table.rows) {
    const record = recordOf(row.line);
    builder.read(source);
    const uai = row.get('UAI').toUpperCase();
    const label = collapseSpaces(row.get('LIBELLÉFORMATION'));
    const mef = row.get('MEFSTAT11');
    const statut = row.get('STATUT');
    if (!UAI_PATTERN.test(uai) || label === '') {
      builder.reject(source, record, label === '' ? 'LIBELLÉFORMATION' : 'UAI', 'UAI ou libellé absent ou mal formé');
      continue;
    }
    if (statut !== 'Apprentissage' && statut !== 'Scolaire') {
      builder.reject(source, record, 'STATUT', `statut inconnu "${statut}", Apprentissage ou Scolaire attendu`);
      continue;
    }
    const voie: Voie = statut === 'Apprentissage' ? 'apprentissage' : 'scolaire';
    const nsf = nsfOfMefStat11(mef);
    const places = readCount(row.get('CAPACITEPSUP'));
    const voeux = readCount(row.get('NB_VOEUX_CONFIRMES'));
    const acces: Acces[] = places !== null || voeux !== null ? [{ entree: STATUT_WORDS[voie] ?? null, places, voeux, voeuxType: 'confirmes', source: 'Parcoursup 2024' }] : [];
    context.pendingBts.push({
      source,
      record,
      uai,
      mef,
      label,
      voie,
      patch: {
        intitule: label.replace(/ - en apprentissage$/i, ''),
        nsf,
        domaine: domainFromNsf(nsf),
        capacite: places,
        certification: /^\w{11}$/.test(mef) ? { mef } : {},
        provenance: [{ source, record }],
        acces,
        voies: [voie],
      },
    });
  }
}

/**
 * Imports the BTS rows once Parcoursup is in: each row joins the training that already holds its
 * UAI + MEF (the other status of the same BTS), else the Parcoursup training of the same UAI with
 * the same label, else — for the rows still unmatched at a UAI — the Parcoursup BTS whose title is
 * closest (a BTS renamed between the two files, e.g. "Diététique" / "Diététique et nutrition"),
 * else it becomes a training of its own, placed by its UAI.
 */
const RESERVED = /réservé aux mises à niveau$/i;

export function importPendingBts(context: ImportContext): void {
  const { builder } = context;
  const rows = context.pendingBts;
  context.pendingBts = [];
  const unmatched: BtsRow[] = [];
  const mergeBts = (row: BtsRow, into: string, reason: string, preferPatch: readonly (keyof Training)[] = []) => {
    builder.mergeInto(into, row.patch, row.source, reason, preferPatch);
    context.btsMerged.add(into);
    context.trainingByUaiMef.set(`${row.uai}|${row.mef}`, into);
  };
  for (const row of rows) {
    const holder = context.trainingByUaiMef.get(`${row.uai}|${row.mef}`);
    if (holder) {
      // The BTS's own title, not that of its row for students of a Mise à niveau, names the training.
      const reserved = (title: string) => RESERVED.test(title);
      const ownTitle = reserved(builder.training(holder)?.intitule ?? '') && !reserved(row.label);
      mergeBts(row, holder, `même UAI et même MEF (${row.mef}) : une seule formation, ${STATUT_WORDS[row.voie] ?? row.voie} ajouté à ses voies`, ownTitle ? ['intitule'] : []);
      continue;
    }
    // The same BTS in Parcoursup (same UAI, same label): one training. An apprenticeship row joins it
    // as its second voie ("sous statut scolaire" in Parcoursup, "en apprentissage" in the BTS file).
    const parcoursup = context.parcoursupByKey.get(`${row.uai}|${foldText(row.label.replace(/ - en apprentissage$/i, ''))}`);
    if (parcoursup && !context.btsMerged.has(parcoursup)) {
      mergeBts(
        row,
        parcoursup,
        row.voie === 'scolaire' ? 'même formation dans Parcoursup (UAI et libellé identiques) : libellé accentué, MEF et capacité conservés' : 'même formation dans Parcoursup (UAI et libellé identiques), en apprentissage dans le fichier BTS : une formation, deux voies',
        row.voie === 'scolaire' ? ['intitule'] : [],
      );
      continue;
    }
    unmatched.push(row);
  }
  // Renamed BTS: the best-matching Parcoursup BTS of the same UAI not yet matched, if clear.
  const leftover: BtsRow[] = [];
  for (const row of unmatched) {
    const holder = context.trainingByUaiMef.get(`${row.uai}|${row.mef}`);
    if (holder) {
      mergeBts(row, holder, `même UAI et même MEF (${row.mef}) : une seule formation, ${STATUT_WORDS[row.voie] ?? row.voie} ajouté à ses voies`);
      continue;
    }
    const candidates = (context.sitesByUai.get(row.uai) ?? [])
      .flatMap((siteId) => builder.trainingsAt(siteId))
      .filter((training) => training.id.startsWith('psup:') && training.diplome === 'BTS' && !context.btsMerged.has(training.id))
      .map((training) => ({ training, overlap: titleOverlap(row.label, training.intitule) }))
      .filter((candidate) => candidate.overlap >= RENAMED_BTS_OVERLAP)
      .sort((a, b) => b.overlap - a.overlap);
    const [best, second] = candidates;
    if (row.voie === 'scolaire' && best && (!second || second.overlap < best.overlap)) {
      mergeBts(row, best.training.id, `même BTS sous un autre libellé dans Parcoursup (« ${row.label} » / « ${best.training.intitule} », même UAI) : une seule formation`);
      continue;
    }
    leftover.push(row);
  }
  for (const row of leftover) {
    const holder = context.trainingByUaiMef.get(`${row.uai}|${row.mef}`);
    if (holder) {
      mergeBts(row, holder, `même UAI et même MEF (${row.mef}) : une seule formation, ${STATUT_WORDS[row.voie] ?? row.voie} ajouté à ses voies`);
      continue;
    }
    const siteId = siteForUai(context, row.source, row.uai, row.record, 'UAI');
    if (!siteId) continue;
    const diploma = diplomaFromLabel(row.label);
    const id = `bts:${row.uai}:${row.mef}`;
    builder.addTraining(
      {
        id,
        siteId,
        diplome: diploma?.diplome ?? null,
        niveau: diploma?.niveau ?? null,
        niveauOrigin: diploma?.niveau ? 'intitule' : null,
        modalite: null,
        conventionne: null,
        sessions: [],
        organisme: builder.site(siteId)?.nom ?? null,
        url: null,
        ...row.patch,
      },
      row.source,
      'même UAI, MEF et statut deux fois dans le fichier',
    );
    context.trainingByUaiMef.set(`${row.uai}|${row.mef}`, id);
  }
}

export const BTS_PARCOURSUP_ADAPTER: OpenDataAdapter = {
  layout: 'bts-parcoursup',
  columns: ['UAI', 'LIBELLÉFORMATION', 'MEFSTAT11', 'STATUT'],
  accentColumns: ['LIBELLÉFORMATION'],
  importTable: readBtsCapacities,
  // A BTS file opened without Parcoursup: its rows are imported on their own.
  finish: importPendingBts,
};
