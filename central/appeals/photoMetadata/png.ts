import { crc32 } from './crc32';
import { orientationOnlyTiff, readOrientation, turnsTheImage } from './exifOrientation';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The chunks a PNG keeps: the image itself, transparency, colour and pixel-size facts, and animation
 * frames. Everything else goes — text (tEXt, zTXt, iTXt: author, software, comments), eXIf, tIME, the
 * ICC profile (its name is free text) and any private chunk — an allow-list, so a chunk invented
 * tomorrow does not slip through.
 */
const KEPT_CHUNKS = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'sBIT',
  'bKGD',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

/** A PNG without its metadata (orientation kept in a minimal eXIf); null when it is not a well-formed PNG. */
export function stripPng(bytes: Buffer): Buffer | null {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  const kept: Buffer[] = [];
  let orientation: number | null = null;
  let pos = 8;
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > bytes.length) return null;
    if (type === 'eXIf') orientation ??= readOrientation(bytes.subarray(pos + 8, pos + 8 + length));
    else if (KEPT_CHUNKS.has(type)) kept.push(bytes.subarray(pos, end));
    pos = end;
    if (type === 'IEND') {
      const [header, ...rest] = kept;
      if (!header || header.toString('latin1', 4, 8) !== 'IHDR') return null;
      // eXIf must precede the image data; right after the header is always allowed.
      const exif = turnsTheImage(orientation) ? [chunk('eXIf', orientationOnlyTiff(orientation))] : [];
      return Buffer.concat([SIGNATURE, header, ...exif, ...rest]);
    }
  }
  return null;
}

function chunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeBytes, data), 0);
  return Buffer.concat([length, typeBytes, data, crc]);
}
