import { describe, expect, it } from 'vitest';
import { CitizenBacklog } from '../../../central/realtime/citizenBacklog';
import type { CallSignal } from '../../../domain/contract/realtime';

const APPEAL = '0197a6c0-0000-7000-8000-000000000001';
const aSignal = (signal: CallSignal) => ({
  type: 'call.signal' as const,
  appealId: APPEAL,
  from: 'operator' as const,
  signal,
});
const offer = (sdp: string) => aSignal({ kind: 'offer', sdp });
const candidate = aSignal({ kind: 'ice', candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 });

describe("the operator's signals held for a citizen without a socket", () => {
  it('hands over the newest offer with what followed it, once', () => {
    const backlog = new CitizenBacklog();
    backlog.hold(APPEAL, offer('first'), 0);
    backlog.hold(APPEAL, candidate, 1);
    backlog.hold(APPEAL, offer('restart'), 2);
    backlog.hold(APPEAL, candidate, 3);
    expect(backlog.take(APPEAL, 4)).toEqual([offer('restart'), candidate]);
    expect(backlog.take(APPEAL, 5)).toEqual([]);
  });

  it('holds nothing for a citizen who already came (a restart offer during their blip is made again)', () => {
    const backlog = new CitizenBacklog();
    backlog.take(APPEAL, 0);
    backlog.hold(APPEAL, offer('restart'), 1);
    expect(backlog.take(APPEAL, 2)).toEqual([]);
  });

  it('forgets what nobody came for within a minute', () => {
    const backlog = new CitizenBacklog();
    backlog.hold(APPEAL, offer('first'), 0);
    expect(backlog.take(APPEAL, 60_001)).toEqual([]);
  });
});
