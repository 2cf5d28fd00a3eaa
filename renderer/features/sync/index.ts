export { CardSyncBadge } from './CardSyncBadge';
export { SyncStatusBar } from './SyncStatusBar';
