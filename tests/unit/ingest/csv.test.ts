import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, parseCsvRecords } from '../../../src/ingest/csv.ts';

describe('CSV parser', () => {
  it('handles quotes, doubled quotes, separators and line breaks inside fields', () => {
    const rows = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n1,2,3\n');
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
    expect(rows.map((row) => row.line)).toEqual([1, 2, 4]);
  });

  it('drops a BOM, detects ";" and reads CRLF', () => {
    const records = parseCsvRecords('\uFEFFUAI;LIBELLÉ\r\n0593117T;BTS\r\n');
    expect(records).toEqual([{ UAI: '0593117T', LIBELLÉ: 'BTS' }]);
  });

  it('ignores separators inside quotes when detecting', () => {
    expect(detectSeparator('"a;b;c",d,e')).toBe(',');
  });

  it('does not throw on an unterminated quote', () => {
    expect(parseCsv('a,"b\n').map((row) => row.cells)).toEqual([['a', 'b\n']]);
  });
});
