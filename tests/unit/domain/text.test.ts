import { describe, expect, it } from 'vitest';
import { foldText, htmlToPlainText } from '../../../src/domain/text.ts';

describe('htmlToPlainText', () => {
  it('decodes every named and numeric entity to text', () => {
    expect(htmlToPlainText('&laquo;&nbsp;Soudure&nbsp;&raquo; &hellip; l&rsquo;atelier &#233;t&#xE9; &oelig;uvre &euro; &ndash; &Eacute;'))
      .toBe('« Soudure » … l’atelier été œuvre € – É');
  });

  it('never throws on an out-of-range numeric reference', () => {
    expect(htmlToPlainText('a &#99999999; b &#x110000; c')).toBe('a \uFFFD b \uFFFD c');
  });

  it('drops tags and script contents, keeping line breaks from block ends, also when escaped twice', () => {
    expect(htmlToPlainText('<p>Objectif</p><script>alert(1)</script><ul><li>un</li><li>deux</li></ul>')).toBe('Objectif\nun\ndeux');
    expect(htmlToPlainText('&lt;p&gt;Texte &amp;lt;b&amp;gt;&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('Texte <b>');
  });
});

describe('foldText', () => {
  it('compares labels without case, accents or punctuation', () => {
    expect(foldText('BTS - Services - Comptabilité et gestion')).toBe(foldText('BTS   Services   Comptabilite et gestion'));
  });
});
