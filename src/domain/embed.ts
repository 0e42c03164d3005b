/**
 * The `<iframe>` a partner (a Mission locale, a CIO, a training body) pastes into its page to show a
 * view of the map: the view's link with `integre=1`, escaped for an HTML attribute.
 */
export const EMBED_TITLE = 'Carte des formations – Hauts-de-France';

/** The link of a view, as the embedded version (`integre=1` added once, before the hash). */
export function embedUrl(link: string): string {
  const [beforeHash, hash = ''] = link.split('#');
  const [path = '', query = ''] = (beforeHash ?? '').split('?');
  const params = query.split('&').filter((part) => part !== '' && !part.startsWith('integre='));
  if (!params.some((part) => part.startsWith('v='))) params.unshift('v=1');
  params.push('integre=1');
  return `${path}?${params.join('&')}${hash ? `#${hash}` : ''}`;
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The HTML to paste: a full-width frame, 640 px high, lazy, titled for screen readers. */
export function embedSnippet(link: string): string {
  return `<iframe src="${escapeAttribute(embedUrl(link))}" title="${escapeAttribute(EMBED_TITLE)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}
