import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NetworkProgress, measureNetwork } from '../../main/workstation/network';
import Fastify from 'fastify';
import { registerNetRoutes } from '../../central/net/routes';
import { startNetStandIn } from '../support/workstationNetStandIn';

describe('the §27 network test against central', () => {
  let standIn: Awaited<ReturnType<typeof startNetStandIn>>;
  beforeAll(async () => {
    standIn = await startNetStandIn();
  });
  afterAll(() => standIn.close());

  it('measures download, upload and round trip in a few seconds, reporting progress', async () => {
    const progress: NetworkProgress[] = [];
    const result = await measureNetwork({ centralUrl: standIn.url, onProgress: (p) => progress.push(p) });
    if (result.state !== 'measured')
      throw new Error(`expected a measurement, got ${JSON.stringify(result.reason)}`);
    const { value } = result;
    console.log(
      `loopback: ↓ ${value.downloadMbps} Mbit/s, ↑ ${value.uploadMbps} Mbit/s, RTT ${value.roundTripMs} ms, ${value.durationMs} ms`,
    );
    expect(value.downloadMbps).toBeGreaterThan(20);
    expect(value.uploadMbps).toBeGreaterThan(20);
    expect(value.roundTripSamplesMs).toHaveLength(6);
    expect(value.roundTripMs).toBeLessThan(200);
    expect(value.durationMs).toBeLessThan(10_000);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['ping', 'download', 'upload']));
    expect(progress.at(-1)?.fraction).toBe(1);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('measures a slow link below the §27 minimum and still finishes in seconds', async () => {
    const slow = await startNetStandIn({ downloadMbps: 8 });
    try {
      const result = await measureNetwork({ centralUrl: slow.url });
      if (result.state !== 'measured')
        throw new Error(`expected a measurement, got ${JSON.stringify(result.reason)}`);
      console.log(
        `paced at 8 Mbit/s: ↓ ${result.value.downloadMbps} Mbit/s in ${result.value.durationMs} ms`,
      );
      expect(result.value.downloadMbps).toBeGreaterThan(4);
      expect(result.value.downloadMbps).toBeLessThan(10);
      expect(result.value.durationMs).toBeLessThan(8_000);
    } finally {
      await slow.close();
    }
  });

  it('answers unknown "central unreachable" with the connection error when central is down', async () => {
    const down = await startNetStandIn();
    await down.close();
    expect(await measureNetwork({ centralUrl: down.url })).toEqual({
      state: 'unknown',
      reason: { code: 'central_unreachable', detail: 'ECONNREFUSED' },
    });
  });

  it('answers unknown with the status when central lacks the endpoints', async () => {
    const result = await measureNetwork({ centralUrl: `${standIn.url}/not-central` });
    expect(result).toEqual({
      state: 'unknown',
      reason: { code: 'central_unreachable', detail: 'HTTP 404 from /api/net/ping' },
    });
  });

  it('answers unknown "central not configured" without touching the network', async () => {
    expect(await measureNetwork({ centralUrl: null })).toEqual({
      state: 'unknown',
      reason: { code: 'central_not_configured', detail: '' },
    });
  });

  it("measures through central's own /api/net routes (central/net/routes.ts on Fastify)", async () => {
    const app = Fastify();
    // Every caller counts as signed in here: the probe's sign-in check is central's, proved in rateLimits.test.ts.
    registerNetRoutes(app, { auth: { authenticate: async () => undefined } });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const result = await measureNetwork({ centralUrl: url });
      if (result.state !== 'measured')
        throw new Error(`expected a measurement, got ${JSON.stringify(result.reason)}`);
      const { value } = result;
      console.log(
        `central routes on loopback: ↓ ${value.downloadMbps} Mbit/s, ↑ ${value.uploadMbps} Mbit/s, RTT ${value.roundTripMs} ms`,
      );
      expect(value.downloadMbps).toBeGreaterThan(20);
      expect(value.uploadMbps).toBeGreaterThan(20);
    } finally {
      await app.close();
    }
  });
});
