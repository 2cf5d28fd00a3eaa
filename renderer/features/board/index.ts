export { BoardView } from './BoardView';
export { BoardCardPanel } from './BoardCardPanel';
export { EscalationNotice } from './EscalationNotice';
export { WarningList } from './WarningList';
export { type BoardSlice, createBoardSlice } from './slice';
export { selectCardWarnings } from './selectors';
export { BOARD_IDS } from './ids';
