import { z } from 'zod';
import { AttachmentSchema } from './appeal';
import { RecordingProblemSchema } from '../files/recording';

/**
 * A citizen's attachments opened inside the console (issue 12, item 1): listed from central for the appeal of
 * an inbox item or of a card, fetched through main (central audits every read), then handed to the window in
 * slices of the same bounded size as a recording's. A problem is central's refusal (attachment.notFound,
 * attachment.purged, …) or that central is out of reach: the same two a recording has.
 */
export const AppealAttachmentsSchema = z.object({ attachments: z.array(AttachmentSchema) });

export const AttachmentListResultSchema = z.union([
  z.object({ ok: z.literal(true), attachments: z.array(AttachmentSchema) }),
  RecordingProblemSchema,
]);
export type AttachmentListResult = z.infer<typeof AttachmentListResultSchema>;

export const AttachmentRefSchema = z.strictObject({ appealId: z.uuid(), attachmentId: z.uuid() });
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** The media types the window shows an attachment as; anything else is not shown (central sniffs on intake). */
export const VIEWABLE_TYPE = /^(image\/(jpeg|png|webp)|audio\/(ogg|mp4|mpeg|wav|webm)|video\/(webm|mp4))$/;

/** What the viewer draws an attachment with, from the type central stored it under. */
export function viewerOf(contentType: string): 'image' | 'audio' | 'video' | null {
  if (!VIEWABLE_TYPE.test(contentType)) return null;
  return contentType.startsWith('image/') ? 'image' : contentType.startsWith('audio/') ? 'audio' : 'video';
}
