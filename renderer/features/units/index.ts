export { UnitsLayer } from './UnitsLayer';
export { UnitsPanel, type UnitWarning } from './UnitsPanel';
export { UNITS_PANEL_ID } from './ids';
