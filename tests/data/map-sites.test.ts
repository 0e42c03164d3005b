import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeDataset } from '../../src/domain/dataset-codec.ts';
import { decodeMapSites, encodeMapSites } from '../../src/domain/map-sites.ts';
import { indexOffer } from '../../src/domain/offer-index.ts';
import { makeAllianceFeatures, makeMapSiteFeatures, makeSiteFeatures } from '../../src/map/offer-features.ts';

// Checks the committed public/data/map-sites.json against the committed trainings.json.
const decoded = decodeDataset(JSON.parse(readFileSync('public/data/trainings.json', 'utf8')) as unknown);
if (!decoded.ok) throw new Error(decoded.error);
const offer = indexOffer(decoded.value);
const raw = JSON.parse(readFileSync('public/data/map-sites.json', 'utf8')) as unknown;
const mapSites = decodeMapSites(raw);
if (!mapSites.ok) throw new Error(mapSites.error);

describe('map-sites.json, the default view drawn before the offer is parsed', () => {
  it('is what the pipeline makes of trainings.json', () => {
    expect(raw).toEqual(JSON.parse(JSON.stringify(encodeMapSites(decoded.value))));
  });

  it('draws exactly the points, symbols and counts the offer draws (the offer then sends an empty diff)', () => {
    expect(makeMapSiteFeatures(mapSites.value)).toEqual(makeSiteFeatures(offer));
    expect(makeAllianceFeatures(mapSites.value.alliance)).toEqual(makeAllianceFeatures(offer.dataset.alliance));
    expect(mapSites.value.sites).toHaveLength(635);
  });

  it('holds nothing that is not in trainings.json', () => {
    const sites = new Map(decoded.value.sites.map((site) => [site.id, site]));
    for (const site of mapSites.value.sites) {
      const real = sites.get(site.id);
      expect(real, site.id).toBeDefined();
      expect([site.nom, site.point, site.precision]).toEqual([real?.nom, real?.point, real?.precision]);
      expect(site.formations).toBe(offer.trainingsBySite.get(site.id)?.length);
    }
  });
});
