import { describe, expect, it } from 'vitest';
import { acknowledgementMsLeft, acknowledgementState } from '../../domain/dispatch/acknowledgement';

const sentAt = '2026-11-30T10:00:00.000Z';
const at = (seconds: number) => Date.parse(sentAt) + seconds * 1000;

describe('§13 acknowledgement timer', () => {
  it.each([
    [0, 'waiting', 60_000],
    [59.999, 'waiting', 1],
    [60, 'late', 60_000],
    [119, 'late', 1_000],
    [120, 'escalated', null],
  ] as const)('%s s after sending: %s', (seconds, state, left) => {
    expect(acknowledgementState({ sentAt }, at(seconds))).toBe(state);
    expect(acknowledgementMsLeft({ sentAt }, at(seconds))).toBe(left);
  });

  it('a taken card has no timer, an unsent one none at all', () => {
    expect(acknowledgementState({ sentAt, takenAt: sentAt }, at(500))).toBe('taken');
    expect(acknowledgementMsLeft({ sentAt, takenAt: sentAt }, at(10))).toBeNull();
    expect(acknowledgementState({ sentAt: null }, at(10))).toBeNull();
  });

  it('follows configured limits', () => {
    const limits = { lateAfterMs: 10_000, escalateAfterMs: 30_000 };
    expect(acknowledgementState({ sentAt }, at(15), limits)).toBe('late');
    expect(acknowledgementState({ sentAt }, at(30), limits)).toBe('escalated');
  });
});
