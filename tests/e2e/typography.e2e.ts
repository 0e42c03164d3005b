import { describe, expect, it } from 'vitest';
import type { Page } from './browser.ts';
import { useBuiltApp } from './harness.ts';

const app = useBuiltApp();

/**
 * Every ordinary space (U+0020) that touches ":", "%", ";", "?", "!" or the inside of « guillemets »,
 * or stands between a number and its unit, in the page's text (every panel and card unfolded) and in the attributes people read, with some
 * context. Code, preformatted text and form fields are verbatim and left out.
 */
const looseSpaces = (page: Page) =>
  page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
    const verbatim = 'code, pre, textarea, script, style';
    let text = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      text += node.parentElement?.closest(verbatim) ? '\n' : (node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (element.closest(verbatim)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) text += `\n${element.getAttribute(name) ?? ''}`;
    }
    const found: string[] = [];
    for (const match of text.matchAll(/.{0,25}(?: [:%;?!»]|« |\d (?:km|m|min|h|€)(?![\p{L}\d])).{0,15}/gu)) found.push(match[0]);
    return { found, length: text.length };
  });

describe('French typography in what the app writes', () => {
  it.each([
    ['the default view', '?v=1'],
    ['a zone with its unemployment rate', '?v=1&zone=ze:3215&indicateur=chomage'],
    ['a bassin with its hiring projects, compared', '?v=1&couche=bassin&indicateur=recrutements&comparer=bassin:3227,bassin:3216&zone=bassin:3216'],
    ['a site card with its trainings', '?v=1&site=uai:0590010R:59017'],
    ['a place with a travel time', '?v=1&lieu=62498&temps=30&mode=voiture'],
    ['a search by job', '?v=1&q=soudure'],
  ])('puts unbreakable spaces before ":" and "%" (and narrow ones before ";", "?", "!") and before units, %s', async (_view, link) => {
    const { page, watch } = await app.open(link, undefined, { waitFor: 'mark' });
    // The cards, counts and indicators that come after the map is ready.
    await page.waitForTimeout(800);
    const { found, length } = await looseSpaces(page);
    expect(length).toBeGreaterThan(2000);
    expect(found).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
