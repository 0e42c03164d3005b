import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/ingest/dataset-builder.ts';
import { parseLheoText } from '../../../src/ingest/lheo.ts';
import { importLheoOffer } from '../../../src/ingest/lheo-import.ts';
import { readLheoStream } from '../../../src/ingest/lheo-stream.ts';
import { unreconciledSources } from '../../../src/ingest/report.ts';
import { describeWithSources, hasSharedSources, SHARED_SOURCES } from '../shared-sources.ts';
import { appLocator } from './app-locator.ts';

const SOURCE = { id: 'test', label: 'test', file: 'test.xml', date: '', licence: '', origin: '' };

async function* chunksOf(bytes: Uint8Array, size = 97): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

async function importBytes(bytes: Uint8Array) {
  const builder = new DatasetBuilder();
  builder.addSource(SOURCE);
  const locator = appLocator();
  const summary = await readLheoStream(chunksOf(bytes), (offer) => importLheoOffer(offer, builder, locator, 'test'));
  return { summary, ...builder.build() };
}

describeWithSources('LHEO parser on the real ONISEP sample (LHEO 2.2)', () => {
  const text = hasSharedSources ? readFileSync(`${SHARED_SOURCES}/formats/lheo/exemple-bts-onisep-lheo-2.2.xml`, 'utf8') : '';
  const { offers, version, error } = parseLheoText(text);

  it('reads the offer, its action, place and session', () => {
    expect(error).toBeNull();
    expect(version).toBe('2.2');
    expect(offers).toHaveLength(1);
    const [offer] = offers;
    expect(offer).toMatchObject({ numero: '9436_18706', intitule: 'BTS négociation et relation client', nsf: ['312'], rncp: '474', niveauSortie: '6' });
    expect(offer?.organisme).toEqual({ nom: 'Lycée Kerneuzec', siret: '19290076900014' });
    expect(offer?.actions[0]?.lieu).toMatchObject({ nom: 'Lycée Kerneuzec', codeInsee: '29233', latitude: '47.882108', longitude: '-3.5526545' });
    expect(offer?.actions[0]?.sessions[0]).toMatchObject({ debut: '20150901', fin: '20170831' });
    expect(offer?.actions[0]?.typesFormation).toEqual(['formation-initiale']);
  });

  it('keeps escaped HTML as plain text', () => {
    expect(offers[0]?.objectif).toMatch(/^A la fois vendeur, manager et commercial/);
    expect(offers[0]?.objectif).not.toMatch(/[<>]/);
  });

  it('reports the Brittany record as outside Hauts-de-France, not on the map', async () => {
    const { dataset, report } = await importBytes(new TextEncoder().encode(text));
    expect(dataset.trainings).toEqual([]);
    expect(report.rejected).toEqual([expect.objectContaining({ record: 'formation 9436_18706 action 9436_18706', reason: expect.stringMatching(/^hors des Hauts-de-France/) })]);
  });
});

