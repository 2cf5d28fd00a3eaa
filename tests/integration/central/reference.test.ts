import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DepartmentsAnswerSchema,
  TerritoriesAnswerSchema,
  UnitsAnswerSchema,
} from '../../../domain/reference/reference';
import { startTestCentral, type TestCentral } from '../../support/central/central';

let t: TestCentral;
beforeAll(async () => {
  t = await startTestCentral();
});
afterAll(() => t.close());

const get = async (path: string, token: string, etag?: string) => {
  const response = await fetch(`${t.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
  });
  return { status: response.status, etag: response.headers.get('etag'), text: await response.text() };
};

describe("reference data for the consoles' offline copy", () => {
  it('answers in the shape the console checks', async () => {
    const token = await t.token('operator');
    DepartmentsAnswerSchema.parse(JSON.parse((await get('/api/departments', token)).text));
    expect(UnitsAnswerSchema.parse(JSON.parse((await get('/api/units', token)).text)).units).not.toEqual([]);
    const territories = TerritoriesAnswerSchema.parse(
      JSON.parse((await get('/api/territories', token)).text),
    );
    expect(territories.territories.map((x) => x.departmentId)).toContain('kz-almaty');
  });

  it('answers 304 with no body while the data the console holds is current', async () => {
    const token = await t.token('operator');
    for (const path of ['/api/departments', '/api/units', '/api/territories']) {
      const first = await get(path, token);
      expect(first.etag).toMatch(/^"[\w-]+"$/);
      expect(await get(path, token, first.etag ?? '')).toEqual({ status: 304, etag: first.etag, text: '' });
      expect((await get(path, token, '"stale"')).status).toBe(200);
    }
  });

  it('gives every scope its own tag, and a new one once territories are imported (§8)', async () => {
    const operator = await t.token('operator');
    const duty = await t.token('duty');
    const before = await get('/api/territories', operator);
    expect((await get('/api/territories', duty)).etag).not.toBe(before.etag);

    const ring = [
      [76.95, 43.2],
      [76.97, 43.2],
      [76.97, 43.22],
      [76.95, 43.2],
    ];
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { departmentId: 'kz-almaty-medeu' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    };
    const imported = await t.call('POST', '/api/territories/import', {
      token: await t.token('admin'),
      body: file,
    });
    expect(imported.status).toBe(200);
    const after = await get('/api/territories', operator, before.etag ?? '');
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    const medeu = TerritoriesAnswerSchema.parse(JSON.parse(after.text)).territories.find(
      (x) => x.departmentId === 'kz-almaty-medeu',
    );
    expect(medeu?.geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
  });
});
