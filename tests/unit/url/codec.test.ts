/* eslint-disable no-control-regex -- the property tests type control characters on purpose */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../src/domain/domains.ts';
import { FILTER_NIVEAUX, NO_DOMAIN } from '../../../src/domain/filters.ts';
import { THEMES } from '../../../src/domain/themes.ts';
import { MODALITES, VOIES } from '../../../src/domain/training.ts';
import { COUCHES, coucheShowing, OVERLAYS } from '../../../src/domain/view.ts';
import { CLASS_METHODS, INDICATORS } from '../../../src/domain/territory.ts';
import { TRAVEL_MODES } from '../../../src/geo/travel.ts';
import { DEFAULT_URL_STATE, parseState, serializeState, TEMPS, type UrlState } from '../../../src/url/codec.ts';

const zoneArbitrary = fc.oneof(
  fc.constant(null),
  fc.constantFrom('02', '59', '60', '62', '80').map((code) => ({ zoning: 'departement' as const, code })),
  fc.constantFrom('3201', '3215', '3222', '0054', '0058').map((code) => ({ zoning: 'zone_emploi' as const, code })),
  fc.constantFrom('021', '627', '801', '595').map((code) => ({ zoning: 'spel' as const, code })),
  fc.constantFrom('3201', '3217', '3227', '3230').map((code) => ({ zoning: 'bassin' as const, code })),
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
  filters: fc.record({
    // Any text a person may type, trimmed as the codec keeps it.
    q: fc.string({ maxLength: 40 }).map((text) => text.replace(/[\u0000-\u001f<>]/g, ' ').trim()),
    domaines: fc.uniqueArray(fc.constantFrom(...DOMAINS.map((domain) => domain.id), NO_DOMAIN), { maxLength: 3 }),
    niveaux: fc.uniqueArray(fc.constantFrom(...FILTER_NIVEAUX), { maxLength: 3 }),
    voies: fc.uniqueArray(fc.constantFrom(...VOIES), { maxLength: 3 }),
    modalites: fc.uniqueArray(fc.constantFrom(...MODALITES), { maxLength: 2 }),
    conventionne: fc.boolean(),
    themes: fc.uniqueArray(fc.constantFrom(...THEMES.map((theme) => theme.id)), { maxLength: 2 }),
    sources: fc.uniqueArray(fc.constantFrom('parcoursup', 'bts-2024', 'affelnet-2022', 'fichier'), { maxLength: 2 }),
    debut: fc.oneof(fc.constant(null), fc.constantFrom('2026-09', '2027-01')),
    metiers: fc.uniqueArray(fc.constantFrom('N1101', 'H2913', 'J1501', 'M1805'), { maxLength: 3 }),
  }),
  note: fc.string({ maxLength: 80 }).map((text) => text.replace(/[\u0000-\u0008\u000b-\u001f]/g, ' ')),
  pinned: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,5}:[0-9A-Z]{8}:[0-9a-f~]{1,8}$/), { maxLength: 4 }),
  where: fc.record({
    place: fc.oneof(
      fc.constant(null),
      fc.constantFrom('62498', '80021', '60694', '59350').map((code) => ({ kind: 'commune' as const, code })),
      fc.tuple(fc.integer({ min: 1380, max: 4260 }), fc.integer({ min: 48840, max: 51090 })).map(([lng, lat]) => ({ kind: 'point' as const, point: [lng / 1000, lat / 1000] as [number, number] })),
    ),
    rayon: fc.integer({ min: 5, max: 100 }),
    temps: fc.constantFrom(null, ...TEMPS),
    mode: fc.constantFrom(...TRAVEL_MODES),
    dans: zoneArbitrary,
  }),
  territory: fc.record({
    indicateur: fc.constantFrom(null, ...INDICATORS),
    periode: fc.constantFrom(null, '2023-T3', '2010-T1'),
    classes: fc.constantFrom(...CLASS_METHODS),
    comparer: fc.uniqueArray(fc.constantFrom('3215', '3216', '3201', '0054').map((code) => ({ zoning: 'zone_emploi' as const, code })), { maxLength: 4, selector: (zone) => zone.code }),
    fap: fc.constantFrom(null, 'I', 'D1X33', 'G0A40'),
  }),
  integre: fc.boolean(),
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

  it('reads the find keys, drops unknown values and keeps the rest', () => {
    const parsed = parseState('?v=1&q=soudure&domaine=industrie,lune,batiment&niveau=3,9,x,5&voie=apprentissage,bateau&modalite=distance&conv=1&theme=numerique&debut=2027-13&metier=n1101,H2913,X9999,H2913,J15');
    expect(parsed.filters).toEqual({ q: 'soudure', domaines: ['industrie', 'batiment'], niveaux: [3, 5], voies: ['apprentissage'], modalites: ['distance'], conventionne: true, themes: ['numerique'], sources: [], debut: null, metiers: ['N1101', 'H2913'] });
    // `metier=` is written as it is read: ROME v3 codes, comma-separated.
    expect(serializeState({ ...DEFAULT_URL_STATE, filters: { ...DEFAULT_URL_STATE.filters, metiers: ['J1501', 'N1101'] } }).search).toBe('?v=1&metier=J1501,N1101');
  });

  it('keeps the counsellor note and pinned trainings in the hash, never in the query', () => {
    const written = serializeState({ ...DEFAULT_URL_STATE, note: 'À voir avec Léa : CAP en 2027 & stage', pinned: ['affelnet:0593255T:23811021405', 'psup:0590010R:1234abcd'] });
    expect(written.search).toBe('');
    expect(written.hash).toContain('note=');
    const parsed = parseState(written.search, written.hash);
    expect(parsed.note).toBe('À voir avec Léa : CAP en 2027 & stage');
    expect(parsed.pinned).toEqual(['affelnet:0593255T:23811021405', 'psup:0590010R:1234abcd']);
  });

  it('never lets hostile input through: no throw, no prototype pollution, no markup in the search text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (search, hash) => {
        const parsed = parseState(`?__proto__=x&constructor=y&${search}`, hash);
        expect(parsed.filters.q).not.toMatch(/[<>]/);
        expect(Object.prototype).not.toHaveProperty('x');
      }),
    );
    expect(parseState('?q=<img src=x onerror=alert(1)>').filters.q).toBe('img src=x onerror=alert(1)');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps a position in the hash only, rounded to about 100 m, and a commune code in the query', () => {
    const point = serializeState({ ...DEFAULT_URL_STATE, where: { ...DEFAULT_URL_STATE.where, place: { kind: 'point', point: [2.831_749, 50.431_28] } } });
    expect(point.search).toBe('');
    expect(point.hash).toBe('#lieu=2.832,50.431');
    expect(parseState('', '#lieu=2.83175,50.43128').where.place).toEqual({ kind: 'point', point: [2.832, 50.431] });
    // More than 5 decimals, or outside the region's surroundings: not understood.
    expect(parseState('', '#lieu=2.831749,50.43128').where.place).toBeNull();
    expect(parseState('', '#lieu=-70.1,40.2').where.place).toBeNull();
    const commune = serializeState({ ...DEFAULT_URL_STATE, where: { place: { kind: 'commune', code: '62498' }, rayon: 30, temps: null, mode: 'voiture', dans: null } });
    expect(commune.search).toBe('?v=1&lieu=62498&rayon=30');
    expect(parseState('?v=1&lieu=62498&temps=30&mode=tc&dans=ze:3215').where).toEqual({ place: { kind: 'commune', code: '62498' }, rayon: 20, temps: 30, mode: 'tc', dans: { zoning: 'zone_emploi', code: '3215' } });
    expect(parseState('?rayon=500&temps=17&mode=fusee').where).toEqual(DEFAULT_URL_STATE.where);
  });
});

