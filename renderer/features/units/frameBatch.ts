import type { Unit } from '../../../domain/dispatch/unit';

/**
 * A hidden tab gets no animation frames; its units still reach the store this late at most (a hidden tab's
 * timers are slowed too, but not stopped).
 */
const FALLBACK_MS = 250;

/**
 * Units that arrive from the console's socket, handed to the store once per animation frame: central sends a
 * territory's positions in several frames a second, and each would otherwise copy the units and wake every
 * screen that shows them. The latest state of a unit wins; the order of first arrival is kept.
 */
export function unitsPerFrame(apply: (units: Unit[]) => void): (units: readonly Unit[]) => void {
  const waiting = new Map<string, Unit>();
  let frame: number | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    if (fallback !== null) clearTimeout(fallback);
    frame = null;
    fallback = null;
    const units = [...waiting.values()];
    waiting.clear();
    if (units.length > 0) apply(units);
  };
  return (units) => {
    for (const unit of units) waiting.set(unit.id, unit);
    if (frame !== null) return;
    frame = requestAnimationFrame(flush);
    fallback = setTimeout(flush, FALLBACK_MS);
  };
}
