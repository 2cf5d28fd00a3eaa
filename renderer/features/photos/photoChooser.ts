/** The card's hidden file input; the "Attach photo" button and Alt+P (commands/registry.ts) both open it. */
export const PHOTO_INPUT_ID = 'card-photo-input';

/** Works from a click or a key press: either counts as the operator's gesture, so the chooser may open. */
export const openPhotoChooser = () => document.getElementById(PHOTO_INPUT_ID)?.click();
