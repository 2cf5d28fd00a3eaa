/** The call shortcuts, shown on the buttons and registered as commands (F1 lists them). */
export const ACCEPT_CALL_KEYS = 'Alt+A';
export const HANG_UP_KEYS = 'Alt+H';
export const MUTE_KEYS = 'Alt+U';
export const HOLD_KEYS = 'Alt+K';

/** The keys in force for the call commands (IT may configure others), as the buttons show them. */
export interface CallKeys {
  accept: string;
  hangUp: string;
  mute: string;
  hold: string;
}
