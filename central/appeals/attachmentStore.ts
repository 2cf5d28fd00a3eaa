import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentKind } from '../../domain/appeals/appeal';

/** The formats each kind accepts, recognised by their first bytes, never by the name or the header alone. */
const SIGNATURES: readonly {
  kind: AttachmentKind;
  contentType: string;
  ext: string;
  test: (b: Buffer) => boolean;
}[] = [
  {
    kind: 'photo',
    contentType: 'image/jpeg',
    ext: 'jpg',
    test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    kind: 'photo',
    contentType: 'image/png',
    ext: 'png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    kind: 'photo',
    contentType: 'image/webp',
    ext: 'webp',
    test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP',
  },
  {
    kind: 'video',
    contentType: 'video/mp4',
    ext: 'mp4',
    test: (b) => ascii(b, 4, 8) === 'ftyp' && !ascii(b, 8, 11).startsWith('M4A'),
  },
  { kind: 'video', contentType: 'video/webm', ext: 'webm', test: (b) => b.readUInt32BE(0) === 0x1a45dfa3 },
  { kind: 'voice', contentType: 'audio/ogg', ext: 'ogg', test: (b) => ascii(b, 0, 4) === 'OggS' },
  {
    kind: 'voice',
    contentType: 'audio/mp4',
    ext: 'm4a',
    test: (b) => ascii(b, 4, 8) === 'ftyp' && ascii(b, 8, 11) === 'M4A',
  },
  {
    kind: 'voice',
    contentType: 'audio/mpeg',
    ext: 'mp3',
    test: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  {
    kind: 'voice',
    contentType: 'audio/wav',
    ext: 'wav',
    test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE',
  },
  // A voice message recorded in the browser is WebM audio; the same container as video.
  { kind: 'voice', contentType: 'audio/webm', ext: 'webm', test: (b) => b.readUInt32BE(0) === 0x1a45dfa3 },
];

function ascii(b: Buffer, start: number, end: number): string {
  return b.subarray(start, end).toString('latin1');
}

/** The accepted format of `bytes` for the declared kind, or null when the content is not one of them. */
export function sniff(kind: AttachmentKind, bytes: Buffer): { contentType: string; ext: string } | null {
  if (bytes.length < 12) return null;
  const match = SIGNATURES.find((s) => s.kind === kind && s.test(bytes));
  return match ? { contentType: match.contentType, ext: match.ext } : null;
}

/**
 * Files under one directory, named by central (`<appeal id>/<attachment id>.<ext>`, both UUIDs), so no
 * citizen-supplied text ever reaches a path.
 */
export class AttachmentStore {
  constructor(readonly root: string) {}

  async save(appealId: string, attachmentId: string, ext: string, bytes: Buffer): Promise<string> {
    const dir = join(this.root, appealId);
    await mkdir(dir, { recursive: true });
    const storageName = `${appealId}/${attachmentId}.${ext}`;
    await writeFile(join(this.root, storageName), bytes, { flag: 'wx' });
    return storageName;
  }

  /** Where a stored file is, by the name central gave it (read from the database, never from a request). */
  pathOf(storageName: string): string {
    return join(this.root, storageName);
  }

  /** Removes one stored file (retention); a file already gone is no error. */
  async remove(storageName: string): Promise<void> {
    await rm(join(this.root, storageName), { force: true });
  }

  async removeAll(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}
