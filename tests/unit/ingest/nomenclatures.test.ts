import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBmo, readBmoCount } from '../../../src/ingest/bmo.ts';
import type { Training } from '../../../src/domain/training.ts';
import { cleanEditionLabel, enrichTrainings, expandRomes, sourceTitleSaysMore, startsWithYearCode, titleKey } from '../../../src/ingest/enrich.ts';
import {
  decodeNomenclature,
  readBcnDiplomas,
  readBcnMef,
  readCertifInfo,
  readCommonYears,
  readDaresRomeFap,
  readDgescoDiplomas,
  readFapLevels,
  readRomeAppellations,
  readRomeFiches,
} from '../../../src/ingest/nomenclatures.ts';
import { describeWithSources, SHARED_SOURCES } from '../shared-sources.ts';

const raw = (path: string) => readFileSync(join(SHARED_SOURCES, 'nomenclatures', path));
const utf8 = (path: string) => {
  const decoded = decodeNomenclature(raw(path), path, 'utf-8');
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.value;
};
const value = <T,>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describeWithSources('nomenclature readers on the publishers’ files', () => {
  it('BCN n_mef: MEF STAT 11 → CFD and labels (BOM, `;`)', () => {
    const mef = value(readBcnMef(utf8('bcn/n_mef.csv'), 'n_mef.csv'));
    expect(mef.size).toBeGreaterThan(5000);
    // A CAP AEPE first year: its diploma and its edition label.
    expect(mef.get('23210033205')).toMatchObject({ cfd: '50033205', dispositif: expect.stringMatching(/CAP/) as unknown as string });
  });

  it('BCN v_formation_diplome: CFD → level, NSF group and title', () => {
    const diplomas = value(readBcnDiplomas(utf8('bcn/v_formation_diplome.csv'), 'v_formation_diplome.csv'));
    expect(diplomas.get('32031408')).toMatchObject({ nsf: '314', libelle: expect.stringMatching(/COMPTABILITE ET GESTION/) as unknown as string });
  });

  it('BCN common years: a 2nde commune and a BTS first year lead to their specialties', () => {
    const common = value(readCommonYears(utf8('bcn/famille_metiers.csv'), 'famille_metiers.csv'));
    value(readCommonYears(utf8('bcn/options_bts.csv'), 'options_bts.csv', common));
    expect(common.get('40031211')?.kind).toBe('famille-metiers');
    expect(common.get('40031211')?.specialites.length).toBeGreaterThan(1);
    expect(common.get('32032612')).toMatchObject({ kind: 'options-bts', famille: 'Services informatiques aux organisations' });
    expect(common.get('32032612')?.specialites.map((item) => item.cfd)).toEqual(['32032613', '32032614']);
  });

  it('Certif Info: CFD → readable title and ROME v3 codes in order', () => {
    const info = value(readCertifInfo(utf8('certif-info/certif_info.csv'), 'certif_info.csv'));
    expect(info.records.length).toBeGreaterThan(10_000);
    expect(info.byCfd.get('32031408')?.[0]).toMatchObject({ titre: 'BTS comptabilité et gestion', romes: ['M1203'], niveau: 5 });
    expect(info.byCfd.get('46033104')?.[0]).toMatchObject({ titre: "Diplôme d'État d'aide-soignant", romes: ['J1501'] });
  });

  it('DGESCO: code diplôme "400-31107 T" → CFD 40031107 and the accented title', () => {
    const dgesco = value(readDgescoDiplomas(utf8('dgesco/diplomes_professionnels.csv'), 'diplomes_professionnels.csv'));
    expect(dgesco.get('40031107')).toMatchObject({ diplome: 'Bac pro', titre: 'Bac pro conducteur transport routier marchandises' });
  });

  it('ROME 4.0: 13,120 appellations with their v3 parent, and the fiches (`,` and quotes)', () => {
    const appellations = value(readRomeAppellations(utf8('rome/unix_referentiel_appellation_v460_utf8.csv'), 'appellations.csv'));
    expect(appellations).toHaveLength(13_120);
    expect(appellations.find((item) => item.libelle === 'Cariste')).toMatchObject({ rome: 'N1101', romeV3: 'N1101' });
    const fiches = value(readRomeFiches(utf8('rome/unix_referentiel_code_rome_v460_utf8.csv'), 'fiches.csv'));
    expect(fiches.get('J1501')?.libelle).toBe('Aide-soignant / Aide-soignante');
    expect(fiches.get('A1102')?.v3).toBe('A1101');
  });

  it('DARES: the ROME ↔ FAP table in ISO-8859-1 (CRLF, `;`), and the FAP levels', () => {
    const text = value(decodeNomenclature(raw('fap/Dares_Table_passage_ROME_Qualif_to_FAP2021_pour_programme.csv'), 'dares.csv', 'iso-8859-1'));
    const links = value(readDaresRomeFap(text, 'dares.csv'));
    expect(links.find((link) => link.rome === 'H2913')).toMatchObject({ intituleRome: 'Soudage manuel', fap341: 'D1X33b' });
    // Accents read right: no mojibake.
    expect(links.some((link) => link.intituleRome.includes('é'))).toBe(true);
    expect(links.some((link) => link.intituleRome.includes('Ã'))).toBe(false);
    const levels = value(readFapLevels(utf8('fap/Intitules_FAP2021.csv'), 'fap.csv'));
    expect(levels.get('D1X33b')?.fap228).toBe('D1X33');
  });

  it('enrichment: an LHEO training keeps the file’s ROME codes first, and gets its CFD and Certif Info’s codes through its RNCP', () => {
    const certifInfo = value(readCertifInfo(utf8('certif-info/certif_info.csv'), 'certif_info.csv'));
    const training = { id: 'lheo:1', siteId: 's', intitule: 'Développeur web & web mobile', diplome: null, niveau: 5, niveauOrigin: null, nsf: null, domaine: null, voies: ['continue'], modalite: null, conventionne: null, capacite: null, sessions: [], organisme: null, url: null, certification: { rncp: '37674' }, provenance: [{ source: 'fichier', record: 'formation 1' }], acces: [], romes: ['M1806'], romeOrigin: 'lheo' } as Training;
    const report = enrichTrainings([training], { mef: new Map(), diplomas: new Map(), commonYears: new Map(), certifInfo, dgesco: new Map(), romeCodes: new Set() });
    expect(training).toMatchObject({ cfd: '36T32604', cfdOrigin: 'rncp', romes: ['M1806', 'M1805'], romeOrigin: 'lheo', intitule: 'Développeur web & web mobile' });
    expect(report.coverage['fichier']).toEqual({ trainings: 1, cfd: 1, intituleLisible: 0, romes: 1 });
  });

  it('BMO 2024: the sheet and header found by content, `*` as withheld, never zero', async () => {
    const { default: readXlsxFile } = await import('read-excel-file/node');
    const sheets = (await readXlsxFile(readFileSync(join(SHARED_SOURCES, 'labour/Base_open_data_BMO_2024.xlsx')))) as { sheet: string; data: unknown[][] }[];
    const table = value(readBmo(sheets as never, '32'));
    expect(table.sheet).toBe('BMO_2024_open_data');
    expect(table.millesime).toBe('24');
    expect(table.rows).toHaveLength(3807);
    expect(new Set(table.rows.map((row) => row.bassin)).size).toBe(28);
    expect(table.rows.some((row) => row.projets === null)).toBe(true);
    expect(table.problems).toEqual([]);
  }, 30_000);
});

