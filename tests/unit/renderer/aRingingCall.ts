import type { RingingCall } from '../../../domain/calls/call';

/** The n-th ringing widget video call (n = 0 is an SOS), just received, with no place yet. */
export const aRingingCall = (n: number): RingingCall => ({
  appealId: `0193a1b2-0000-7000-8000-${String(n).padStart(12, '0')}`,
  number: `A-${n}`,
  kind: n === 0 ? 'sos' : 'callRequest',
  channel: 'widget',
  media: 'video',
  receivedAt: new Date().toISOString(),
  location: null,
  language: 'ru',
  escalated: false,
});
