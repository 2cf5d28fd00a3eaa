import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealReceipt, AppealStaffView } from '../../../domain/appeals/appeal';
import { anAppeal, PLACES } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(() => t.close());

const register = async (appeal: Record<string, unknown>) => {
  const r = await t.call<AppealReceipt>('POST', '/api/appeals', { body: appeal });
  expect(r.status).toBe(201);
  return r.body;
};
const staffView = async (id: string, login = 'operator') =>
  (
    await t.call<{ appeal: AppealStaffView }>('GET', `/api/staff/appeals/${id}`, {
      token: await t.token(login),
    })
  ).body.appeal;

describe('appeal intake from every channel (§2, §7)', () => {
  it('registers an appeal at once with a number and a status', async () => {
    const receipt = await register(anAppeal());
    expect(receipt).toMatchObject({
      number: expect.stringMatching(/^\d{4}-\d{6}$/),
      status: 'registered',
      citizenToken: expect.any(String),
    });
  });

  it('registers a burst of appeals together, each with its own number and department', async () => {
    const places = [PLACES.almatyCentre, PLACES.astana, PLACES.medeu];
    const receipts = await Promise.all(
      Array.from({ length: 60 }, (_, i) => register(anAppeal({ location: places[i % 3], anonymous: true }))),
    );
    expect(new Set(receipts.map((r) => r.number)).size).toBe(60);
    expect(receipts.map((r) => r.departmentId)).toEqual(
      Array.from({ length: 60 }, (_, i) => ['kz-almaty', 'kz-astana', 'kz-almaty-medeu'][i % 3]),
    );
  });

  it('routes an appeal to the department of its territory (§8)', async () => {
    expect((await register(anAppeal({ location: PLACES.astana }))).departmentId).toBe('kz-astana');
    expect((await register(anAppeal({ location: PLACES.medeu }))).departmentId).toBe('kz-almaty-medeu');
  });

  it('sends an appeal with no location to the region the citizen chose, else to the fallback queue (§8)', async () => {
    const chosen = await register(anAppeal({ location: null, chosenDepartmentId: 'kz-pavlodar' }));
    expect(chosen.departmentId).toBe('kz-pavlodar');
    const lost = await register(anAppeal({ location: PLACES.caspianSea }));
    expect(lost.departmentId).toBeNull();
    expect((await staffView(lost.id)).routedBy).toBe('fallbackQueue');
  });

  it("keeps the place in the citizen's words when the device found none (the widget asks no coordinates)", async () => {
    const receipt = await register(
      anAppeal({ location: null, addressText: 'Абай даңғылы, 10, базар жанында' }),
    );
    expect(await staffView(receipt.id)).toMatchObject({
      location: null,
      addressText: 'Абай даңғылы, 10, базар жанында',
    });
    expect((await staffView((await register(anAppeal())).id)).addressText).toBeNull();
  });

  it('takes an appeal with neither a name nor a phone: both are optional (issue 16)', async () => {
    await register(anAppeal({ applicant: {} }));
  });

  it('keeps no identity for an anonymous appeal (seed 002)', async () => {
    const receipt = await register(anAppeal({ anonymous: true }));
    expect(await staffView(receipt.id)).toMatchObject({ anonymous: true, applicant: null });
    const both = await t.call('POST', '/api/appeals', {
      body: anAppeal({ anonymous: true, applicant: { name: 'X' } }),
    });
    expect(both.status).toBe(400);
  });

  it("shows the applicant's identity only to roles that act on it (§10, §14)", async () => {
    const receipt = await register(anAppeal());
    expect((await staffView(receipt.id, 'operator')).applicant).toMatchObject({ name: 'Айгерим Сапарова' });
    expect((await staffView(receipt.id, 'supervisor')).applicant).toBeNull();
  });

  it('accepts every citizen channel, with via for Заң мен Тәртіп', async () => {
    for (const channel of ['app102', 'telegram', 'vk', 'widget', 'email'])
      await register(anAppeal({ channel }));
    await register(anAppeal({ channel: 'zanMenTartip', via: 'kaspi', category: 'officerComplaint' }));
    expect(
      (await t.call('POST', '/api/appeals', { body: anAppeal({ channel: 'zanMenTartip' }) })).status,
    ).toBe(400);
  });

  it('requires a location for an SOS alarm (§18)', async () => {
    expect(
      (await t.call('POST', '/api/appeals', { body: anAppeal({ kind: 'sos', location: undefined }) })).status,
    ).toBe(400);
    await register(anAppeal({ kind: 'sos', anonymous: true }));
  });

  it('lets the citizen follow the status with their token, and nobody else', async () => {
    const receipt = await register(anAppeal({ kind: 'callRequest', media: 'audio' }));
    const poll = (token: string) =>
      t.call<{ status: string }>('GET', `/api/appeals/${receipt.id}`, {
        headers: { 'x-citizen-token': token },
      });
    expect((await poll(receipt.citizenToken)).body.status).toBe('registered');
    expect((await poll('someone-else')).status).toBe(404);
    await t.call('POST', `/api/staff/calls/${receipt.id}/accept`, { token: await t.token('operator') });
    expect((await poll(receipt.citizenToken)).body.status).toBe('inProgress');
  });
});

