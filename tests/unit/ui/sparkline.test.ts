import { describe, expect, it } from 'vitest';
import { NNBSP } from '../../../src/domain/typography.ts';
import { seriesLabel } from '../../../src/ui/Sparkline.tsx';

describe('a quarterly series in words', () => {
  it('names its first and last known quarters and values, skipping gaps at either end', () => {
    expect(seriesLabel({ series: [null, 9.8, 10.1, 10.8, null], quarters: ['2003-T1', '2003-T2', '2003-T3', '2003-T4', '2004-T1'] })).toBe(
      `du 2e trimestre 2003 (9,8${NNBSP}%) au 4e trimestre 2003 (10,8${NNBSP}%)`,
    );
    expect(seriesLabel({ series: [null, null], quarters: ['2003-T1', '2003-T2'] })).toBe('pas de donnée');
  });
});
