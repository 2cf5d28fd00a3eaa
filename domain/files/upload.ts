import { z } from 'zod';
import { storableText } from '../contract/text';

/**
 * Resumable uploads of files that belong to a card (photos now, call recordings later): the console
 * declares the file, asks which chunk central needs next, and sends chunks in order from there.
 */
export const UPLOAD_LIMITS = { chunkMax: 1024 * 1024, fileMax: 200 * 1024 * 1024 } as const;

export const UploadDeclarationSchema = z.strictObject({
  id: z.uuid(),
  cardId: z.uuid(),
  kind: z.enum(['photo', 'recording']),
  size: z.number().int().positive().max(UPLOAD_LIMITS.fileMax),
  chunkSize: z.number().int().positive().max(UPLOAD_LIMITS.chunkMax),
  /** Hex SHA-256 of the whole file: central checks the assembled file against it. */
  sha256: storableText().regex(/^[0-9a-f]{64}$/),
});
export type UploadDeclaration = z.infer<typeof UploadDeclarationSchema>;

export const UploadStatusSchema = z.object({
  id: z.uuid(),
  /** The first chunk central does not have yet; equals the chunk count when the file is complete. */
  nextChunk: z.number().int().nonnegative(),
  chunks: z.number().int().positive(),
  complete: z.boolean(),
});
export type UploadStatus = z.infer<typeof UploadStatusSchema>;

export const chunkCount = (d: Pick<UploadDeclaration, 'size' | 'chunkSize'>) =>
  Math.ceil(d.size / d.chunkSize);
