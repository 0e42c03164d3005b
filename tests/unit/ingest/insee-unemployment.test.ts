import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/ingest/csv.ts';
import { buildUnemploymentIndicator, sourceCodeOf } from '../../../src/ingest/indicators-import.ts';
import { readQuarter, readUnemploymentTable } from '../../../src/ingest/insee-unemployment.ts';
import type { SheetRows } from '../../../src/ingest/sheet-table.ts';
import { describeWithSources, SHARED_SOURCES } from '../shared-sources.ts';

const banner: SheetRows = [['Taux de chômage localisés par zone d’emploi'], ['Source : Insee'], [], []];
const labels = ["Code de la zone d'emploi 2020", "Libellé de la zone d'emploi 2020", 'Code région 2016', 'Libellé région 2016', '1er trimestre 2023', '2e trimestre 2023', '3e trimestre 2023'];
const codes = ['ZE2020', 'LIBZE2020', 'REG', 'LIBREG', '2023-T1', '2023-T2', '2023-T3'];
const lens = ['3215', 'Lens', '32', 'HAUTS-DE-FRANCE', 10.9, 10.7, 10.6];
const arras = ['3203', 'Arras', '32', 'HAUTS-DE-FRANCE', 6.1, 6, 6.2];

describe('INSEE unemployment sheets, read by content', () => {
  it('reads quarter headings in every form people write', () => {
    expect(['2003-T1', '2003 T1', 't1 2003', '1er trimestre 2003', '2e trimestre 2003', '3ème trimestre 2003'].map(readQuarter)).toEqual(['2003-T1', '2003-T1', '2003-T1', '2003-T1', '2003-T2', '2003-T3']);
    expect(readQuarter('Code région')).toBeNull();
  });

  it('reads the layout users download: banner, French labels, then codes', () => {
    const table = readUnemploymentTable([...banner, labels, codes, lens, arras, ['Note : données CVS']], 'txcho_ze');
    expect(table.ok && table.value.quarters).toEqual(['2023-T1', '2023-T2', '2023-T3']);
    expect(table.ok && table.value.rows.map((row) => [row.code, row.label, row.values])).toEqual([
      ['3215', 'Lens', [10.9, 10.7, 10.6]],
      ['3203', 'Arras', [6.1, 6, 6.2]],
    ]);
    // The note under the table is reported, not lost.
    expect(table.ok && table.value.problems).toEqual([{ record: 'txcho_ze ligne 9', field: 'code', reason: expect.stringMatching(/n'est pas un code de zone/) as unknown as string }]);
  });

  it('reads a re-saved edition: another header row, French headings only, extra and missing columns, more quarters', () => {
    const rows: SheetRows = [['Mon export'], ['Zone', 'Nom', 'Commentaire', 'T4 2022', 'T1 2023', 'T3 2023', 'T4 2023'], [3215, 'Lens', 'x', 11, 10.9, 10.6, 10.4], [54, 'Beauvais', '', 7, 7.1, 7.2, 7.3]];
    const table = readUnemploymentTable(rows, 'export');
    expect(table.ok && table.value.quarters).toEqual(['2022-T4', '2023-T1', '2023-T3', '2023-T4']);
    // A number cell loses its leading zeros: 54 is zone 0054.
    expect(table.ok && table.value.rows.map((row) => row.code)).toEqual(['3215', '0054']);
  });

  it('leaves a text cell empty and says so, without losing the row', () => {
    const table = readUnemploymentTable([labels, codes, ['3215', 'Lens', '32', 'HDF', '10,9', 'n.d.', '10.6']], 'feuille');
    expect(table.ok && table.value.rows[0]?.values).toEqual([10.9, null, 10.6]);
    expect(table.ok && table.value.problems).toEqual([{ record: 'feuille ligne 3', field: '2023-T2', reason: '« n.d. » n\'est pas un taux : laissé vide' }]);
  });

  it('reads a CSV export with ; and decimal commas', () => {
    const csv = 'ZE2020;LIBZE2020;2023-T2;2023-T3\n3215;Lens;10,7;10,6\n3203;Arras;6,0;6,2\n';
    const table = readUnemploymentTable(parseCsv(csv).map((row) => row.cells), 'export.csv');
    expect(table.ok && table.value.rows.map((row) => row.values)).toEqual([
      [10.7, 10.6],
      [6, 6.2],
    ]);
  });

  it('fails with a message naming what it could not find', () => {
    expect(readUnemploymentTable([['a', 'b'], ['c', 'd']], 'vide')).toEqual({ ok: false, error: expect.stringMatching(/^vide : aucune ligne d'en-tête avec des trimestres/) as unknown as string });
    expect(readUnemploymentTable([['Nom', '2023-T1', '2023-T2'], ['Lens', 1, 2]], 'sans-code')).toEqual({ ok: false, error: 'sans-code : aucune colonne de codes de zones d\'emploi (4 chiffres) à côté des trimestres' });
  });

  it('keeps the zones the app draws, reports the others, merges quarters across tables', () => {
    const first = readUnemploymentTable([codes, lens, ['0051', 'Alençon', '00', 'X', 7, 7, 7]], 'ze');
    const parts = readUnemploymentTable([['ZER2020', 'LIBZER2020', '2023-T3', '2023-T4'], ['3254', 'Beauvais - partie HdF', 7.2, 7.3]], 'parts');
    if (!first.ok || !parts.ok) throw new Error('unreadable fixture');
    const { file, report } = buildUnemploymentIndicator([{ source: 'ze', table: first.value }, { source: 'parts', table: parts.value }], [{ code: '3215' }, { code: '0054', partieRegionale: true }], {}, []);
    expect(file.chomage.quarters).toEqual(['2023-T1', '2023-T2', '2023-T3', '2023-T4']);
    expect(file.chomage.zonesEmploi).toEqual({ '3215': [10.9, 10.7, 10.6, null], '0054': [null, null, 7.2, 7.3] });
    expect(report.sources).toEqual({ ze: { read: 2, kept: 1, rejected: 1 }, parts: { read: 1, kept: 1, rejected: 0 } });
    expect(report.rejected[0]?.reason).toMatch(/0051 Alençon hors des Hauts-de-France/);
    expect(sourceCodeOf({ code: '0058', partieRegionale: true })).toBe('3258');
  });
});

describeWithSources('INSEE unemployment workbook (real file)', () => {
  it('reads the zone d’emploi of Lens at 10.6 % in 2023-T3, as in the workbook', async () => {
    const sheets = (await readXlsxFile(readFileSync(`${SHARED_SOURCES}/insee/chomage-zone-t1-2003-t3-2023.xlsx`))) as { sheet: string; data: SheetRows }[];
    const ze = sheets.find((sheet) => sheet.sheet === 'txcho_ze');
    const table = readUnemploymentTable(ze?.data ?? [], 'txcho_ze');
    if (!table.ok) throw new Error(table.error);
    const lensRow = table.value.rows.find((row) => row.code === '3215');
    expect(lensRow?.label).toBe('Lens');
    expect(lensRow?.values[table.value.quarters.indexOf('2023-T3')]).toBe(10.6);
    expect(table.value.quarters[0]).toBe('2003-T1');
    expect(table.value.quarters).toHaveLength(83);
    expect(table.value.rows).toHaveLength(302);
    const parts = readUnemploymentTable(sheets.find((sheet) => sheet.sheet === 'txcho_parties reg')?.data ?? [], 'parts');
    expect(parts.ok && parts.value.rows.map((row) => row.code)).toContain('3254');
  });
});

describeWithSources('INSEE unemployment: the later edition (real CSV export, one table)', () => {
  const zones = [...Array.from({ length: 22 }, (_, index) => ({ code: `32${String(index + 1).padStart(2, '0')}` })), { code: '0054', partieRegionale: true }, { code: '0058', partieRegionale: true }];
  it('reads 2003-T1 → 2025-T4, with Lens at 10.8 % in 2025-T4, and uses the whole cross-border zones, saying so', () => {
    const rows: SheetRows = parseCsv(readFileSync(`${SHARED_SOURCES}/insee/chomage-zone-t1-2003-t4-2025.csv`, 'utf8')).map((row) => row.cells);
    const table = readUnemploymentTable(rows, 'edition.csv');
    if (!table.ok) throw new Error(table.error);
    expect(table.value.quarters[0]).toBe('2003-T1');
    expect(table.value.quarters.at(-1)).toBe('2025-T4');
    expect(table.value.rows).toHaveLength(302);
    const { file, report } = buildUnemploymentIndicator([{ source: 'edition.csv', table: table.value }], zones, {}, []);
    expect(file.chomage.zonesEmploi['3215']?.at(-1)).toBe(10.8);
    expect(Object.keys(file.chomage.zonesEmploi)).toHaveLength(24);
    expect(file.chomage.zonesEntieres).toEqual(['0054', '0058']);
    expect(report.notes.map((item) => item.zone)).toEqual(['0054', '0058']);
    // Nothing lost: every row kept or reported.
    expect(report.sources['edition.csv']).toEqual({ read: 302, kept: 24, rejected: 278 });
  });

  it('takes the whole zone for a copy of the 2023 workbook without its regional-parts sheet, and the parts when they are there', async () => {
    const sheets = (await readXlsxFile(readFileSync(`${SHARED_SOURCES}/insee/chomage-zone-t1-2003-t3-2023.xlsx`))) as { sheet: string; data: SheetRows }[];
    const read = (name: string) => {
      const table = readUnemploymentTable(sheets.find((sheet) => sheet.sheet === name)?.data ?? [], name);
      if (!table.ok) throw new Error(table.error);
      return { source: name, table: table.value };
    };
    const withoutParts = buildUnemploymentIndicator([read('txcho_ze')], zones, {}, []);
    expect(withoutParts.file.chomage.zonesEntieres).toEqual(['0054', '0058']);
    expect(withoutParts.file.chomage.zonesEmploi['0054']).toHaveLength(83);
    const withParts = buildUnemploymentIndicator([read('txcho_ze'), read('txcho_parties reg')], zones, {}, []);
    expect(withParts.file.chomage.zonesEntieres).toBeUndefined();
    expect(withParts.report.notes).toEqual([]);
    // The regional part's rate is not the whole zone's.
    expect(withParts.file.chomage.zonesEmploi['0054']).not.toEqual(withoutParts.file.chomage.zonesEmploi['0054']);
  });
});
