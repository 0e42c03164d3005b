import { describe, expect, it } from 'vitest';
import { decodeUtf8Chunks } from '../../../src/ingest/import-protocol.ts';
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

describe('reading a CSV file with progress', () => {
  it('decodes UTF-8 split across chunks and reports the bytes read after each chunk', async () => {
    const bytes = new TextEncoder().encode('\uFEFFlibellé;ville\nÉlectricité;Amiens\n');
    const cut = 9; // inside the two bytes of "é"
    async function* chunks() {
      yield bytes.subarray(0, cut);
      yield bytes.subarray(cut);
    }
    const seen: number[] = [];
    const text = await decodeUtf8Chunks(chunks(), (read) => seen.push(read));
    expect(text).toBe('libellé;ville\nÉlectricité;Amiens\n');
    expect(seen).toEqual([cut, bytes.length]);
  });
});
