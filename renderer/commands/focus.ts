/** A view switch renders on the next frame; wait that long (a few frames at most) for the element. */
const MAX_FRAMES = 30;

/**
 * Acts on the element with `id` once it is on screen: a command that first opens its section acts on the
 * section's controls after React has drawn them.
 */
export function whenShown(id: string, act: (element: HTMLElement) => void, framesLeft = MAX_FRAMES): void {
  const element = document.getElementById(id);
  if (element) return act(element);
  if (framesLeft > 0) requestAnimationFrame(() => whenShown(id, act, framesLeft - 1));
}

export const focusWhenShown = (id: string): void => whenShown(id, (element) => element.focus());
