import type { StateCreator } from 'zustand';
import { type CardFile, PHOTO_MAX_BYTES, type PhotoRefusal } from '../../../domain/files/cardFile';
import type { ApiError, ConsoleBridge } from '../../../domain/contract/ipc';
import type { ConsoleState } from '../../store';
import { blobFromBase64, readAsBase64 } from './photoBytes';

/** A photo that was not attached, by the name the operator chose it under. */
export type PhotoProblem = { name: string } & ({ refusal: PhotoRefusal } | { error: ApiError });

export interface CardPhotosSlice {
  // State
  /** The open card's files; other cards' are fetched again when opened. */
  cardFiles: { cardId: string | null; files: CardFile[] };
  /** Object URLs of photo previews by file id, made in this window from the photo's bytes. */
  photoPreviews: Record<string, string>;
  attachingPhotos: number;
  photoProblems: PhotoProblem[];
  // Actions
  showCardFiles(cardId: string | undefined): Promise<void>;
  /** Saves a new card first: an operator who attaches a photo expects it to land on this card. */
  attachPhotos(chosen: readonly File[]): Promise<void>;
  loadPhotoPreview(fileId: string): Promise<void>;
  cardFilesChanged(cardId: string, files: CardFile[]): void;
}

const upsertFile = (files: CardFile[], file: CardFile) =>
  files.some((f) => f.id === file.id) ? files.map((f) => (f.id === file.id ? file : f)) : [...files, file];

export const createCardPhotosSlice =
  (bridge: ConsoleBridge): StateCreator<ConsoleState, [], [], CardPhotosSlice> =>
  (set, get) => {
    const previewsAsked = new Set<string>();
    /** The id of the card on screen, saving it first (even with nothing typed yet) when it is new. */
    async function savedCardId(): Promise<string | undefined> {
      await get().saveCard({ evenIfBlank: true });
      const id = get().editor.id;
      // The list follows the card now, not when the form re-renders, so the new photo lands in it.
      if (id) await get().showCardFiles(id);
      return id;
    }

    async function attachOne(cardId: string, photo: File): Promise<PhotoProblem | null> {
      const name = photo.name;
      if (photo.size === 0) return { name, refusal: 'empty' };
      // Checked here too so a 40 MB file is never read; main checks again and decides.
      if (photo.size > PHOTO_MAX_BYTES) return { name, refusal: 'tooLarge' };
      const bytesBase64 = await readAsBase64(photo);
      if (bytesBase64 === null) return { name, error: { code: 'internal', messageKey: 'errors.internal' } };
      const result = await bridge.call('cards.attachPhoto', { cardId, name, bytesBase64 });
      if (!result.ok) return { name, error: result.error };
      if (!result.value.ok) return { name, refusal: result.value.refusal };
      const file = result.value.file;
      set((state) => ({
        photoPreviews: { ...state.photoPreviews, [file.id]: URL.createObjectURL(photo) },
        cardFiles:
          state.cardFiles.cardId === cardId
            ? { cardId, files: upsertFile(state.cardFiles.files, file) }
            : state.cardFiles,
      }));
      return null;
    }

    return {
      cardFiles: { cardId: null, files: [] },
      photoPreviews: {},
      attachingPhotos: 0,
      photoProblems: [],
      async showCardFiles(cardId) {
        if (get().cardFiles.cardId !== (cardId ?? null)) {
          // Previews of the card left behind are let go; they are made again if it is opened again.
          for (const url of Object.values(get().photoPreviews)) URL.revokeObjectURL(url);
          previewsAsked.clear();
          set({ cardFiles: { cardId: cardId ?? null, files: [] }, photoPreviews: {}, photoProblems: [] });
        }
        if (!cardId) return;
        const result = await bridge.call('cards.files', { cardId });
        if (result.ok && get().cardFiles.cardId === cardId)
          set({ cardFiles: { cardId, files: result.value } });
      },
      async attachPhotos(chosen) {
        if (chosen.length === 0) return;
        set((state) => ({ attachingPhotos: state.attachingPhotos + 1, photoProblems: [] }));
        try {
          const cardId = await savedCardId();
          if (!cardId) return;
          const problems: PhotoProblem[] = [];
          for (const photo of chosen) {
            const problem = await attachOne(cardId, photo);
            if (problem) problems.push(problem);
          }
          // Refusals belong to the card they were for: a form that moved on meanwhile does not show them.
          if (get().editor.id === cardId) set({ photoProblems: problems });
        } finally {
          set((state) => ({ attachingPhotos: state.attachingPhotos - 1 }));
        }
      },
      async loadPhotoPreview(fileId) {
        if (previewsAsked.has(fileId) || get().photoPreviews[fileId]) return;
        previewsAsked.add(fileId);
        const result = await bridge.call('cards.photo', { fileId });
        if (!result.ok || !get().cardFiles.files.some((f) => f.id === fileId)) return;
        const url = URL.createObjectURL(blobFromBase64(result.value.bytesBase64, result.value.contentType));
        set((state) => ({ photoPreviews: { ...state.photoPreviews, [fileId]: url } }));
      },
      cardFilesChanged: (cardId, files) =>
        set((state) => (state.cardFiles.cardId === cardId ? { cardFiles: { cardId, files } } : {})),
    };
  };
