import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../../src/domain/embed.ts';
import { parseState, serializeState } from '../../../src/url/codec.ts';

/** The embedded link of a view, as the share panel writes it (the view's state with `integre`). */
const embedded = (link: string) => {
  const url = new URL(link);
  const { search, hash } = serializeState({ ...parseState(url.search, url.hash), integre: true });
  return `${url.origin}${url.pathname}${search}${hash}`;
};

describe('the embed snippet', () => {
  it('adds integre=1 to the view’s link once, keeping its filters and hash', () => {
    expect(embedded('https://exemple.fr/carte/?v=1&voie=apprentissage#map=9/50.4/2.8')).toBe('https://exemple.fr/carte/?v=1&voie=apprentissage&integre=1#map=9/50.4/2.8');
    expect(embedded('https://exemple.fr/carte/')).toBe('https://exemple.fr/carte/?v=1&integre=1');
    expect(embedded('https://exemple.fr/carte/?v=1&integre=1&q=cariste')).toBe('https://exemple.fr/carte/?v=1&q=cariste&integre=1');
    const url = new URL(embedded('https://exemple.fr/carte/?v=1&voie=apprentissage&lieu=62498&rayon=30'));
    const state = parseState(url.search, url.hash);
    expect(state.integre).toBe(true);
    expect(state.filters.voies).toEqual(['apprentissage']);
    expect(state.where.rayon).toBe(30);
  });

  it('is an iframe with the link escaped for its attribute, and a title', () => {
    expect(embedSnippet(embedded('https://exemple.fr/carte/?v=1&voie=apprentissage'))).toBe('<iframe src="https://exemple.fr/carte/?v=1&amp;voie=apprentissage&amp;integre=1" title="Carte des formations – Hauts-de-France" width="100%" height="640" style="border:0" loading="lazy"></iframe>');
  });
});
