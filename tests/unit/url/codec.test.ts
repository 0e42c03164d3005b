import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUCHES, coucheShowing, OVERLAYS } from '../../../src/domain/view.ts';
import { DEFAULT_URL_STATE, parseState, serializeState, type UrlState } from '../../../src/url/codec.ts';

const zoneArbitrary = fc.oneof(
  fc.constant(null),
  fc.constantFrom('02', '59', '60', '62', '80').map((code) => ({ zoning: 'departement' as const, code })),
  fc.constantFrom('3201', '3215', '3222', '0054', '0058').map((code) => ({ zoning: 'zone_emploi' as const, code })),
  fc.constantFrom('021', '627', '801', '595').map((code) => ({ zoning: 'spel' as const, code })),
);
const anyStateArbitrary: fc.Arbitrary<UrlState> = fc.record({
  couche: fc.constantFrom(...COUCHES),
  zone: zoneArbitrary,
  overlays: fc.record({ sites: fc.boolean(), alliance: fc.boolean(), campus: fc.boolean(), cfa: fc.boolean() }),
  site: fc.oneof(fc.constant(null), fc.stringMatching(/^[a-z0-9:-]{1,20}$/)),
  camera: fc.oneof(
    fc.constant(null),
    fc.record({
      center: fc.tuple(fc.double({ min: 1, max: 5, noNaN: true }), fc.double({ min: 48, max: 51.5, noNaN: true })),
      zoom: fc.double({ min: 6, max: 15, noNaN: true }),
    }),
  ),
});

// States the app can be in: a selected zone d'emploi or SPEL shows its own zoning.
const stateArbitrary = anyStateArbitrary.map((state) => ({ ...state, couche: coucheShowing(state.couche, state.zone) }));

describe('URL codec', () => {
  it('reads back what it writes (camera to its written precision)', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        const { search, hash } = serializeState(state);
        const parsed = parseState(search, hash);
        expect({ ...parsed, camera: null }).toEqual({ ...state, camera: null });
        if (state.camera) {
          expect(parsed.camera?.zoom).toBeCloseTo(state.camera.zoom, 2);
          expect(parsed.camera?.center[0]).toBeCloseTo(state.camera.center[0], 2);
          expect(parsed.camera?.center[1]).toBeCloseTo(state.camera.center[1], 2);
        } else expect(parsed.camera).toBeNull();
      }),
    );
  });

  it('never throws on garbage and falls back to defaults', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (search, hash) => {
        const parsed = parseState(search, hash);
        expect(COUCHES).toContain(parsed.couche);
        for (const overlay of OVERLAYS) expect(typeof parsed.overlays[overlay]).toBe('boolean');
      }),
    );
    expect(parseState('?couche=lune&zone=ze:9999&site=<script>', '#map=x/y/z')).toEqual(DEFAULT_URL_STATE);
  });

  it('writes a readable, versioned query and leaves defaults out', () => {
    expect(serializeState(DEFAULT_URL_STATE)).toEqual({ search: '', hash: '' });
    const written = serializeState({ ...DEFAULT_URL_STATE, couche: 'spel', zone: { zoning: 'spel', code: '627' } });
    expect(written.search).toBe('?v=1&couche=spel&zone=spel:627');
  });

  it('reads the issue’s example link', () => {
    const parsed = parseState('?couche=ze&zone=ze:3215', '#map=9/50.43/2.83');
    expect(parsed.zone).toEqual({ zoning: 'zone_emploi', code: '3215' });
    expect(parsed.camera).toEqual({ center: [2.83, 50.43], zoom: 9 });
  });

  it('gives a selected zone its own zoning, whatever the link says', () => {
    expect(parseState('?zone=spel:627')).toMatchObject({ couche: 'spel', zone: { zoning: 'spel', code: '627' } });
    expect(parseState('?couche=aucune&zone=ze:3215').couche).toBe('zone_emploi');
    expect(parseState('?couche=spel&zone=dep:59').couche).toBe('spel');
    fc.assert(
      fc.property(anyStateArbitrary, (state) => {
        const { search, hash } = serializeState(state);
        const parsed = parseState(search, hash);
        expect(parsed.couche).toBe(coucheShowing(state.couche, state.zone));
      }),
    );
  });

  it('rejects a camera with empty or non-numeric parts', () => {
    for (const hash of ['#map=//', '#map=9//2.8', '#map=9/50.4/', '#map= 9/50/2', '#map=9/50/2/1', '#map=0x9/50/2', '#map=1e1/50/2']) expect(parseState('', hash).camera).toBeNull();
    expect(parseState('', '#map=9.5/-0.5/2').camera).toEqual({ zoom: 9.5, center: [2, -0.5] });
  });

  it('does not pretend to understand a link of another version', () => {
    expect(parseState('?v=99&couche=spel&zone=spel:627', '#map=9/50/2')).toEqual(DEFAULT_URL_STATE);
    expect(parseState('?v=1&couche=spel').couche).toBe('spel');
    // Links written before the version key existed are still read.
    expect(parseState('?couche=spel').couche).toBe('spel');
  });
});
