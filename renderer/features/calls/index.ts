export { CallDock } from './CallDock';
export { createCallsSlice, type CallsSlice } from './callsSlice';
export { ACCEPT_CALL_KEYS, HANG_UP_KEYS, HOLD_KEYS, MUTE_KEYS } from './keys';
