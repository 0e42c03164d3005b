/**
 * The `<iframe>` a partner (a Mission locale, a CIO, a training body) pastes into its page to show a
 * view of the map: the view's link as the embedded version (`integre=1`), escaped for an HTML attribute.
 */
export const EMBED_TITLE = 'Carte des formations – Hauts-de-France';

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The HTML to paste: a full-width frame, 640 px high, lazy, titled for screen readers. */
export function embedSnippet(embeddedLink: string): string {
  return `<iframe src="${escapeAttribute(embeddedLink)}" title="${escapeAttribute(EMBED_TITLE)}" width="100%" height="640" style="border:0" loading="lazy"></iframe>`;
}