describe('URL codec: spellings of earlier contracts', () => {
  it('reads issue #10’s keys as today’s, and writes today’s', () => {
    expect(parseState('?v=1&indicateur=chomage-evol1&classes=egal').territory).toMatchObject({ indicateur: 'chomage-evol-1', classes: 'egales' });
    expect(parseState('?v=1&indicateur=chomage-evol5').territory.indicateur).toBe('chomage-evol-5');
    expect(parseState('?v=1&indicateur=chomage-evol-5&classes=egales').territory).toMatchObject({ indicateur: 'chomage-evol-5', classes: 'egales' });
    expect(serializeState(parseState('?v=1&indicateur=chomage-evol1&classes=egal')).search).toBe('?v=1&indicateur=chomage-evol-1&classes=egales');
  });
});

describe('URL codec: bassins d’emploi', () => {
  it('reads couche=bassin and zone=bassin:3227, and a bassin brings its own zoning', () => {
    expect(parseState('?v=1&couche=bassin').couche).toBe('bassin');
    const parsed = parseState('?v=1&zone=bassin:3227');
    expect(parsed.zone).toEqual({ zoning: 'bassin', code: '3227' });
    expect(parsed.couche).toBe('bassin');
    expect(serializeState(parsed).search).toBe('?v=1&couche=bassin&zone=bassin:3227');
    // Not a code of the region's bassins.
    expect(parseState('?v=1&zone=bassin:8457').zone).toBeNull();
    expect(parseState('?v=1&dans=bassin:3216').where.dans).toEqual({ zoning: 'bassin', code: '3216' });
  });
});

describe('URL codec: sites of a file opened in the browser', () => {
  it('keeps an imported site id (fichier~…) in the link', () => {
    const site = 'fichier~lheo:59350:3f2a9c1d';
    expect(serializeState({ ...DEFAULT_URL_STATE, site }).search).toBe(`?v=1&site=${site}`);
    expect(parseState(`?v=1&site=${encodeURIComponent(site)}`).site).toBe(site);
  });
});
