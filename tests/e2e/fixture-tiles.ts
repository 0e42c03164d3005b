import { deflateSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';

/**
 * Synthetic tiles standing in for IGN's Plan IGN in the browser tests (never shown to users):
 * a flat colour with a darker 1 px border, so a screenshot shows the tile grid and a pixel test
 * can tell the plan from the app's own basemap.
 */
export const FIXTURE_TILE_COLOUR: readonly [number, number, number] = [236, 214, 240];

const CRC_TABLE = Array.from({ length: 256 }, (_unused, index) => {
  let c = index;
  for (let bit = 0; bit < 8; bit += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A 256 × 256 RGB PNG tile. */
export function fixtureTile(size = 256): Buffer {
  const [r, g, b] = FIXTURE_TILE_COLOUR;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const edge = x === 0 || y === 0;
      row.set(edge ? [r - 60, g - 60, b - 60] : [r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Answers IGN's tile requests from this machine: a local route that stands in for the service.
 * @returns the tile URLs asked for, in order
 */
export async function serveFixturePlan(page: Page, answer: 'tuiles' | 'panne' = 'tuiles'): Promise<string[]> {
  const asked: string[] = [];
  const tile = fixtureTile();
  await page.route('https://data.geopf.fr/**', (route: Route) => {
    asked.push(route.request().url());
    return answer === 'tuiles' ? route.fulfill({ status: 200, contentType: 'image/png', body: tile, headers: { 'access-control-allow-origin': '*' } }) : route.fulfill({ status: 503, body: 'service indisponible' });
  });
  return asked;
}
