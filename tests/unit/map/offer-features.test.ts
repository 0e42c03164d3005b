import { describe, expect, it } from 'vitest';
import { indexOffer } from '../../../src/domain/offer-index.ts';
import { diffSiteFeatures, makeSiteFeatures, shownSitesOf } from '../../../src/map/offer-features.ts';
import { syntheticDataset, training } from '../state/fixture.ts';

// SYNTHETIC fixture: sites a (scolaire + mixte), b (continue), c (apprentissage ×2).
const full = syntheticDataset();
const offerOf = (keep: (id: string) => boolean) => {
  const trainings = full.trainings.filter((item) => keep(item.id));
  const siteIds = new Set(trainings.map((item) => item.siteId));
  return indexOffer({ ...full, trainings, sites: full.sites.filter((site) => siteIds.has(site.id)) });
};

describe('site features and their diffs', () => {
  it('draws one point per site with its training count and voie symbol', () => {
    const features = makeSiteFeatures(indexOffer(full));
    expect(features.features.map((feature) => feature.properties)).toEqual([
      expect.objectContaining({ id: 'a', voie: 'mixte', formations: 2 }),
      expect.objectContaining({ id: 'b', voie: 'continue', formations: 1 }),
      expect.objectContaining({ id: 'c', voie: 'apprentissage', formations: 2 }),
    ]);
  });

  it('removes the sites that no longer match, adds the new ones, updates only changed counts and symbols', () => {
    const shown = shownSitesOf(makeSiteFeatures(offerOf((id) => id !== 'a2' && id !== 'c2')));
    // Then: a teaches a2 instead of a1 (scolaire → mixte symbol, still 1 training), b goes, c gains c2.
    const next = offerOf((id) => id !== 'b1' && id !== 'a1');
    const { diff, shown: after } = diffSiteFeatures(shown, next);
    expect(diff.remove).toEqual(['b']);
    expect(diff.add).toEqual([]);
    expect(diff.update).toEqual([
      { id: 'a', addOrUpdateProperties: [{ key: 'voie', value: 'mixte' }, { key: 'formations', value: 1 }] },
      { id: 'c', addOrUpdateProperties: [{ key: 'voie', value: 'apprentissage' }, { key: 'formations', value: 2 }] },
    ]);
    expect([...after.keys()]).toEqual(['a', 'c']);
    // b comes back; a now has both trainings (2); c is unchanged and not sent.
    const again = diffSiteFeatures(after, offerOf(() => true));
    expect(again.diff.remove).toEqual([]);
    expect(again.diff.add?.map((feature) => feature.properties?.['id'])).toEqual(['b']);
    expect(again.diff.update?.map((item) => item.id)).toEqual(['a']);
  });

  it('sends nothing when nothing changed', () => {
    const offer = indexOffer(full);
    const { diff } = diffSiteFeatures(shownSitesOf(makeSiteFeatures(offer)), offer);
    expect([diff.remove, diff.add, diff.update]).toEqual([[], [], []]);
  });

  it('keeps a training with no voie on the mixed symbol', () => {
    const offer = indexOffer({ ...full, trainings: [training('z1', 'a', [])], sites: full.sites.filter((site) => site.id === 'a') });
    expect(makeSiteFeatures(offer).features[0]?.properties.voie).toBe('mixte');
  });
});
