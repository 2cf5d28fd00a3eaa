import type { Attachment } from '../../domain/appeals/appeal';
import type { AttachmentRef } from '../../domain/appeals/attachmentView';
import type { CentralFailure, SignedInCentral } from '../central/client';
import type { RecordingProblem } from '../recordings/recordingPlayer';

/** How much of an opened attachment one answer to the window carries (the host-mode socket's frames are bounded). */
const ATTACHMENT_SLICE_BYTES = 2 * 1024 * 1024;

const problemOf = (failure: CentralFailure): RecordingProblem =>
  failure.kind === 'http' && failure.refusal ? { refusal: failure.refusal } : { offline: true };

/**
 * A citizen's photos, voice messages and videos opened on the console (issue 12, item 1). The bytes come from
 * central through main's one door (central audits each read) and only the attachment on screen is held, in
 * memory: a citizen's file is never written to this workstation's disk. The window reads it in bounded slices.
 */
export function createAttachmentViewer(deps: { central: () => SignedInCentral | null }) {
  let held: { attachmentId: string; bytes: Buffer } | null = null;
  return {
    async list(
      appealId: string,
    ): Promise<{ ok: true; attachments: Attachment[] } | ({ ok: false } & RecordingProblem)> {
      const central = deps.central();
      if (!central) return { ok: false, offline: true };
      const answer = await central.call('GET /api/staff/appeals/:id/attachments', {
        params: { id: appealId },
      });
      return answer.ok
        ? { ok: true, attachments: answer.value.attachments }
        : { ok: false, ...problemOf(answer.failure) };
    },
    async open(
      ref: AttachmentRef,
    ): Promise<{ ok: true; size: number; contentType: string } | ({ ok: false } & RecordingProblem)> {
      held = null;
      const central = deps.central();
      if (!central) return { ok: false, offline: true };
      const answer = await central.download('GET /api/staff/appeals/:id/attachments/:attachmentId', {
        params: { id: ref.appealId, attachmentId: ref.attachmentId },
      });
      if (!answer.ok) return { ok: false, ...problemOf(answer.failure) };
      held = { attachmentId: ref.attachmentId, bytes: answer.value.bytes };
      return { ok: true, size: answer.value.bytes.length, contentType: answer.value.contentType };
    },
    /** A piece of the attachment last opened, from `offset`; null when it is not the one held. */
    slice(attachmentId: string, offset: number): { bytes: Buffer; next: number | null } | null {
      if (held?.attachmentId !== attachmentId || offset > held.bytes.length) return null;
      const end = Math.min(held.bytes.length, offset + ATTACHMENT_SLICE_BYTES);
      return { bytes: held.bytes.subarray(offset, end), next: end < held.bytes.length ? end : null };
    },
    /** The viewer closed: the bytes go with it. */
    close(): void {
      held = null;
    },
  };
}
export type AttachmentViewer = ReturnType<typeof createAttachmentViewer>;
