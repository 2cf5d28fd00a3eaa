export { UnitsLayer } from './UnitsLayer';
export { UnitsPanel } from './UnitsPanel';
export { UNITS_PANEL_ID } from './ids';
export { unitsPerFrame } from './frameBatch';