describe('workstation readiness and network test endpoints (§27)', () => {
  it('measures download, upload and round trip for a signed-in workstation', async () => {
    const token = await t.token('operator');
    const download = await fetch(`${t.url}/api/net/download?bytes=1048576`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.headers.get('cache-control')).toBe('no-store');
    expect((await download.arrayBuffer()).byteLength).toBe(1048576);
    const upload = await t.call('POST', '/api/net/upload', {
      token,
      raw: Buffer.alloc(5 * 1024 * 1024, 7),
      contentType: 'application/octet-stream',
    });
    expect(upload).toMatchObject({ status: 200, body: { bytes: 5 * 1024 * 1024 } });
    expect((await t.call<{ t: number }>('GET', '/api/net/ping')).body.t).toBeGreaterThan(0);
  });

  it('keeps the last readiness report per workstation for the admin', async () => {
    const report = (ok: boolean) => ({ workstationId: 'zhbo-almaty-07', report: { ok, ramGb: 16 } });
    for (const ok of [false, true]) {
      expect(
        (
          await t.call('POST', '/api/workstations/report', {
            token: await t.token('operator'),
            body: report(ok),
          })
        ).status,
      ).toBe(200);
    }
    const list = await t.call<{ workstations: { workstationId: string; report: unknown }[] }>(
      'GET',
      '/api/workstations',
      { token: await t.token('admin') },
    );
    expect(list.body.workstations).toEqual([
      expect.objectContaining({ workstationId: 'zhbo-almaty-07', report: { ok: true, ramGb: 16 } }),
    ]);
    expect(
      (
        await t.call('POST', '/api/workstations/report', {
          token: await t.token('operator'),
          body: { workstationId: 'x', report: [1] },
        })
      ).status,
    ).toBe(400);
  });
});

describe('the citizen widget (§2)', () => {
  it('is served at /widget/ in Kazakh and Russian, with no HTML built from citizen text', async () => {
    const page = await fetch(`${t.url}/widget/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('widget.js');
    const script = await (await fetch(`${t.url}/widget/widget.js`)).text();
    const text = await (await fetch(`${t.url}/widget/text.js`)).text();
    expect(text).toContain('kk: {');
    expect(text).toContain('ru: {');
    for (const code of [script, text])
      expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    // A citizen is never asked for coordinates (issue 16).
    expect(await (await fetch(`${t.url}/widget/`)).text()).not.toMatch(/id="(lat|lon)"/);
  });
});

describe('official territories (§8)', () => {
  it('imports an official territory and routes by it at once', async () => {
    const { lat, lon } = PLACES.almatyCentre;
    const ring = [
      [lon - 0.01, lat - 0.01],
      [lon + 0.01, lat - 0.01],
      [lon + 0.01, lat + 0.01],
      [lon - 0.01, lat + 0.01],
      [lon - 0.01, lat - 0.01],
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { departmentId: 'kz-almaty-bostandyq', source: 'МВД' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    };
    const r = await t.call('POST', '/api/territories/import', { token: await t.token('admin'), body: file });
    expect(r).toMatchObject({ status: 200, body: { imported: 1 } });
    expect((await register(anAppeal({ location: PLACES.almatyCentre }))).departmentId).toBe(
      'kz-almaty-bostandyq',
    );
  });
});
