export { InboxView } from './InboxView';
