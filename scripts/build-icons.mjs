// Renders resources/build/icon.svg into the PNG sizes and the Windows .ico electron-builder packs:
// `node scripts/build-icons.mjs`. The outputs are committed; run this again only when the SVG changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '../resources/build');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const PNG_SIZES = [...ICO_SIZES, 512];

/** An .ico holding PNG images (Windows Vista and later read PNG entries at every size). */
export function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: set CHROMIUM_PATH or install chromium.');
  process.exit(2);
}
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const images = [];
for (const size of PNG_SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace('width="256" height="256"', `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  writeFileSync(join(buildDir, size === 512 ? 'icon.png' : `icon-${size}.png`), png);
  if (ICO_SIZES.includes(size)) images.push({ size, png });
  await page.close();
}
await browser.close();
writeFileSync(join(buildDir, 'icon.ico'), icoOf(images));
console.log(`wrote ${PNG_SIZES.length} PNGs and icon.ico to ${buildDir}`);