describe('LHEO import of a synthetic 2.3 file with every kind of defect', async () => {
  const { summary, dataset, report } = await importBytes(readFileSync('tests/fixtures/lheo/hdf-offres-2.3.xml'));
  const byId = new Map(dataset.trainings.map((training) => [training.id, training]));

  it('reads the file and reconciles every record: read = kept + merged + rejected', () => {
    expect(summary.ok && summary.value).toMatchObject({ version: '2.3', offers: 5, error: null });
    expect(report.sources['test']).toMatchObject({ read: 7, kept: 2, merged: 1, rejected: 4 });
    expect(unreconciledSources(report)).toEqual([]);
  });

  it('maps European levels, NSF domain, FOAD, funding and month-only dates', () => {
    const training = byId.get('lheo:TEST-F1:A1');
    expect(training).toMatchObject({ niveau: 5, niveauOrigin: 'lheo-europeen', nsf: '326', domaine: 'numerique', modalite: 'distance', conventionne: true, voies: ['continue'] });
    expect(training?.sessions[0]).toEqual({ debut: '2027-01', fin: '2027-06-30', etat: 'ouvert' });
    expect(training?.certification).toEqual({ rncp: '37674' });
  });

  it('keeps script tags out: text is plain, javascript: links are dropped', () => {
    const training = byId.get('lheo:TEST-F1:A1');
    expect(training?.intitule).toBe('Développeur web & web mobile');
    expect(training?.url).toBe('https://www.example.org/formation');
    expect(JSON.stringify(dataset)).not.toMatch(/script|javascript:/i);
  });

  it('warns on an impossible date instead of inventing one', () => {
    expect(byId.get('lheo:TEST-F1:A1')?.sessions[1]?.debut).toBeNull();
    expect(report.warnings.some((warning) => /date de début illisible "20271301"/.test(warning.message))).toBe(true);
  });

  it('falls back to the commune point on invalid coordinates, with a warning', () => {
    const training = byId.get('lheo:TEST-F1:A2');
    const site = dataset.sites.find((item) => item.id === training?.siteId);
    expect(site).toMatchObject({ commune: '62041', precision: 'commune' });
    expect(report.warnings.some((warning) => warning.record === 'formation TEST-F1 action A2' && /coordonnées invalides/.test(warning.message))).toBe(true);
  });

  it('rejects places outside the region, missing titles and offers without action, naming the field', () => {
    const reasons = Object.fromEntries(report.rejected.map((item) => [item.record, [item.field, item.reason]]));
    expect(reasons['formation TEST-F1 action A3']).toEqual(['code-INSEE-commune', expect.stringMatching(/hors des Hauts-de-France/)]);
    expect(reasons['formation TEST-F2 action B1']).toEqual(['intitule-formation', 'intitule-formation absent']);
    expect(reasons['formation TEST-F3 action C1']?.[0]).toBe('lieu');
    expect(reasons['formation TEST-F4']?.[0]).toBe('action');
  });

  it('merges a duplicate id into the first record', () => {
    expect(report.merged).toEqual([expect.objectContaining({ record: 'formation TEST-F1 action A1', into: 'lheo:TEST-F1:A1' })]);
    expect(byId.get('lheo:TEST-F1:A1')?.intitule).toBe('Développeur web & web mobile');
  });
});

describe('LHEO reading of broken files', () => {
  it('reads an ISO-8859-1 Intercarif index (lheo-index/resume-offre)', async () => {
    const { summary, dataset } = await importBytes(readFileSync('tests/fixtures/lheo/index-latin1.xml'));
    expect(summary.ok && summary.value).toMatchObject({ encoding: 'iso-8859-1', offers: 1, error: null });
    expect(dataset.trainings[0]).toMatchObject({ id: 'lheo:R-1', intitule: 'Cuisinier en restauration collective à Amiens : pâtisserie, crème', domaine: 'alimentation', modalite: 'mixte' });
    expect(dataset.trainings[0]?.sessions[0]).toEqual({ debut: '2027-09', fin: '2028-06', etat: null });
    expect(dataset.sites[0]).toMatchObject({ commune: '80021', precision: 'address' });
  });

  it('reports a wrong encoding instead of reading garbage', async () => {
    const latin1 = readFileSync('tests/fixtures/lheo/index-latin1.xml');
    const mislabelled = new Uint8Array(Buffer.from(latin1.toString('latin1').replace('ISO-8859-1', 'UTF-8'), 'latin1'));
    const { summary } = await importBytes(mislabelled);
    expect(summary.ok && summary.value.error).toMatch(/pas en UTF-8 valide/);
  });

  it('keeps the offers before a truncation and reports where it stopped', async () => {
    const text = readFileSync('tests/fixtures/lheo/hdf-offres-2.3.xml', 'utf8');
    const cut = text.slice(0, text.indexOf('<formation numero="TEST-F2">') + 60);
    const { summary, report } = await importBytes(new TextEncoder().encode(cut));
    expect(summary.ok && summary.value.error).toMatch(/tronqué/);
    expect(summary.ok && summary.value.interrupted).toMatchObject({ numero: 'TEST-F2' });
    expect(report.sources['test']?.kept).toBe(2);
  });

  it('reports malformed XML with its line', () => {
    const { error } = parseLheoText('<lheo><offres><formation numero="1"><intitule-formation>x</formation></offres></lheo>');
    expect(error).toMatch(/ligne 1/);
  });

  it('refuses a file that is not LHEO', () => {
    expect(parseLheoText('<html><body/></html>').error).toMatch(/pas un document LHEO/);
  });
});
