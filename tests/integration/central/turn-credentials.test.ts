import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt } from '../../../domain/appeals/appeal';
import { IceConfigSchema } from '../../../domain/calls/iceConfig';
import { turnCredentials } from '../../../central/turn/turnCredentials';
import { type Coturn, startCoturn } from '../../support/coturn';
import { allocateRelay } from '../../support/turnAllocate';
import { anAppeal } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

/** Central's TURN REST credentials against a real coturn with `use-auth-secret` (README "Calls: STUN/TURN"). */
describe('TURN credentials from central work on a real coturn', () => {
  let coturn: Coturn;
  let central: TestCentral;
  beforeAll(async () => {
    coturn = await startCoturn();
    central = await startTestCentral({
      pglite: true,
      turn: {
        stunUrls: [coturn.stunUrl],
        turnUrls: [coturn.turnUrl],
        secret: coturn.secret,
        ttlSeconds: 600,
      },
    });
  }, 30_000);
  afterAll(async () => {
    await central?.close();
    await coturn?.stop();
  });

  const turnServer = (config: unknown) => {
    const parsed = IceConfigSchema.parse(config);
    const turn = parsed.iceServers.find((s) => s.urls.some((u) => u.startsWith('turn:')));
    if (!turn?.username || !turn.credential) throw new Error('no TURN server with credentials');
    return { parsed, username: turn.username, credential: turn.credential };
  };

  it("an operator's credentials allocate a relay; only the configured servers are handed out", async () => {
    const reply = await central.call('GET', '/api/staff/calls/ice', {
      token: await central.token('operator'),
    });
    expect(reply.status).toBe(200);
    const { parsed, username, credential } = turnServer(reply.body);
    expect(parsed.iceServers.flatMap((s) => s.urls)).toEqual([coturn.stunUrl, coturn.turnUrl]);
    const [expiry, id] = username.split(':');
    expect(Number(expiry)).toBeGreaterThan(Date.now() / 1000 + 590);
    expect(Number(expiry)).toBeLessThanOrEqual(Date.now() / 1000 + 601);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(parsed.expiresAt).getTime()).toBe(Number(expiry) * 1000);

    const allocated = await allocateRelay(coturn, { username, credential });
    expect(allocated).toMatchObject({ ok: true, relayedAddress: '127.0.0.1' });
  });

  it("a citizen's credentials for their own call allocate a relay; a text appeal gets none", async () => {
    const call = await central.call<AppealReceipt>('POST', '/api/appeals', {
      body: anAppeal({ kind: 'callRequest', anonymous: true }),
    });
    const reply = await central.call('GET', `/api/appeals/${call.body.id}/ice`, {
      headers: { 'x-citizen-token': call.body.citizenToken },
    });
    expect(reply.status).toBe(200);
    const { username, credential } = turnServer(reply.body);
    expect(username).toMatch(new RegExp(`:appeal-${call.body.id}$`));
    expect(await allocateRelay(coturn, { username, credential })).toMatchObject({ ok: true });

    const wrongToken = await central.call('GET', `/api/appeals/${call.body.id}/ice`, {
      headers: { 'x-citizen-token': 'not-the-token' },
    });
    expect(wrongToken.status).toBe(404);
    expect(wrongToken.body).toMatchObject({ code: 'appeal.notFound' });

    const text = await central.call<AppealReceipt>('POST', '/api/appeals', { body: anAppeal() });
    const textIce = await central.call('GET', `/api/appeals/${text.body.id}/ice`, {
      headers: { 'x-citizen-token': text.body.citizenToken },
    });
    expect(textIce.status).toBe(404);
    expect(textIce.body).toMatchObject({ code: 'call.notFound' });
  });

  it('coturn refuses a wrong password, a forged username and expired credentials (401)', async () => {
    const reply = await central.call('GET', '/api/staff/calls/ice', {
      token: await central.token('operator'),
    });
    const { username, credential } = turnServer(reply.body);

    const wrong = await allocateRelay(coturn, { username, credential: `${credential.slice(0, -2)}x=` });
    expect(wrong).toMatchObject({ ok: false, errorCode: 401 });

    // Moving the expiry forward without the secret cannot produce a matching password.
    const [, id] = username.split(':');
    const forged = await allocateRelay(coturn, {
      username: `${Math.floor(Date.now() / 1000) + 86_400}:${id}`,
      credential,
    });
    expect(forged).toMatchObject({ ok: false, errorCode: 401 });

    // Signed with the right secret but already past its expiry.
    const expired = turnCredentials(coturn.secret, 'someone', 60, new Date(Date.now() - 120_000));
    expect(await allocateRelay(coturn, expired)).toMatchObject({ ok: false, errorCode: 401 });
    // The same scheme one minute into the future is accepted: the refusal above is the expiry, not the scheme.
    const fresh = turnCredentials(coturn.secret, 'someone', 60);
    expect(await allocateRelay(coturn, fresh)).toMatchObject({ ok: true });
  });

  it('roles that never take calls get no TURN credentials', async () => {
    const reply = await central.call('GET', '/api/staff/calls/ice', { token: await central.token('head') });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'role.forbidden' });
  });
});
