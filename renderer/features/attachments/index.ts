export { AppealAttachments } from './AppealAttachments';
export { AttachmentViewer } from './AttachmentViewer';
