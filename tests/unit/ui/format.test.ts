import { describe, expect, it } from 'vitest';
import { NBSP, NNBSP } from '../../../src/domain/typography.ts';
import { formatIndicatorRange } from '../../../src/ui/format.ts';

describe('a legend class in words', () => {
  it('says the unit once at the end, a sign and "pt" at both ends', () => {
    expect(formatIndicatorRange(1124, 3153, 'projets')).toBe(`1${NNBSP}124 à 3${NNBSP}153${NBSP}projets`);
    expect(formatIndicatorRange(1.2, 3.4, 'formations pour 10 000 hab.')).toBe(`1,2 à 3,4${NBSP}formations pour 10 000 hab.`);
    expect(formatIndicatorRange(12.5, 20, '% des projets')).toMatch(/^12,5\s% à 20\s% des projets$/);
    expect(formatIndicatorRange(8.1, 9.3, '%')).toMatch(/^8,1\s% à 9,3\s%$/);
    expect(formatIndicatorRange(-0.4, 0.6, 'points')).toBe(`-0,4${NBSP}pt à +0,6${NBSP}pt`);
  });
});
