import { z } from 'zod';
import { storableText } from '../contract/text';
import { UPLOAD_LIMITS } from './upload';
import { RefusalOnWireSchema } from '../contract/refusal';
import { CallQualitySummarySchema } from '../calls/callQuality';

/** What a recording may be: a container the browser's MediaRecorder writes, with its codecs if given. */
const RECORDING_MIME = /^(audio|video)\/(webm|ogg|mp4)(;\s?codecs="?[a-z0-9.,\s-]{1,60}"?)?$/;

/** The longest call a recording may cover; a longer claim is a clock or a bug, not a call. */
export const RECORDING_MAX_DURATION_MS = 24 * 3_600_000;

/** The most parts one call's recording may have: each window reload during the call starts one more. */
export const RECORDING_MAX_PARTS = 100;

/**
 * Which call a recording is of, and which part of it: a call whose console window was reloaded is recorded by two
 * MediaRecorder sessions, each a WebM of its own, kept as numbered parts of that one call (issue 13 items 5, 6).
 */
export const RecordingCallPartSchema = z.strictObject({
  appealId: z.uuid(),
  part: z.number().int().min(1).max(RECORDING_MAX_PARTS),
});
export type RecordingCallPart = z.infer<typeof RecordingCallPartSchema>;

/**
 * A call recording the console made (§9 step 3: the operator's side records the call). Only what
 * identifies and checks the file: no applicant, no phone number, no text. The bytes follow as a
 * resumable upload (domain/files/upload.ts) under the same `fileId`.
 */
export const RecordingMetaSchema = z.strictObject({
  fileId: z.uuid(),
  kind: z.enum(['call']),
  startedAt: z.iso.datetime(),
  durationMs: z.number().int().nonnegative().max(RECORDING_MAX_DURATION_MS),
  mimeType: storableText().max(100).regex(RECORDING_MIME, 'an audio or video container: webm, ogg or mp4'),
  size: z.number().int().positive().max(UPLOAD_LIMITS.fileMax),
  /** Hex SHA-256 of the file, the same the upload is checked against. */
  sha256: storableText().regex(/^[0-9a-f]{64}$/),
  /** Absent from the recordings queued by a console of an earlier version, which did not number parts. */
  callPart: RecordingCallPartSchema.optional(),
});
export type RecordingMeta = z.infer<typeof RecordingMetaSchema>;

/** A recording as central lists it for a card. */
export const CardRecordingSchema = RecordingMetaSchema.extend({
  /** Null for a recording registered before parts were numbered: a call of one part. */
  callPart: RecordingCallPartSchema.nullable(),
  cardId: z.uuid(),
  accountId: z.uuid().nullable(),
  receivedAt: z.iso.datetime(),
});
export type CardRecording = z.infer<typeof CardRecordingSchema>;

/** Base64 of at most this many bytes per message between the window and main (a ~1 s chunk is far smaller). */
export const RECORDING_MESSAGE_MAX_BYTES = 4 * 1024 * 1024;
export const base64Of = (bytes: number) =>
  storableText()
    .max(Math.ceil(bytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The operator's console begins recording the call of a card (§17). */
export const RecordingBeginInputSchema = z.strictObject({
  cardId: z.uuid(),
  /** The call recorded: main numbers its parts (it outlives the window, which forgets them at a reload). */
  appealId: z.uuid(),
  mimeType: RecordingMetaSchema.shape.mimeType,
  startedAt: z.iso.datetime(),
});

/** One chunk of MediaRecorder's stream, `atMs` after the recording began (so the duration is known without the header). */
export const RecordingChunkInputSchema = z.strictObject({
  recordingId: z.uuid(),
  seq: z.number().int().nonnegative(),
  atMs: z.number().nonnegative().max(RECORDING_MAX_DURATION_MS),
  bytesBase64: base64Of(RECORDING_MESSAGE_MAX_BYTES),
});

/** Why a recording could not be had from central: its refusal, or that central is out of reach. */
export const RecordingProblemSchema = z.union([
  z.object({ ok: z.literal(false), refusal: RefusalOnWireSchema }),
  z.object({ ok: z.literal(false), offline: z.literal(true) }),
]);

export const RecordingListResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    recordings: z.array(CardRecordingSchema),
    callQuality: CallQualitySummarySchema.nullable(),
  }),
  RecordingProblemSchema,
]);

export const RecordingOpenResultSchema = z.union([
  z.object({
    ok: z.literal(true),
    size: z.number().int().nonnegative(),
    contentType: storableText().max(100),
  }),
  RecordingProblemSchema,
]);

export const RecordingSliceSchema = z.object({
  bytesBase64: base64Of(RECORDING_MESSAGE_MAX_BYTES),
  /** Where the next slice starts; null after the last. */
  next: z.number().int().nonnegative().nullable(),
});
