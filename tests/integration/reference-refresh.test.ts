import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatrolUnit } from '../../domain/reference/department';
import type { ReferenceKind } from '../../domain/reference/reference';
import type { Territory } from '../../domain/places/territory';
import { openDatabase } from '../../main/store/database';
import { migrate } from '../../main/store/migrate';
import { MIGRATIONS } from '../../main/store/migrations';
import {
  createReferenceData,
  EVERY_ACCOUNT,
  type ReferenceData,
  scopeOfAccount,
} from '../../main/store/referenceData';
import { createCentralClient } from '../../main/central/client';
import { createReferenceRefresh, REFERENCE_REFRESH_MS } from '../../main/sync/referenceRefresh';
import { memoryLogger } from '../support/console';
import { tempDir } from '../support/tempDir';

/** A stand-in for central: answers each path with what the test sets, honouring If-None-Match. */
function standIn() {
  const answers = new Map<string, { body: string; etag: string }>();
  const seen: { path: string; ifNoneMatch: string | null }[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const path = request.url ?? '';
    const ifNoneMatch = request.headers['if-none-match'] ?? null;
    seen.push({ path, ifNoneMatch });
    const answer = answers.get(path);
    if (!answer) return void response.writeHead(404).end('{"error":"no such route"}');
    if (ifNoneMatch === answer.etag) return void response.writeHead(304, { etag: answer.etag }).end();
    response.writeHead(200, { 'content-type': 'application/json', etag: answer.etag }).end(answer.body);
  });
  let version = 0;
  return {
    seen,
    answer(path: string, body: unknown) {
      version += 1;
      answers.set(path, {
        body: typeof body === 'string' ? body : JSON.stringify(body),
        etag: `"v${version}"`,
      });
    },
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const square = (lon: number, lat: number, half: number): [number, number][] => [
  [lon - half, lat - half],
  [lon + half, lat - half],
  [lon + half, lat + half],
  [lon - half, lat + half],
  [lon - half, lat - half],
];
const medeu: Territory = {
  departmentId: 'kz-almaty-medeu',
  geometry: { type: 'Polygon', coordinates: [square(77, 43.25, 0.0625)] },
};
const units: PatrolUnit[] = [
  { id: 'medeu-p1', departmentId: 'kz-almaty-medeu', callSign: 'ALAMED-11', kind: 'car' },
  { id: 'medeu-p2', departmentId: 'kz-almaty-medeu', callSign: 'ALAMED-21', kind: 'foot' },
];
const almatyCity = {
  id: 'kz-almaty',
  kind: 'city',
  parentId: null,
  code: 'ALA',
  nameKk: 'Алматы қ. ПД',
  nameRu: 'ДП г. Алматы',
  nameEn: 'Almaty City Police',
  seat: { lat: 43.24, lon: 76.91 },
};

describe("refreshing the offline copy from central's answers", () => {
  let central: ReturnType<typeof standIn>;
  let store: ReferenceData;
  let clock: Date;
  let changed: ReferenceKind[];
  let log: ReturnType<typeof memoryLogger>;
  let refresh: ReturnType<typeof createReferenceRefresh>;
  const cleanups: (() => unknown)[] = [];
  const scope = scopeOfAccount('kz-almaty-medeu');

  beforeEach(async () => {
    const temp = tempDir();
    const db = openDatabase(join(temp.dir, 'console.db'));
    migrate(db, MIGRATIONS);
    cleanups.push(
      () => temp.remove(),
      () => db.close(),
    );
    clock = new Date('2026-03-01T08:00:00.000Z');
    store = createReferenceData(db, { now: () => clock });
    central = standIn();
    const url = await central.listen();
    cleanups.push(() => central.close());
    changed = [];
    log = memoryLogger();
    refresh = createReferenceRefresh({
      central: createCentralClient(url).signedIn({
        accessToken: async () => 'token',
        refused: () => undefined,
      }),
      store,
      log,
      now: () => clock,
      onChanged: (kind) => changed.push(kind),
    });
    central.answer('/api/departments', { departments: [almatyCity] });
    central.answer('/api/units', { units });
    central.answer('/api/territories', { territories: [medeu] });
  });
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c();
    cleanups.length = 0;
  });

  it("keeps what central sent under the account's scope, with its ETag", async () => {
    await refresh.refresh('kz-almaty-medeu', { force: true });
    expect(changed).toEqual(['departments', 'units', 'territories']);
    expect(store.units(scope)).toEqual({ units, fetchedAt: clock.toISOString() });
    expect(store.territories(scope).territories).toEqual([medeu]);
    expect(store.departments().departments.map((d) => d.id)).toEqual(['kz-almaty']);
    expect(store.stamp('territories', scope)?.etag).toMatch(/^"v\d+"$/);
    expect(store.units(scopeOfAccount('kz-astana'))).toEqual({ units: [], fetchedAt: null });
  });

  it('asks with the ETag it holds; an unchanged answer (304) changes nothing but the time', async () => {
    await refresh.refresh('kz-almaty-medeu', { force: true });
    central.seen.length = 0;
    changed = [];
    clock = new Date(clock.getTime() + 60_000);
    await refresh.refresh('kz-almaty-medeu', { force: true });
    expect(central.seen.every((r) => r.ifNoneMatch?.startsWith('"v'))).toBe(true);
    expect(changed).toEqual([]);
    expect(store.units(scope)).toEqual({ units, fetchedAt: clock.toISOString() });
  });

  it('after a sync round asks again only once the copy is older than the period', async () => {
    await refresh.refresh('kz-almaty-medeu', { force: true });
    central.seen.length = 0;
    clock = new Date(clock.getTime() + REFERENCE_REFRESH_MS - 1000);
    await refresh.refresh('kz-almaty-medeu');
    expect(central.seen).toEqual([]);
    clock = new Date(clock.getTime() + 2000);
    central.answer('/api/units', { units: units.slice(0, 1) });
    await refresh.refresh('kz-almaty-medeu');
    expect(central.seen.map((r) => r.path)).toEqual(['/api/departments', '/api/units', '/api/territories']);
    expect(store.units(scope).units).toEqual(units.slice(0, 1));
    expect(changed.at(-1)).toBe('units');
  });

  const open = [
    [77, 43],
    [77.1, 43],
    [77.1, 43.1],
  ];
  it.each([
    [
      'an open ring in a territory',
      '/api/territories',
      { territories: [{ ...medeu, geometry: { type: 'Polygon', coordinates: [open] } }] },
    ],
    [
      'latitude and longitude swapped beyond 90°',
      '/api/territories',
      { territories: [{ ...medeu, geometry: { type: 'Polygon', coordinates: [square(43, 177, 0.1)] } }] },
    ],
    ['a department with two territories', '/api/territories', { territories: [medeu, medeu] }],
    ['a patrol unit listed twice', '/api/units', { units: [...units, units[0]] }],
    ['a patrol unit of an unknown kind', '/api/units', { units: [{ ...units[0], kind: 'helicopter' }] }],
    [
      'a department with a field nobody knows',
      '/api/departments',
      { departments: [{ ...almatyCity, secret: 1 }] },
    ],
    ['an answer that is not JSON', '/api/units', '<html>proxy error</html>'],
  ])('refuses %s and keeps the copy it had', async (_what, path, bad) => {
    await refresh.refresh('kz-almaty-medeu', { force: true });
    const held = () => ({
      departments: store.departments().departments,
      units: store.units(scope).units,
      territories: store.territories(scope).territories,
    });
    const before = held();
    const kind = path.replace('/api/', '') as ReferenceKind;
    const stampBefore = store.stamp(kind, kind === 'departments' ? EVERY_ACCOUNT : scope);
    changed = [];
    clock = new Date(clock.getTime() + 60_000);
    central.answer(path, bad);
    await refresh.refresh('kz-almaty-medeu', { force: true });
    expect(held()).toEqual(before);
    // Still as old as it was, so the next round past the period asks again.
    expect(store.stamp(kind, kind === 'departments' ? EVERY_ACCOUNT : scope)).toEqual(stampBefore);
    expect(changed).toEqual([]);
    expect(log.lines.some((l) => l.startsWith('warn reference.refresh.failed'))).toBe(true);
  });

  it('keeps the copy when central is unreachable or refuses the account', async () => {
    await refresh.refresh('kz-almaty-medeu', { force: true });
    await central.close();
    await refresh.refresh('kz-almaty-medeu', { force: true });
    expect(store.territories(scope).territories).toEqual([medeu]);
    expect(log.lines.filter((l) => l.includes('reference.refresh.failed')).length).toBe(3);
  });
});
