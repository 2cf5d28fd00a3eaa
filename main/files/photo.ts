import {
  FILE_NAME_MAX,
  PHOTO_MAX_BYTES,
  type PhotoRefusal,
  type PhotoType,
} from '../../domain/files/cardFile';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** The photo's format by its first bytes (the same signatures central checks for citizens' photos). */
export function photoTypeOf(bytes: Buffer): PhotoType | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function checkPhoto(
  bytes: Buffer,
): { ok: true; type: PhotoType } | { ok: false; refusal: PhotoRefusal } {
  if (bytes.length === 0) return { ok: false, refusal: 'empty' };
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, refusal: 'tooLarge' };
  const type = photoTypeOf(bytes);
  return type ? { ok: true, type } : { ok: false, refusal: 'notAPhoto' };
}

const EXTENSIONS: Record<PhotoType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};

/**
 * A name safe to store and show: no folders, control or bidirectional-override characters (which can
 * make "gpj.exe" read as "exe.jpg"), nothing Windows refuses in a file name, and an extension that
 * matches what the bytes are. The bytes themselves are stored under the file's id, never under this name.
 */
export function cleanFileName(given: string, type: PhotoType): string {
  const base = given.split(/[/\\]/).at(-1) ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const stem = dot > 0 ? cleaned.slice(0, dot) : cleaned;
  const extension = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const wanted = EXTENSIONS[type];
  const ext = wanted.includes(extension) ? extension : (wanted[0] ?? 'jpg');
  const room = FILE_NAME_MAX - ext.length - 1;
  // Cut by whole characters, counted as the contract counts them (UTF-16 units).
  let kept = '';
  for (const character of stem.replace(/[\s.]+$/, '') || 'photo') {
    if (kept.length + character.length > room) break;
    kept += character;
  }
  return `${kept.replace(/[\s.]+$/, '')}.${ext}`;
}
