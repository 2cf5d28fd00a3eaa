import { describe, expect, it } from 'vitest';
import { isInboxNews } from '../../main/inbox/inboxNews';

const appealId = '0190f0f0-0000-7000-8000-0000000000a1';

describe("central's socket frames that make the inbox read again (issue 12, item 1)", () => {
  it.each([
    ['a claim', { type: 'inbox.claim', appealId, claimedBy: null }],
    ['a status', { type: 'appeal.status', appealId, status: 'inProgress' }],
    ['a call taken', { type: 'call.taken', appealId, operatorId: appealId }],
  ])('%s is inbox news', (_name, frame) => {
    expect(isInboxNews(frame)).toBe(true);
  });

  it.each([
    ['a pong', { type: 'pong', t: 1 }],
    ['a frame central never sends', { type: 'inbox.claim' }],
    ['not a frame at all', 'appeal.new'],
    ['nothing', null],
  ])('%s is not', (_name, frame) => {
    expect(isInboxNews(frame)).toBe(false);
  });
});
