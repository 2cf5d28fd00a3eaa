/** The board's controls its hotkeys press or focus (commands/registry.ts), so keys and clicks take one path. */
export const BOARD_IDS = {
  list: 'board-list',
  take: 'board-take',
  forward: 'board-forward',
  register: 'board-kuizh-number',
  close: 'board-outcome',
  identify: 'board-identify',
  check: 'board-check-name',
} as const;
