/** The BCN's MEF table shipped with the Affelnet extract: MEF STAT 11 → labels, read before Affelnet. */
import type { ImportContext, OpenDataAdapter, Table } from './shared.ts';

function readMefLookup(table: Table, context: ImportContext): void {
  for (const row of table.rows) {
    const mef = row.get('MEF_STAT_11');
    if (!/^\w{11}$/.test(mef)) continue;
    context.mef.set(mef, {
      libelle: row.get('LIBELLE_EDITION') || row.get('LIBELLE_LONG'),
      diplome: row.get('FORMATION_DIPLOME'),
      dispositif: row.get('LIBELLE_COURT'),
      commentaire: row.get('N_COMMENTAIRE'),
    });
  }
}

export const MEF_LOOKUP_ADAPTER: OpenDataAdapter = {
  layout: 'mef-lookup',
  columns: ['MEF_STAT_11', 'FORMATION_DIPLOME', 'LIBELLE_EDITION', 'DISPOSITIF_FORMATION'],
  accentColumns: ['LIBELLE_EDITION'],
  importTable: readMefLookup,
};
