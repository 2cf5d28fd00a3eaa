import { describe, expect, it } from 'vitest';
import { type RingingCall, ringingOrder } from '../../../domain/calls/call';
import { neighbouringDepartments } from '../../../domain/calls/neighbours';
import type { Territory } from '../../../domain/places/territory';
import { summariseStats } from '../../../renderer/features/calls/callStats';

const aCall = (overrides: Partial<RingingCall>): RingingCall => ({
  appealId: '0197a6c0-0000-7000-8000-000000000001',
  number: '2026-000001',
  kind: 'callRequest',
  channel: 'widget',
  media: 'video',
  receivedAt: '2026-11-30T10:00:00.000Z',
  location: null,
  language: 'ru',
  escalated: false,
  ...overrides,
});

describe('the ringing order', () => {
  it('puts SOS first, then the longest waiting', () => {
    const old = aCall({ number: 'old', receivedAt: '2026-11-30T10:00:00.000Z' });
    const recent = aCall({ number: 'recent', receivedAt: '2026-11-30T10:00:05.000Z' });
    const sos = aCall({ number: 'sos', kind: 'sos', receivedAt: '2026-11-30T10:00:09.000Z' });
    expect([recent, sos, old].sort(ringingOrder).map((c) => c.number)).toEqual(['sos', 'old', 'recent']);
  });
});

describe('call quality from getStats', () => {
  const reports = (bytes: number, frames: number, lost: number, received: number) => [
    {
      id: 'in',
      type: 'inbound-rtp',
      kind: 'video',
      bytesReceived: bytes,
      framesDecoded: frames,
      packetsLost: lost,
      packetsReceived: received,
    },
    {
      id: 'pair',
      type: 'candidate-pair',
      state: 'succeeded',
      nominated: true,
      currentRoundTripTime: 0.042,
      localCandidateId: 'l',
      remoteCandidateId: 'r',
    },
    { id: 'l', type: 'local-candidate', candidateType: 'relay' },
    { id: 'r', type: 'remote-candidate', candidateType: 'host' },
  ];

  it('gives round-trip time, loss, frames decoded and the path through the relay', () => {
    const first = summariseStats(reports(1000, 10, 1, 99), null, 0);
    expect(first).toMatchObject({
      rttMs: 42,
      lossPercent: 1,
      framesDecoded: 10,
      relayed: true,
      bitrateKbps: null,
    });
  });

  it('measures the incoming bitrate between two samples', () => {
    const first = summariseStats(reports(1000, 10, 0, 100), null, 0);
    const second = summariseStats(reports(126_000, 40, 0, 200), first, 1000);
    expect(second.bitrateKbps).toBe(1000);
    expect(second.lossPercent).toBe(0);
  });
});

describe('neighbouring territories of a waiting call', () => {
  const square = (departmentId: string, lon: number, lat: number, size: number): Territory => ({
    departmentId,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + size, lat],
          [lon + size, lat + size],
          [lon, lat + size],
          [lon, lat],
        ],
      ],
    },
  });
  const territories = [
    square('own', 76.8, 43.2, 0.2),
    square('near', 77.0, 43.2, 0.2),
    square('far', 80, 45, 0.2),
  ];

  it('are the other territories whose border is within the radius of the caller', () => {
    expect(neighbouringDepartments(territories, 'own', { lat: 43.3, lon: 76.95 }, 30)).toEqual(['near']);
    expect(neighbouringDepartments(territories, 'own', { lat: 43.3, lon: 76.85 }, 5)).toEqual([]);
  });

  it('are none without the caller’s place', () => {
    expect(neighbouringDepartments(territories, 'own', null, 30)).toEqual([]);
  });
});
