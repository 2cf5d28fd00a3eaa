import { z } from 'zod';
import { storableText } from '../contract/text';
import { CardIdSchema } from '../cards/card';

/**
 * Photos an operator attaches to a card (фото / фотография), and later call recordings: kept on the
 * console and uploaded to central after their card (domain/files/upload.ts).
 */

/** The largest photo an operator may attach; the same limit central keeps for citizens' photos. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** A file name is for people to recognise the photo; longer names are cut, keeping the extension. */
export const FILE_NAME_MAX = 100;

/** Photo formats recognised by their first bytes, never by the name the operator's disk gave the file. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PhotoTypeSchema = z.enum(PHOTO_TYPES);
export type PhotoType = z.infer<typeof PhotoTypeSchema>;

/** How many base64 characters carry `bytes` bytes: the contract's ceiling for a photo in JSON. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

/** Plain base64 with padding; zod's own base64 check takes ~20 times longer on a 10 MB photo. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const AttachPhotoInputSchema = z.strictObject({
  cardId: CardIdSchema,
  /** The name on the operator's disk; main cleans it before it is stored or shown. */
  name: storableText().max(1000),
  /** The photo itself, base64 (host mode carries the contract as JSON); the size limit bounds the text too. */
  bytesBase64: storableText()
    .max(base64Length(PHOTO_MAX_BYTES), 'a photo is at most 10 MB')
    .regex(BASE64, 'not base64')
    .refine((text) => text.length % 4 === 0, 'not base64'),
});
export type AttachPhotoInput = z.infer<typeof AttachPhotoInputSchema>;

/** Why a photo was not attached, as the operator is told (each has a message in kk/ru/en). */
export const PHOTO_REFUSALS = ['empty', 'tooLarge', 'notAPhoto'] as const;
export const PhotoRefusalSchema = z.enum(PHOTO_REFUSALS);
export type PhotoRefusal = z.infer<typeof PhotoRefusalSchema>;

/**
 * Why an upload stopped; each but `missing` is tried again by itself:
 * `network` — central did not answer; `server` — central failed (5xx); `refused` — central refused the file
 * (4xx); `missing` — the file is gone from this console's data folder, so it can never be sent.
 */
export const UPLOAD_FAILURES = ['network', 'server', 'refused', 'missing'] as const;
export const UploadFailureSchema = z.enum(UPLOAD_FAILURES);
export type UploadFailure = z.infer<typeof UploadFailureSchema>;

/** Where a file's upload stands, as the operator sees it. */
export const FileUploadStateSchema = z.discriminatedUnion('state', [
  /** Not started: its card has not reached central yet, or the link is down. */
  z.object({ state: z.literal('waiting') }),
  z.object({ state: z.literal('uploading'), percent: z.number().int().min(0).max(100) }),
  z.object({ state: z.literal('uploaded') }),
  /** Central has it; this workstation removed its copy when the retention period ran out. */
  z.object({ state: z.literal('purged') }),
  z.object({ state: z.literal('failed'), reason: UploadFailureSchema }),
]);
export type FileUploadState = z.infer<typeof FileUploadStateSchema>;

export const CardFileSchema = z.object({
  id: z.uuid(),
  cardId: CardIdSchema,
  kind: z.enum(['photo', 'recording']),
  name: storableText().max(FILE_NAME_MAX),
  contentType: storableText(),
  size: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  upload: FileUploadStateSchema,
});
export type CardFile = z.infer<typeof CardFileSchema>;

export const AttachPhotoResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: CardFileSchema }),
  z.object({ ok: z.literal(false), refusal: PhotoRefusalSchema }),
]);
export type AttachPhotoResult = z.infer<typeof AttachPhotoResultSchema>;