describe('nomenclature readers on broken copies', () => {
  const mefHeader = 'MEF;FORMATION_DIPLOME;LIBELLE_COURT;LIBELLE_LONG;LIBELLE_EDITION;ANNEE_DISPOSITIF;DUREE_DISPOSITIF;DATE_FERMETURE;MEF_STAT_11';
  it('names the file and the missing column', () => {
    const result = readBcnMef('MEF;LIBELLE_COURT\n1;x\n', 'n_mef.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^n_mef\.csv : colonnes absentes : MEF_STAT_11, FORMATION_DIPLOME/);
  });

  it('reports a malformed code with its line and keeps the rest', () => {
    const issues: never[] = [];
    const mef = value(readBcnMef(`\uFEFF${mefHeader}\n1;4503;X;Y;Z;1;2;;ABC\n2;50033205;1CAP2;CAP;1cap2 aepe;1;2;;23210033205\n`, 'n_mef.csv', issues));
    expect([...mef.keys()]).toEqual(['23210033205']);
    expect(issues).toEqual([{ file: 'n_mef.csv', record: 'ligne 2', field: 'MEF_STAT_11', reason: 'code mal formé « ABC »' }]);
  });

  it('refuses a UTF-8 file re-saved in Windows-1252, saying what to do', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('code;libell'), 0xe9, 0x0a]);
    const result = decodeNomenclature(latin1, 'certif_info.csv', 'utf-8');
    expect(!result.ok && result.error).toMatch(/certif_info\.csv : le fichier n'est pas en UTF-8.*CSV UTF-8/);
    // The DARES table is published in ISO-8859-1, and read whichever way it was saved.
    expect(decodeNomenclature(latin1, 'dares.csv', 'iso-8859-1')).toEqual({ ok: true, value: 'code;libellé\n' });
    expect(decodeNomenclature(new TextEncoder().encode('libellé'), 'dares.csv', 'iso-8859-1')).toEqual({ ok: true, value: 'libellé' });
  });

  it('reads counts as text, `*` as withheld, and reports what is neither', () => {
    expect(readBmoCount('120')).toEqual({ value: 120, withheld: false, valid: true });
    expect(readBmoCount(45)).toEqual({ value: 45, withheld: false, valid: true });
    expect(readBmoCount('*')).toEqual({ value: null, withheld: true, valid: true });
    expect(readBmoCount('n.d.').valid).toBe(false);
    const header = ['annee', 'Code métier BMO', 'Nom métier BMO', 'Famille_met', 'Lbl_fam_met', 'REG', 'NOM_REG', 'Dept', 'NomDept', 'BE25', 'NOMBE25', 'met', 'xmet', 'smet'];
    // Another year, the header moved down under a banner, all `*` in a bassin.
    const table = value(readBmo([{ sheet: 'BMO 2025', data: [['Enquête BMO 2025'], [], header, [2025, 'D1X33', 'Soudeurs', 'I', 'Industrie', '32', 'HDF', '59', 'Nord', 3217, 'ROUBAIX', '*', '*', '*'], [2025, 'D1X33', 'Soudeurs', 'I', 'Industrie', '32', 'HDF', '59', 'Nord', 3218, 'LILLE', '40', '30', 'x']] }]));
    expect(table.millesime).toBe('25');
    expect(table.rows).toEqual([expect.objectContaining({ bassin: '3217', projets: null, difficiles: null, saisonniers: null })]);
    expect(table.problems).toEqual([{ record: 'BMO 2025 ligne 5', field: 'smet', reason: '« x » n\'est ni un nombre ni « * » (secret statistique)' }]);
  });
});

