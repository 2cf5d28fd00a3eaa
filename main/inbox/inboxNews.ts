import { ServerMessageSchema } from '../../domain/contract/realtime';

/** Central's socket frames that change what waits in an inbox: a new appeal, a claim, a status, a call taken. */
const INBOX_NEWS = new Set(['appeal.new', 'appeal.status', 'inbox.claim', 'call.taken', 'call.escalated']);

/**
 * Whether a frame from central's socket changes the inbox: the window then reads it again at once, so a
 * citizen's text shows up as it arrives rather than at the next fallback refresh (issue 12, item 1).
 */
export function isInboxNews(json: unknown): boolean {
  const parsed = ServerMessageSchema.safeParse(json);
  return parsed.success && INBOX_NEWS.has(parsed.data.type);
}
