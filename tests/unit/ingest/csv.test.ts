import { describe, expect, it } from 'vitest';
import { decodeTextChunks, decodeUtf8Chunks } from '../../../src/ingest/import-protocol.ts';
import { detectOpenDataLayout } from '../../../src/ingest/opendata.ts';
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

  it('reads a Windows-1252 export of French Excel as such, says so, and recognises its columns', async () => {
    // "UAI;LIBELLÉFORMATION;MEFSTAT11;STATUT" then a row, as Excel's "CSV (séparateur : point-virgule)" writes it: É is one byte, 0xC9.
    const latin = Uint8Array.from([...'UAI;LIBELL'].map((c) => c.charCodeAt(0)).concat([0xc9], [...'FORMATION;MEFSTAT11;STATUT\n0590001A;BTS '].map((c) => c.charCodeAt(0)), [0xe9], [...'lectrotechnique;32025510000;Scolaire\n'].map((c) => c.charCodeAt(0))));
    async function* chunks() {
      yield latin.subarray(0, 12);
      yield latin.subarray(12);
    }
    const decoded = await decodeTextChunks(chunks(), () => undefined);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.split('\n')[0]).toBe('UAI;LIBELLÉFORMATION;MEFSTAT11;STATUT');
    expect(decoded.text).toContain('BTS électrotechnique');
    expect(detectOpenDataLayout(decoded.text.split('\n')[0]?.split(';') ?? [])).toBe('bts-parcoursup');
    // Decoded as UTF-8 without a check (before), the header was not recognised.
    expect(detectOpenDataLayout(new TextDecoder('utf-8').decode(latin).split('\n')[0]?.split(';') ?? [])).toBeNull();
    // And a UTF-8 file is still UTF-8.
    async function* utf8() {
      yield new TextEncoder().encode('UAI;LIBELLÉFORMATION\n');
    }
    expect((await decodeTextChunks(utf8(), () => undefined)).encoding).toBe('utf-8');
  });
});
