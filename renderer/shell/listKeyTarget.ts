/**
 * Where a key moves the selection of a keyboard-driven list (the inbox, the board): ↑/↓ one row, PgUp/PgDn a
 * screenful, Home/End the ends, always inside the list. Null for any other key, or when the list is empty, so
 * the caller leaves that key alone (Enter, letters, the hotkeys).
 */
export function listKeyTarget(key: string, index: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const page = Math.max(1, pageRows);
  const moves: Record<string, number | undefined> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    PageDown: index + page,
    PageUp: index - page,
    Home: 0,
    End: count - 1,
  };
  const to = moves[key];
  return to === undefined ? null : Math.max(0, Math.min(to, count - 1));
}

/** How many whole rows of `rowHeight` a list `height` tall shows: a page for PgUp/PgDn, at least one. */
export function rowsPerPage(height: number | undefined, rowHeight: number): number {
  return Math.max(1, Math.floor((height ?? rowHeight) / rowHeight));
}
