/** The call shortcuts, shown on the buttons and registered as commands (F1 lists them). */
export const ACCEPT_CALL_KEYS = 'Alt+A';
export const HANG_UP_KEYS = 'Alt+H';
export const MUTE_KEYS = 'Alt+U';
export const HOLD_KEYS = 'Alt+K';
