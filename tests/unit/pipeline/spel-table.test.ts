import { describe, expect, it } from 'vitest';
import { parseSpelTable } from '../../../data/pipeline/lib/spel-table.ts';

describe('replacement SPEL table', () => {
  it('reads quoted names holding the separator', () => {
    const result = parseSpelTable('code_commune;code_spel;nom_spel\n62498;S1;"Lens; Liévin"\n', 'spel.csv');
    expect(result.ok && result.value.get('62498')).toEqual({ code: 'S1', nom: 'Lens; Liévin' });
  });

  it('names the line of an empty value and a missing column', () => {
    expect(parseSpelTable('code_commune,code_spel,nom_spel\n62498,S1,\n', 'spel.csv')).toEqual({ ok: false, error: 'spel.csv, line 2: empty code_commune, code_spel or nom_spel' });
    expect(parseSpelTable('code,nom\n', 'spel.csv')).toEqual({ ok: false, error: 'spel.csv: header must have code_commune, code_spel, nom_spel' });
  });
});
