/** Element ids the keyboard commands (commands/registry.ts) focus. */
export const UNITS_PANEL_ID = 'units-panel-list';
/** The status offered for the unit under the cursor, and the button that sets it (Alt+Shift+U). */
export const UNIT_STATUS_SELECT_ID = 'unit-status-select';
export const UNIT_STATUS_BUTTON_ID = 'unit-status-set';
