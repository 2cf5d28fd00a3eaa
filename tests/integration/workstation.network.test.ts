import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NetworkProgress, measureNetwork } from '../../main/workstation/network';
import Fastify from 'fastify';
import { installErrorHandler } from '../../central/http/errors';
import { HttpProblem } from '../../central/http/problem';
import { registerNetRoutes } from '../../central/net/routes';
import { refusal } from '../../domain/contract/refusal';
import { startNetStandIn } from '../support/workstationNetStandIn';

/** The signed-in account's token; the stand-in takes any, central checks it (see below). */
const signedIn = async () => 'a-token';

describe('the §27 network test against central', () => {
  let standIn: Awaited<ReturnType<typeof startNetStandIn>>;
  beforeAll(async () => {
    standIn = await startNetStandIn();
  });
  afterAll(() => standIn.close());

  it('measures download, upload and round trip in a few seconds, reporting progress', async () => {
    const progress: NetworkProgress[] = [];
    const result = await measureNetwork({
      centralUrl: standIn.url,
      accessToken: signedIn,
      onProgress: (p) => progress.push(p),
    });
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
      const result = await measureNetwork({ centralUrl: slow.url, accessToken: signedIn });
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
    expect(await measureNetwork({ centralUrl: down.url, accessToken: signedIn })).toEqual({
      state: 'unknown',
      reason: { code: 'central_unreachable', detail: 'ECONNREFUSED' },
    });
  });

  it('answers unknown with the status when central lacks the endpoints', async () => {
    const result = await measureNetwork({ centralUrl: `${standIn.url}/not-central`, accessToken: signedIn });
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
    // Only the token the console sends counts as signed in: without it central refuses the transfers.
    registerNetRoutes(app, {
      auth: {
        authenticate: async (token: string | undefined) => {
          if (token !== 'a-token') throw new HttpProblem(401, refusal('auth.required'), 'sign in first');
          return { role: 'operator' as const };
        },
      },
    });
    installErrorHandler(app);
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const result = await measureNetwork({ centralUrl: url, accessToken: signedIn });
      if (result.state !== 'measured')
        throw new Error(`expected a measurement, got ${JSON.stringify(result.reason)}`);
      const { value } = result;
      console.log(
        `central routes on loopback: ↓ ${value.downloadMbps} Mbit/s, ↑ ${value.uploadMbps} Mbit/s, RTT ${value.roundTripMs} ms`,
      );
      expect(value.downloadMbps).toBeGreaterThan(20);
      expect(value.uploadMbps).toBeGreaterThan(20);
      // A token central does not know is refused as central being unusable, never measured.
      expect(await measureNetwork({ centralUrl: url, accessToken: async () => 'stolen' })).toMatchObject({
        state: 'unknown',
      });
    } finally {
      await app.close();
    }
  });

  it('waits for a sign-in before it transfers anything, and says so', async () => {
    expect(await measureNetwork({ centralUrl: standIn.url, accessToken: async () => null })).toEqual({
      state: 'unknown',
      reason: { code: 'signed_out', detail: '' },
    });
    expect(await measureNetwork({ centralUrl: standIn.url })).toMatchObject({
      state: 'unknown',
      reason: { code: 'signed_out' },
    });
  });
});
