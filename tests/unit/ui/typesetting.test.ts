import { describe, expect, it } from 'vitest';
import { h, options } from 'preact';
import { NBSP, NNBSP } from '../../../src/domain/typography.ts';
import { installTypesetting } from '../../../src/ui/typesetting.ts';

describe('French spacing where text meets the page', () => {
  installTypesetting();

  it("sets an element's text and the attributes people read, not code nor form values", () => {
    const line = h('li', { title: 'Taux : 9,2 %', 'aria-label': 'Lens : 12 formations' }, 'Apprentissage', ' : ', 84, ' %');
    expect(line.props.children).toEqual(['Apprentissage', `${NBSP}: `, 84, `${NNBSP}%`]);
    expect(line.props).toMatchObject({ title: `Taux${NBSP}: 9,2${NNBSP}%`, 'aria-label': `Lens${NBSP}: 12 formations` });
    // A unit after a number given apart stays with it.
    expect(h('p', null, 'Rayon : ', 30, ' km', ' et ', '15', ' min', ' (', 3, ' mois)').props.children).toEqual([`Rayon${NBSP}: `, 30, `${NBSP}km`, ' et ', '15', `${NBSP}min`, ' (', 3, ' mois)']);
    // Nested arrays (a list's items) too.
    expect(h('p', null, ['a : b', ['c ?']]).props.children).toEqual([`a${NBSP}: b`, [`c${NNBSP}?`]]);
    // The snippet people copy, and what a person typed, stay as written.
    expect(h('code', null, '<iframe title="Carte : Lens">').props.children).toBe('<iframe title="Carte : Lens">');
    expect(h('textarea', { value: 'note : x' }, 'note : x').props).toMatchObject({ value: 'note : x', children: 'note : x' });
    expect(h('input', { value: 'lens : ' }).props).toMatchObject({ value: 'lens : ' });
  });

  it('installs once', () => {
    const hook = options.vnode;
    installTypesetting();
    expect(options.vnode).toBe(hook);
  });
});
