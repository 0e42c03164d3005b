import { describe, expect, it } from 'vitest';
import { PLAN_IGN_ORIGIN, PLAN_IGN_TILES, planLayer, planSource } from '../../../src/map/plan-ign.ts';
import { makeLayers } from '../../../src/map/layers.ts';
import { LIGHT_THEME } from '../../../src/domain/theme.ts';
import { readFileSync } from 'node:fs';

describe('the detailed plan (IGN Géoplateforme, Plan IGN)', () => {
  it('requests tiles with the template IGN’s own code uses: WMTS GetTile, PLANIGNV2, PM, PNG, {z}/{y}/{x}', () => {
    const url = new URL(PLAN_IGN_TILES.replace('{z}', '12').replace('{y}', '1410').replace('{x}', '2100'));
    expect(url.origin).toBe(PLAN_IGN_ORIGIN);
    expect(url.pathname).toBe('/wmts');
    expect(Object.fromEntries(url.searchParams)).toEqual({ SERVICE: 'WMTS', REQUEST: 'GetTile', VERSION: '1.0.0', LAYER: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', STYLE: 'normal', TILEMATRIXSET: 'PM', FORMAT: 'image/png', TILEMATRIX: '12', TILEROW: '1410', TILECOL: '2100' });
    expect(PLAN_IGN_TILES.match(/\{[xyz]\}/g)).toEqual(['{z}', '{y}', '{x}']);
    expect(planSource()).toMatchObject({ type: 'raster', tiles: [PLAN_IGN_TILES], tileSize: 256 });
  });

  it('is not in the style the app starts with: nothing is asked of IGN before the person turns it on', () => {
    expect(makeLayers(LIGHT_THEME).some((layer) => layer.id === planLayer().id)).toBe(false);
    expect(JSON.stringify(makeLayers(LIGHT_THEME))).not.toContain('geopf');
  });

  it('is the one third-party origin the page’s CSP allows, for images and tiles only', () => {
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(readFileSync('index.html', 'utf8'))?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    const thirdParties = Object.entries(directives).flatMap(([name, values]) => (values as string[]).filter((value) => /^https?:/.test(value)).map((value) => `${name} ${value}`));
    expect(thirdParties.sort()).toEqual([`connect-src ${PLAN_IGN_ORIGIN}`, `img-src ${PLAN_IGN_ORIGIN}`]);
  });
});
