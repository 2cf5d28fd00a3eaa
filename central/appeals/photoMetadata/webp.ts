import { orientationOnlyTiff, readOrientation, turnsTheImage } from './exifOrientation';

/** Chunks that are the image: header, bitstreams, alpha, animation. EXIF, XMP, ICCP and unknown ones go. */
const KEPT_CHUNKS = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF']);
const FLAG_ICC = 0x20;
const FLAG_EXIF = 0x08;
const FLAG_XMP = 0x04;

/**
 * A WebP without its metadata; the orientation, when a turn, stays as a minimal EXIF chunk (flagged in
 * VP8X, placed last as the format requires). Null when it is not a well-formed WebP.
 */
export function stripWebp(bytes: Buffer): Buffer | null {
  if (
    bytes.length < 12 ||
    bytes.toString('latin1', 0, 4) !== 'RIFF' ||
    bytes.toString('latin1', 8, 12) !== 'WEBP'
  )
    return null;
  const kept: { type: string; data: Buffer }[] = [];
  let orientation: number | null = null;
  let pos = 12;
  while (pos < bytes.length) {
    if (pos + 8 > bytes.length) return null;
    const type = bytes.toString('latin1', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    const end = pos + 8 + size;
    if (end > bytes.length) return null;
    const data = bytes.subarray(pos + 8, end);
    if (type === 'EXIF') orientation ??= readOrientation(withoutExifHeader(data));
    else if (KEPT_CHUNKS.has(type)) kept.push({ type, data });
    pos = end + (size % 2);
  }
  const [first] = kept;
  if (!first) return null;
  if (first.type === 'VP8X') {
    if (first.data.length < 10) return null;
    const header = Buffer.from(first.data);
    const flags = (header[0] ?? 0) & ~(FLAG_ICC | FLAG_EXIF | FLAG_XMP);
    header[0] = turnsTheImage(orientation) ? flags | FLAG_EXIF : flags;
    kept[0] = { type: 'VP8X', data: header };
    if (turnsTheImage(orientation)) kept.push({ type: 'EXIF', data: orientationOnlyTiff(orientation) });
  } else {
    // The simple format is one bitstream chunk and has no room for metadata at all.
    kept.splice(1);
  }
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...kept.map((c) => chunk(c.type, c.data))]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** Some writers put the JPEG-style "Exif\0\0" before the TIFF structure; the format says they should not. */
function withoutExifHeader(data: Buffer): Buffer {
  return data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
}

function chunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}
