/** Element ids the keyboard commands (commands/registry.ts) focus. */
export const UNITS_PANEL_ID = 'units-panel-list';
