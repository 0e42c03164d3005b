import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/ingest/dataset-builder.ts';
import { importAllianceSchools } from '../../../src/ingest/facts.ts';
import { appLocator } from './app-locator.ts';

describe('fact tables: reports name the line a person opens', () => {
  it('counts blank lines and the line breaks inside a quoted cell', () => {
    const text = [
      'id,nom,commune,code_insee,metiers,entreprises_partenaires,source',
      'ae-1,École A,Cambrai,59122,"maintenance',
      'industrielle",Trémois,"Alliance Emploi"',
      '',
      'ae-2,École B,Nulle part,99999,maintenance,X,"Alliance Emploi"',
    ].join('\n');
    const builder = new DatasetBuilder();
    builder.addSource({ id: 'alliance-emploi', label: 'Alliance', file: 'ecoles.csv', date: '-', licence: '-', origin: '-', role: 'faits' });
    const schools = importAllianceSchools(text, 'ecoles.csv', builder, appLocator());
    expect(schools.map((school) => school.id)).toEqual(['ae-1']);
    // The second school starts on line 5 of the file (the first one spans lines 2–3, line 4 is blank).
    expect(builder.report.rejected).toEqual([{ source: 'alliance-emploi', record: 'ecoles.csv ligne 5', field: 'code_insee', reason: 'commune inconnue "99999"' }]);
  });
});
