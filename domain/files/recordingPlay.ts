import { z } from 'zod';
import { UPLOAD_LIMITS } from './upload';
import { base64Of, RecordingProblemSchema } from './recording';

/**
 * The most bytes of a recording one answer to the window carries while it plays (§17): small enough that main
 * holds little, large enough that a 30-minute call is a few hundred answers.
 */
export const RECORDING_PIECE_BYTES = 512 * 1024;

/** The first piece of a play: small, so the picture comes quickly even on a slow link. */
export const FIRST_PIECE_BYTES = 64 * 1024;

/**
 * How long the piece from `offset` is: as long as what comes before it, from the first piece's size up to the
 * most one answer to the window carries. A play starts quickly and then asks central a few times a minute.
 */
export const pieceBytesAt = (offset: number): number =>
  Math.min(RECORDING_PIECE_BYTES, Math.max(FIRST_PIECE_BYTES, offset));

/** Where in a recording the window wants its next piece: inside the largest file central accepts. */
const OffsetSchema = z.number().int().nonnegative().max(UPLOAD_LIMITS.fileMax);

export const RecordingReadInputSchema = z.strictObject({ fileId: z.uuid(), offset: OffsetSchema });

/** A piece of the recording being played, or why central did not give it (it went away, or refused). */
export const RecordingPieceResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    bytesBase64: base64Of(RECORDING_PIECE_BYTES),
    /** Where the next piece starts; null after the last. */
    next: OffsetSchema.nullable(),
  }),
  RecordingProblemSchema,
]);
export type RecordingPieceResult = z.infer<typeof RecordingPieceResultSchema>;
