import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestCentral } from '../../support/central/central';
import { openSocket } from '../../support/central/client';

describe('central stops within seconds whatever its clients do', () => {
  it('a request whose body never comes and an open socket do not hold the stop', async () => {
    const t = await startTestCentral();
    const { port, hostname } = new URL(t.url);
    // A client that sent its headers and a tenth of its body, then went quiet (a console whose network froze).
    const stalled = connect(Number(port), hostname);
    stalled.on('error', () => undefined);
    stalled.write(
      'POST /api/appeals HTTP/1.1\r\nHost: central\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"kind":',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const socket = await openSocket(t.url, `token=${await t.token('operator')}`);
    const startedAt = Date.now();
    // Before, Fastify's close waited for that request for ever, and the stop with it.
    await t.close();
    expect(Date.now() - startedAt).toBeLessThan(8_000);
    stalled.destroy();
    socket.close();
  }, 30_000);
});
