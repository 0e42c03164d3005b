import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../src/state/store.ts';
import { startUrlSync, type UrlWindow } from '../../../src/state/url-sync.ts';
import { parseState } from '../../../src/url/codec.ts';

function fakeWindow(initial = '') {
  const entries = [initial];
  let index = 0;
  const listeners = new Set<() => void>();
  const location = { pathname: '/app/', search: '', hash: '' };
  const go = (url: string) => {
    const [path, hash = ''] = url.split('#');
    location.search = (path ?? '').replace('/app/', '');
    location.hash = hash ? `#${hash}` : '';
  };
  const target: UrlWindow = {
    location,
    history: {
      pushState: (_data, _unused, url) => {
        entries.splice(index + 1);
        entries.push(url);
        index += 1;
        go(url);
      },
      replaceState: (_data, _unused, url) => {
        entries[index] = url;
        go(url);
      },
    },
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  const back = () => {
    index -= 1;
    go(entries[index] ?? '/app/');
    for (const listener of listeners) listener();
  };
  return { target, entries, back };
}

describe('URL sync', () => {
  it('pushes a history entry per view change and restores it on Back', () => {
    const store = createAppStore();
    const { target, entries, back } = fakeWindow('/app/');
    startUrlSync(store, target);
    store.getState().setCouche('spel');
    store.getState().selectZone({ zoning: 'spel', code: '627' });
    expect(entries).toEqual(['/app/', '/app/?v=1&couche=spel', '/app/?v=1&couche=spel&zone=spel:627']);
    back();
    expect(store.getState().zone).toBeNull();
    expect(store.getState().couche).toBe('spel');
    expect(entries).toHaveLength(3);
  });

  it('writes camera moves by replacing the entry, throttled', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { target, entries } = fakeWindow('/app/');
    startUrlSync(store, target);
    store.getState().setCamera({ center: [2.8, 50.4], zoom: 9 }, 'map');
    store.getState().setCamera({ center: [2.9, 50.5], zoom: 9.5 }, 'map');
    expect(entries).toEqual(['/app/']);
    vi.advanceTimersByTime(1000);
    expect(entries).toEqual(['/app/#map=9.5/50.5/2.9']);
    vi.useRealTimers();
  });
});

describe('URL sync and Back: nothing pending overwrites the restored state', () => {
  it('a camera write still waiting when Back is pressed does not land on the restored entry', () => {
    vi.useFakeTimers();
    const store = createAppStore();
    const { target, entries, back } = fakeWindow('/app/');
    startUrlSync(store, target);
    store.getState().setCouche('spel');
    store.getState().setCamera({ center: [2.9, 50.5], zoom: 12 }, 'map');
    back();
    vi.advanceTimersByTime(1000);
    expect(entries).toEqual(['/app/', '/app/?v=1&couche=spel']);
    expect(store.getState().couche).toBe('zone_emploi');
    expect(store.getState().urlApplied).toBe(1);
    vi.useRealTimers();
  });
});

describe('store', () => {
  it('switches the drawn zoning to the one of a selected zone', () => {
    const store = createAppStore(parseState('?couche=aucune'));
    store.getState().selectZone({ zoning: 'zone_emploi', code: '3215' });
    expect(store.getState().couche).toBe('zone_emploi');
  });

  it('drops a selected zone whose zoning is hidden, but keeps a département', () => {
    const store = createAppStore(parseState('?zone=ze:3215'));
    store.getState().setCouche('spel');
    expect(store.getState().zone).toBeNull();
    store.getState().selectZone({ zoning: 'departement', code: '59' });
    store.getState().setCouche('aucune');
    expect(store.getState().zone).toEqual({ zoning: 'departement', code: '59' });
  });
});
