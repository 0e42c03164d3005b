import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../../src/domain/dataset-codec.ts';
import { readGazetteer, searchCommunes } from '../../../src/domain/gazetteer.ts';
import { createTrainingSearch } from '../../../src/domain/search.ts';
import { themesOf } from '../../../src/domain/themes.ts';

// On the committed dataset: the searches people type.
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const gazetteer = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
if (!gazetteer.ok) throw new Error(gazetteer.error);
const { trainings, sites } = decoded.value;
const siteById = new Map(sites.map((site) => [site.id, site]));
const search = createTrainingSearch(
  trainings,
  (training) => gazetteer.value.byCode.get(siteById.get(training.siteId)?.commune ?? '')?.nom ?? '',
  (training) => themesOf(training),
);
const titles = (query: string) => {
  const hits = search.search(query);
  return trainings.filter((training) => hits.has(training.id)).map((training) => training.intitule);
};

describe('training search', () => {
  it('matches word prefixes, without accents or case', () => {
    // "soudur" is the start of "soudure", a job word of the welding trainings ("soudage").
    const hits = titles('soudur');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((title) => /soud|chaudron/i.test(title))).toBe(true);
    expect(titles('electrotechnique')).toEqual(titles('Électrotechnique'));
    expect(titles('electrotechnique').length).toBeGreaterThan(0);
  });

  it('tolerates a typo and needs every word', () => {
    expect(titles('electrotecnique').length).toBeGreaterThan(0);
    // Every word must match: "technicien soudage" finds the welding technicians only.
    const both = titles('technicien soudage');
    expect(both.length).toBeGreaterThan(0);
    for (const title of both) expect(title.toLowerCase()).toMatch(/technicien.*soudage/);
    expect(titles('electricien').length).toBeGreaterThan(titles('electrotechnique').length - 1);
  });

  it('finds trainings by their commune and by job words', () => {
    const inLens = search.search('lens');
    const lensSites = new Set(sites.filter((site) => site.commune === '62498').map((site) => site.id));
    expect(trainings.filter((training) => lensSites.has(training.siteId)).every((training) => inLens.has(training.id))).toBe(true);
    expect(search.search('maintenance industrie').size).toBeGreaterThan(10);
  });

  it('returns everything for an empty query and nothing for nonsense', () => {
    expect(search.search('  ').size).toBe(trainings.length);
    expect(search.search('zzqxw').size).toBe(0);
  });
});

describe('commune search', () => {
  it('finds a commune by name as typed, by postcode or by code', () => {
    expect(searchCommunes(gazetteer.value, 'st omer')[0]?.nom).toBe('Saint-Omer');
    expect(searchCommunes(gazetteer.value, 'Lens')[0]?.code).toBe('62498');
    expect(searchCommunes(gazetteer.value, '62300').map((commune) => commune.code)).toContain('62498');
    expect(searchCommunes(gazetteer.value, 'hauts talican')[0]?.code).toBe('60694');
    expect(searchCommunes(gazetteer.value, 'bethune')[0]?.nom).toBe('Béthune');
    expect(searchCommunes(gazetteer.value, 'zzz')).toEqual([]);
  });
});
