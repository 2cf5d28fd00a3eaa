export { CardSyncBadge } from './CardSyncBadge';
export { SyncStatusBar } from './SyncStatusBar';
export { selectCardSync } from './slice';
