export { CardRefusalBanner } from './CardRefusalBanner';
export { CardSyncBadge } from './CardSyncBadge';
export { SyncStatusBar } from './SyncStatusBar';
export { selectCardSync } from './slice';
