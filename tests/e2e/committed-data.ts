import { readFileSync } from 'node:fs';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { readGazetteer } from '../../src/domain/gazetteer.ts';
import { decodeJobVocabulary } from '../../src/domain/jobs.ts';
import { createSearchEngine, searchDocuments, type SearchEngine } from '../../src/domain/search.ts';
import type { Page } from './browser.ts';

/** The committed dataset and gazetteer, read in Node: the tests' independent source of truth. */
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
export const DATASET = decoded.value;
const gazetteerRead = readGazetteer(JSON.parse(readFileSync('public/data/communes.json', 'utf8')) as unknown);
if (!gazetteerRead.ok) throw new Error(gazetteerRead.error);
export const GAZETTEER = gazetteerRead.value;

/** The list heading "1 234 formations dans 56 lieux …" as numbers. */
export async function listHeading(page: Page): Promise<{ trainings: number; sites: number }> {
  const text = ((await page.getByTestId('offer-count').textContent()) ?? '').replace(/\s/g, '');
  const match = /^(\d+)formations?dans(\d+)lieux?/.exec(text);
  if (!match) throw new Error(`unexpected list heading: ${text}`);
  return { trainings: Number(match[1]), sites: Number(match[2]) };
}

const vocabularyRead = decodeJobVocabulary(JSON.parse(readFileSync('public/data/metiers.json', 'utf8')) as unknown);
if (!vocabularyRead.ok) throw new Error(vocabularyRead.error);
/** The committed job vocabulary (ROME appellations). */
export const VOCABULARY = vocabularyRead.value;

/** The app's search engine over the committed data, built in Node, with communes as the app names them. */
export function committedSearch(): SearchEngine {
  const siteById = new Map(DATASET.sites.map((site) => [site.id, site]));
  return createSearchEngine(searchDocuments(DATASET.trainings, (training) => GAZETTEER.byCode.get(siteById.get(training.siteId)?.commune ?? '')?.nom ?? ''), VOCABULARY);
}
