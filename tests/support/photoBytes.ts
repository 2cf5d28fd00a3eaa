import { deflateSync } from 'node:zlib';
import { crc32 } from '../../central/appeals/photoMetadata/crc32';

/**
 * Real image files with the metadata a phone writes, built byte by byte so a test knows every byte:
 * EXIF with author, device and GPS position, XMP, an ICC profile, IPTC, comments, PNG text chunks.
 * `planted` lists what must not survive stripping.
 */

export const PLANTED = {
  author: 'Aigerim-Saparova-Author',
  make: 'Planted-Phone-Maker',
  model: 'Planted-Phone-Model-X9',
  xmp: 'xmp-creator-secret',
  icc: 'icc-device-secret',
  iptc: 'iptc-byline-secret',
  comment: 'jpeg-comment-secret',
  trailer: 'vendor-trailer-secret',
  pngText: 'png-text-author-secret',
  pngTime: 'tIME',
} as const;

/** 43°15'24.24" N, 76°55'43.00" E (central Almaty) as EXIF rationals: what a phone's GPS writes. */
export const GPS_LATITUDE = [43, 1, 15, 1, 2424, 100];
export const GPS_LONGITUDE = [76, 1, 55, 1, 4300, 100];

type TiffEntry = { tag: number; type: 'ascii' | 'short' | 'long' | 'rational'; values: string | number[] };
const TYPE_CODES = { ascii: 2, short: 3, long: 4, rational: 5 } as const;

function valueBytes(e: TiffEntry): { count: number; bytes: Buffer } {
  if (typeof e.values === 'string') {
    const bytes = Buffer.from(`${e.values}\0`, 'latin1');
    return { count: bytes.length, bytes };
  }
  const size = e.type === 'short' ? 2 : 4;
  const bytes = Buffer.alloc(e.values.length * size);
  e.values.forEach((v, i) => (size === 2 ? bytes.writeUInt16LE(v, i * 2) : bytes.writeUInt32LE(v, i * 4)));
  return { count: e.type === 'rational' ? e.values.length / 2 : e.values.length, bytes };
}

/** One little-endian IFD at `start` (offset within the TIFF), its long values right after it. */
function ifd(entries: TiffEntry[], start: number): Buffer {
  const sorted = [...entries].sort((a, b) => a.tag - b.tag);
  const table = Buffer.alloc(2 + sorted.length * 12 + 4);
  table.writeUInt16LE(sorted.length, 0);
  const data: Buffer[] = [];
  let dataAt = start + table.length;
  sorted.forEach((e, i) => {
    const at = 2 + i * 12;
    const { count, bytes } = valueBytes(e);
    table.writeUInt16LE(e.tag, at);
    table.writeUInt16LE(TYPE_CODES[e.type], at + 2);
    table.writeUInt32LE(count, at + 4);
    if (bytes.length <= 4) bytes.copy(table, at + 8);
    else {
      table.writeUInt32LE(dataAt, at + 8);
      const padded = bytes.length % 2 ? Buffer.concat([bytes, Buffer.alloc(1)]) : bytes;
      data.push(padded);
      dataAt += padded.length;
    }
  });
  return Buffer.concat([table, ...data]);
}

/** EXIF's TIFF structure as a phone writes it: device, author, orientation and a GPS IFD. */
export function exifTiff(orientation: number): Buffer {
  const gpsPointer: TiffEntry = { tag: 0x8825, type: 'long', values: [0] };
  const ifd0: TiffEntry[] = [
    { tag: 0x010f, type: 'ascii', values: PLANTED.make },
    { tag: 0x0110, type: 'ascii', values: PLANTED.model },
    { tag: 0x0112, type: 'short', values: [orientation] },
    { tag: 0x013b, type: 'ascii', values: PLANTED.author },
    gpsPointer,
  ];
  const gps: TiffEntry[] = [
    { tag: 0x0001, type: 'ascii', values: 'N' },
    { tag: 0x0002, type: 'rational', values: GPS_LATITUDE },
    { tag: 0x0003, type: 'ascii', values: 'E' },
    { tag: 0x0004, type: 'rational', values: GPS_LONGITUDE },
  ];
  const gpsAt = 8 + ifd(ifd0, 8).length;
  gpsPointer.values = [gpsAt];
  const header = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0]);
  return Buffer.concat([header, ifd(ifd0, 8), ifd(gps, gpsAt)]);
}

export function rationalBytes(values: number[]): Buffer {
  return valueBytes({ tag: 0, type: 'rational', values }).bytes;
}

function segment(marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/**
 * The image part of an 8×8 grey baseline JPEG: quantisation table, frame, one-code Huffman tables and a
 * scan whose single block is flat grey (DC difference 0, then end of block).
 */
export function jpegImageSegments(): Buffer[] {
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof0 = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const oneCodeTable = (classAndId: number) =>
    segment(0xc4, Buffer.concat([Buffer.from([classAndId, 1]), Buffer.alloc(15), Buffer.from([0x00])]));
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  const scan = Buffer.from([0x3f]);
  return [dqt, sof0, oneCodeTable(0x00), oneCodeTable(0x10), sos, scan];
}

/** A JPEG as a phone saves it: JFIF, EXIF (author, device, GPS), XMP, ICC, IPTC, a comment, a trailer. */
export function aJpegWithMetadata(orientation = 6): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(orientation)])),
    segment(
      0xe1,
      Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>${PLANTED.xmp}</x:xmpmeta>`, 'latin1'),
    ),
    segment(0xe2, Buffer.from(`ICC_PROFILE\0\x01\x01${PLANTED.icc}`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\x008BIM\x04\x04${PLANTED.iptc}`, 'latin1')),
    segment(0xfe, Buffer.from(PLANTED.comment, 'latin1')),
    ...jpegImageSegments(),
    Buffer.from([0xff, 0xd9]),
    Buffer.from(PLANTED.trailer, 'latin1'),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeBytes, data), 0);
  return Buffer.concat([length, typeBytes, data, crc]);
}

/** The pixels of a 1×1 grey PNG: one scanline, filter 0, value 0x80. */
export const PNG_PIXELS = Buffer.from([0, 0x80]);

/** A 1×1 grey PNG with text chunks, a time stamp, EXIF (author, device, GPS) and a private chunk. */
export function aPngWithMetadata(orientation = 3): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('tEXt', Buffer.from(`Author\0${PLANTED.pngText}`, 'latin1')),
    pngChunk('iTXt', Buffer.from(`Comment\0\0\0\0\0${PLANTED.comment}`, 'latin1')),
    pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 30, 14, 22, 0])),
    pngChunk('eXIf', exifTiff(orientation)),
    pngChunk('prVt', Buffer.from(PLANTED.model, 'latin1')),
    pngChunk('IDAT', deflateSync(PNG_PIXELS)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function riffChunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(type, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** The lossless bitstream of a 1×1 WebP (signature 0x2F, then width-1 and height-1 = 0). */
export const WEBP_BITSTREAM = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x88, 0x88, 0x08, 0x08]);

/** An extended WebP with an ICC profile, EXIF (author, device, GPS) and XMP, each flagged in VP8X. */
export function aWebpWithMetadata(orientation = 8): Buffer {
  const vp8x = Buffer.from([0x20 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    riffChunk('ICCP', Buffer.from(PLANTED.icc, 'latin1')),
    riffChunk('VP8L', WEBP_BITSTREAM),
    riffChunk('EXIF', exifTiff(orientation)),
    riffChunk('XMP ', Buffer.from(`<x:xmpmeta>${PLANTED.xmp}</x:xmpmeta>`, 'latin1')),
  ]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}
