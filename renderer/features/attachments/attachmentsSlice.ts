import type { StateCreator } from 'zustand';
import type { Attachment } from '../../../domain/appeals/appeal';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import type { RefusalOnWire } from '../../../domain/contract/refusal';
import type { ConsoleState } from '../../store';
import { blobFromBase64 } from '../photos/photoBytes';

/** Why an attachment (or the list) is not shown: central's refusal, central out of reach, or a failed call. */
export type AttachmentProblem = { refusal: RefusalOnWire } | { offline: true } | { failed: true };

/** The attachments of one appeal as central lists them now. */
export interface AppealAttachmentsState {
  appealId: string | null;
  loading: boolean;
  attachments: Attachment[];
  problem: AttachmentProblem | null;
}

/** The attachment on screen: its object URL once its bytes are here, or why they are not. */
export interface AttachmentViewerState {
  appealId: string;
  attachments: Attachment[];
  index: number;
  url: string | null;
  problem: AttachmentProblem | null;
}

export interface AttachmentsSlice {
  appealAttachments: AppealAttachmentsState;
  attachmentViewer: AttachmentViewerState | null;
  loadAppealAttachments(appealId: string): Promise<void>;
  /** Opens the viewer on one of the appeal's attachments (issue 12: inside the console, never a download). */
  viewAttachment(appealId: string, attachments: Attachment[], index: number): Promise<void>;
  /** Alt+V: the appeal's attachments from the first; their list is asked for when it is not the one held. */
  viewAppealAttachments(appealId: string): Promise<void>;
  /** The previous or next attachment of the same appeal, round the end. */
  stepAttachment(by: 1 | -1): void;
  closeAttachmentViewer(): void;
}

const problemOf = (answer: { ok: false; refusal: RefusalOnWire } | { ok: false; offline: true }) =>
  'refusal' in answer ? { refusal: answer.refusal } : { offline: true as const };

export const createAttachmentsSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], AttachmentsSlice> =>
  (set, get) => {
    const release = () => {
      const url = get().attachmentViewer?.url;
      if (url) URL.revokeObjectURL(url);
    };
    /** Fetches the bytes of the viewer's current attachment, unless the operator moved on meanwhile. */
    async function fetchShown(appealId: string, attachment: Attachment): Promise<void> {
      const still = () => {
        const viewer = get().attachmentViewer;
        return viewer?.appealId === appealId && viewer.attachments[viewer.index]?.id === attachment.id;
      };
      const show = (change: Pick<AttachmentViewerState, 'url' | 'problem'>) => {
        const viewer = get().attachmentViewer;
        if (viewer && still()) set({ attachmentViewer: { ...viewer, ...change } });
        else if (change.url) URL.revokeObjectURL(change.url);
      };
      const opened = await bridge.call('attachments.open', { appealId, attachmentId: attachment.id });
      if (!opened.ok) return show({ url: null, problem: { failed: true } });
      if (!opened.value.ok) return show({ url: null, problem: problemOf(opened.value) });
      const { contentType } = opened.value;
      const parts: Blob[] = [];
      for (let offset: number | null = 0; offset !== null;) {
        if (!still()) return;
        const slice: Awaited<ReturnType<typeof bridge.call<'attachments.read'>>> = await bridge.call(
          'attachments.read',
          { attachmentId: attachment.id, offset },
        );
        if (!slice.ok) return show({ url: null, problem: { failed: true } });
        parts.push(blobFromBase64(slice.value.bytesBase64, contentType));
        offset = slice.value.next;
      }
      show({ url: URL.createObjectURL(new Blob(parts, { type: contentType })), problem: null });
    }

    return {
      appealAttachments: { appealId: null, loading: false, attachments: [], problem: null },
      attachmentViewer: null,
      async loadAppealAttachments(appealId) {
        set({ appealAttachments: { appealId, loading: true, attachments: [], problem: null } });
        const answer = await bridge.call('attachments.list', { appealId });
        if (get().appealAttachments.appealId !== appealId) return;
        set({
          appealAttachments: !answer.ok
            ? { appealId, loading: false, attachments: [], problem: { failed: true } }
            : answer.value.ok
              ? { appealId, loading: false, attachments: answer.value.attachments, problem: null }
              : { appealId, loading: false, attachments: [], problem: problemOf(answer.value) },
        });
      },
      async viewAttachment(appealId, attachments, index) {
        const attachment = attachments[index];
        if (!attachment) return;
        release();
        set({ attachmentViewer: { appealId, attachments, index, url: null, problem: null } });
        await fetchShown(appealId, attachment);
      },
      async viewAppealAttachments(appealId) {
        if (get().appealAttachments.appealId !== appealId || get().appealAttachments.problem)
          await get().loadAppealAttachments(appealId);
        const { attachments, problem } = get().appealAttachments;
        // Nothing to show, or the list itself could not be had: the panel says which, the viewer stays shut.
        if (problem || attachments.length === 0) return;
        await get().viewAttachment(appealId, attachments, 0);
      },
      stepAttachment(by) {
        const viewer = get().attachmentViewer;
        if (!viewer || viewer.attachments.length < 2) return;
        const count = viewer.attachments.length;
        void get().viewAttachment(viewer.appealId, viewer.attachments, (viewer.index + by + count) % count);
      },
      closeAttachmentViewer() {
        release();
        set({ attachmentViewer: null });
        void bridge.call('attachments.close', {});
      },
    };
  };
