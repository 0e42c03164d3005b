/**
 * French typography where text meets the page: every string the UI renders (an element's text,
 * and the attributes a screen reader or a tooltip reads) goes through `typeset`, so "Rayon : 30 km"
 * written in the code, or a training's title from its source, reads with the unbreakable spaces
 * French puts before ":" and "%". Code, preformatted text and form fields are left verbatim (the
 * "Intégrer à un site" snippet is copied as written).
 */
import { options, type VNode } from 'preact';
import { typeset, typesetAfterNumber } from '../domain/typography.ts';

const VERBATIM: ReadonlySet<string> = new Set(['code', 'pre', 'textarea', 'script', 'style']);
const TEXT_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription'] as const;

// A unit written after a number given apart: `{rayon} km` is the children `[30, ' km']`.
const endsWithDigit = (value: unknown): boolean => typeof value === 'number' || (typeof value === 'string' && /\d$/.test(value));

function typesetChildren(children: unknown): unknown {
  if (typeof children === 'string') return typeset(children);
  if (!Array.isArray(children)) return children;
  let changed = false;
  const result = children.map((child: unknown, index: number) => {
    let set = typesetChildren(child);
    if (typeof set === 'string' && index > 0 && endsWithDigit(children[index - 1])) set = typesetAfterNumber(set);
    if (set !== child) changed = true;
    return set;
  });
  return changed ? result : children;
}

let installed = false;

/** Installs the hook once (Preact calls `options.vnode` for every element it creates). */
export function installTypesetting(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'string' && !VERBATIM.has(vnode.type)) {
      const props = vnode.props as Record<string, unknown>;
      if ('children' in props) props['children'] = typesetChildren(props['children']);
      for (const name of TEXT_ATTRIBUTES) {
        const value = props[name];
        if (typeof value === 'string') props[name] = typeset(value);
      }
    }
    previous?.(vnode);
  };
}
