import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../central/appeals/photoMetadata/crc32';
import { readOrientation } from '../../../central/appeals/photoMetadata/exifOrientation';
import { stripPhotoMetadata } from '../../../central/appeals/photoMetadata/stripPhotoMetadata';
import {
  aJpegWithMetadata,
  aPngWithMetadata,
  aWebpWithMetadata,
  GPS_LATITUDE,
  GPS_LONGITUDE,
  jpegImageSegments,
  PLANTED,
  PNG_PIXELS,
  rationalBytes,
  WEBP_BITSTREAM,
} from '../../support/photoBytes';

function expectNothingPlanted(bytes: Buffer) {
  const text = bytes.toString('latin1');
  for (const secret of Object.values(PLANTED)) expect(text).not.toContain(secret);
  expect(bytes.includes(rationalBytes(GPS_LATITUDE))).toBe(false);
  expect(bytes.includes(rationalBytes(GPS_LONGITUDE))).toBe(false);
}

/** The number of entries of IFD0 in an EXIF body: one means only the orientation is left. */
function ifd0Entries(tiff: Buffer): number {
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const at = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  return le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at);
}

function strip(contentType: string, bytes: Buffer): Buffer {
  const stripped = stripPhotoMetadata(contentType, bytes);
  if (!stripped) throw new Error(`${contentType} was refused`);
  return stripped;
}

describe('a citizen photo loses its metadata on intake, keeping its orientation (issue 11 item 9)', () => {
  it('JPEG: drops EXIF (author, device, GPS), XMP, ICC, IPTC, comments and trailers; the image data is untouched', () => {
    const out = strip('image/jpeg', aJpegWithMetadata(6));
    expectNothingPlanted(out);
    expect(out.subarray(0, 4)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe1]));
    const app1 = out.subarray(6, 4 + out.readUInt16BE(4));
    expect(app1.toString('latin1', 0, 6)).toBe('Exif\0\0');
    const tiff = app1.subarray(6);
    expect(readOrientation(tiff)).toBe(6);
    expect(ifd0Entries(tiff)).toBe(1);
    // Same frame, tables, scan and end marker, byte for byte, right after the minimal EXIF segment.
    const rest = out.subarray(4 + out.readUInt16BE(4));
    expect(rest).toEqual(Buffer.concat([...jpegImageSegments(), Buffer.from([0xff, 0xd9])]));
  });

  it('JPEG: an upright photo keeps no EXIF at all', () => {
    const out = strip('image/jpeg', aJpegWithMetadata(1));
    expect(out).toEqual(
      Buffer.concat([Buffer.from([0xff, 0xd8]), ...jpegImageSegments(), Buffer.from([0xff, 0xd9])]),
    );
  });

  it('JPEG: a file that is not well formed is refused rather than kept unstripped', () => {
    const whole = aJpegWithMetadata();
    expect(stripPhotoMetadata('image/jpeg', whole.subarray(0, 40))).toBeNull();
    expect(
      stripPhotoMetadata(
        'image/jpeg',
        Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]),
      ),
    ).toBeNull();
  });

  it('PNG: drops text, time, EXIF and private chunks; pixels, CRCs and orientation hold', () => {
    const out = strip('image/png', aPngWithMetadata(3));
    expectNothingPlanted(out);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let pos = 8; pos < out.length;) {
      const length = out.readUInt32BE(pos);
      const type = out.toString('latin1', pos + 4, pos + 8);
      const data = out.subarray(pos + 8, pos + 8 + length);
      expect(out.readUInt32BE(pos + 8 + length)).toBe(crc32(Buffer.from(type, 'latin1'), data));
      chunks.push({ type, data });
      pos += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
    expect(readOrientation(chunks[1]?.data ?? Buffer.alloc(0))).toBe(3);
    expect(inflateSync(chunks[2]?.data ?? Buffer.alloc(0))).toEqual(PNG_PIXELS);
  });

  it('WebP: drops ICC, EXIF and XMP chunks and their VP8X flags; the bitstream and orientation hold', () => {
    const out = strip('image/webp', aWebpWithMetadata(8));
    expectNothingPlanted(out);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    const chunks: { type: string; data: Buffer }[] = [];
    for (let pos = 12; pos < out.length;) {
      const size = out.readUInt32LE(pos + 4);
      chunks.push({
        type: out.toString('latin1', pos, pos + 4),
        data: out.subarray(pos + 8, pos + 8 + size),
      });
      pos += 8 + size + (size % 2);
    }
    expect(chunks.map((c) => c.type)).toEqual(['VP8X', 'VP8L', 'EXIF']);
    expect(chunks[0]?.data[0]).toBe(0x08);
    expect(chunks[1]?.data).toEqual(WEBP_BITSTREAM);
    expect(readOrientation(chunks[2]?.data ?? Buffer.alloc(0))).toBe(8);
  });
});