describe('enrichment rules', () => {
  it('takes year codes off BCN edition labels and names the diploma', () => {
    expect(cleanEditionLabel('1cap2 accompagnant educatif petite enfance')).toBe('CAP accompagnant educatif petite enfance');
    expect(cleanEditionLabel('1ère pro logistique')).toBe('Bac pro logistique');
    expect(cleanEditionLabel('2nde pro métiers de la relation client 2nde commune')).toBe('Bac pro métiers de la relation client');
    expect(startsWithYearCode('1erpro esthétique')).toBe(true);
    expect(startsWithYearCode('Bac pro logistique')).toBe(false);
  });

  it('compares titles without parcours and filler words', () => {
    expect(titleKey('Master mention gestion des ressources humaines')).toBe(titleKey('Master Gestion des ressources humaines'));
    expect(titleKey('BUT spécialité techniques de commercialisation parcours marketing digital')).toBe('but techniques de commercialisation');
  });

  it('gives a training without a MEF a CFD only by an exact title at the same level, with one CFD among the matches', () => {
    const record = (code: string, titre: string, niveau: number, cfd: string | null, romes: string[]) => ({ code, titre, type: '', niveau, romes, nsf: '313', rncp: null, cfd });
    const records = [
      record('1', 'Master mention gestion des ressources humaines', 7, '13531550', ['K2111']),
      record('2', 'BUT spécialité carrières juridiques parcours administration et justice', 6, '25112801', ['K1501']),
      record('3', 'BUT spécialité carrières juridiques parcours patrimoine et finance', 6, '25112803', ['C1401']),
    ];
    const certifInfo = { records, byCfd: new Map(records.map((item) => [item.cfd ?? '', [item]])), byCode: new Map(records.map((item) => [item.code, item])), byRncp: new Map() };
    const nomenclatures = { mef: new Map(), diplomas: new Map(), commonYears: new Map(), certifInfo, dgesco: new Map(), romeCodes: new Set<string>() };
    const make = (intitule: string, niveau: 5 | 6 | 7) => ({ id: intitule, siteId: 's', intitule, diplome: null, niveau, niveauOrigin: 'intitule', nsf: null, domaine: null, voies: ['scolaire'], modalite: null, conventionne: null, capacite: null, sessions: [], organisme: null, url: null, certification: {}, provenance: [{ source: 'parcoursup', record: 'ligne 1' }], acces: [] }) as Training;
    const master = make('Master Gestion des ressources humaines', 7);
    const wrongLevel = make('Master Gestion des ressources humaines', 6);
    const but = make('BUT Carrières juridiques', 6);
    enrichTrainings([master, wrongLevel, but], nomenclatures);
    expect(master).toMatchObject({ cfd: '13531550', cfdOrigin: 'intitule-certif-info', romes: ['K2111'], romeOrigin: 'intitule-certif-info', intitule: 'Master Gestion des ressources humaines' });
    expect(wrongLevel).toMatchObject({ cfd: null, romes: [] });
    // A BUT named without its parcours: the jobs of all of them, and no CFD (two match).
    expect(but).toMatchObject({ cfd: null, romes: ['K1501', 'C1401'], romeOrigin: 'intitule-certif-info' });
  });

  it('keeps a renamed diploma’s written-out source title, replaces BCN labels', () => {
    expect(sourceTitleSaysMore('BTS Services Diététique et nutrition', 'BTS diététique')).toBe(true);
    expect(sourceTitleSaysMore('BTS - Services - Management Commercial Opérationnel', 'BTS management commercial opérationnel')).toBe(false);
    expect(sourceTitleSaysMore('1ère pro techn. en réal. prod. mécan.', 'Bac pro technicien en réalisation de produits mécaniques')).toBe(false);
    expect(sourceTitleSaysMore('Bac pro agri Tech conseil vente animalerie pr apprentis', 'Bac pro technicien conseil vente en animalerie')).toBe(false);
  });

  it('expands ROME group codes to the codes of their group', () => {
    expect(expandRomes(['F1600', 'H2913'], new Set(['F1601', 'F1602', 'F1600', 'G1201', 'H2913']))).toEqual(['F1601', 'F1602', 'H2913']);
  });
});
