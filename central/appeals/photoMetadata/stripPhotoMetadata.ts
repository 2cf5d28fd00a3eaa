import { stripJpeg } from './jpeg';
import { stripPng } from './png';
import { stripWebp } from './webp';

/**
 * A citizen's photo as staff may see it: the picture and its orientation, nothing about who took it, with
 * what, or where (an anonymous appeal's photo must not name its author through EXIF or GPS). `contentType`
 * is what `sniff` recognised. Null when the file cannot be parsed: a photo that cannot be stripped is not
 * kept. HEIC is not an accepted format, so it never gets here.
 */
export function stripPhotoMetadata(contentType: string, bytes: Buffer): Buffer | null {
  switch (contentType) {
    case 'image/jpeg':
      return stripJpeg(bytes);
    case 'image/png':
      return stripPng(bytes);
    case 'image/webp':
      return stripWebp(bytes);
    default:
      return null;
  }
}
