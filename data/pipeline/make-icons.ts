/**
 * The app's icons (PNG, for the web app manifest): a blue disc with a white ring, the map's site
 * symbol. Drawn here, byte for byte the same at every run.
 *
 * Usage: npm run icons
 */
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, checksum]);
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const center = (size - 1) / 2;
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x - center, y - center) / (size / 2);
      // Background #fbfaf6 (the region's land), disc #1f5f8f, white ring.
      const [r, g, b] = distance < 0.55 ? [0x1f, 0x5f, 0x8f] : distance < 0.68 ? [0xff, 0xff, 0xff] : distance < 0.8 ? [0x1f, 0x5f, 0x8f] : [0xfb, 0xfa, 0xf6];
      row.set([r, g, b, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [192, 512]) {
  const png = icon(size);
  writeFileSync(`public/icons/icone-${size}.png`, png);
  process.stdout.write(`public/icons/icone-${size}.png: ${png.length} bytes\n`);
}
