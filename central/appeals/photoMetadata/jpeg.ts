import { orientationOnlyTiff, readOrientation, turnsTheImage } from './exifOrientation';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP1 = 0xe1;
const APP14 = 0xee;
const COM = 0xfe;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

const isApp = (marker: number) => marker >= 0xe0 && marker <= 0xef;
const isRestart = (marker: number) => marker >= 0xd0 && marker <= 0xd7;

/**
 * A JPEG without its metadata: every APPn segment (JFIF, EXIF, XMP, ICC profile, IPTC, maker notes, MPF)
 * and every comment is dropped, and so is anything after the end-of-image marker (phones append second
 * images and vendor trailers there). Only Adobe's APP14 stays: it says how the colours are transformed,
 * names nobody, and without it a CMYK photo decodes with wrong colours. The orientation survives as a
 * minimal EXIF segment. The image data itself (tables, frame, scans) is copied byte for byte.
 * Null when the file is not a well-formed JPEG (then it cannot be stripped, so it is not kept).
 */
export function stripJpeg(bytes: Buffer): Buffer | null {
  if (bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const kept: Buffer[] = [];
  let orientation: number | null = null;
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[pos + 1] === 0xff) pos++;
    const marker = bytes[pos + 1];
    if (marker === undefined) return null;
    if (marker === EOI) {
      kept.push(Buffer.from([0xff, EOI]));
      return Buffer.concat([Buffer.from([0xff, SOI]), ...orientationSegment(orientation), ...kept]);
    }
    if (isRestart(marker) || marker === 0x01) {
      kept.push(bytes.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    if (pos + 4 > bytes.length) return null;
    const end = pos + 2 + bytes.readUInt16BE(pos + 2);
    if (end < pos + 4 || end > bytes.length) return null;
    const payload = bytes.subarray(pos + 4, end);
    const segment = bytes.subarray(pos, end);
    pos = end;
    if (marker === APP1 && payload.subarray(0, 6).equals(EXIF_HEADER)) {
      orientation ??= readOrientation(payload.subarray(6));
      continue;
    }
    if (marker === APP14 && payload.toString('latin1', 0, 5) === 'Adobe') {
      kept.push(segment);
      continue;
    }
    if (isApp(marker) || marker === COM) continue;
    kept.push(segment);
    if (marker === SOS) {
      const scanEnd = endOfScan(bytes, pos);
      if (scanEnd === null) return null;
      kept.push(bytes.subarray(pos, scanEnd));
      pos = scanEnd;
    }
  }
  return null;
}

/** Entropy-coded data runs to the first 0xFF that is neither a stuffed 0xFF00 nor a restart marker. */
function endOfScan(bytes: Buffer, from: number): number | null {
  let pos = from;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) {
      pos++;
      continue;
    }
    const next = bytes[pos + 1];
    if (next === undefined) return null;
    if (next === 0x00 || isRestart(next)) pos += 2;
    else return pos;
  }
  return null;
}

function orientationSegment(orientation: number | null): Buffer[] {
  if (!turnsTheImage(orientation)) return [];
  const payload = Buffer.concat([EXIF_HEADER, orientationOnlyTiff(orientation)]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xff00 | APP1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return [header, payload];
}
