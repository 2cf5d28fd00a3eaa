import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Unit, distanceKm } from '../../../domain/dispatch/unit';
import type { SyncOpResult } from '../../../domain/sync/sync';
import { aCardCreate, aDispatch, aFilledCard, aTransition } from '../../support/central/builders';
import { startTestCentral, type TestCentral } from '../../support/central/central';

const UNIT = 'kz-almaty-p1';
/** How far from the unit the incident is placed: a few seconds' drive at the ETA's 40 km/h. */
const AWAY_KM = 0.08;

describe('the demo simulator drives a dispatched unit to its incident (§13)', () => {
  let t: TestCentral;
  beforeAll(async () => {
    t = await startTestCentral({
      pglite: true,
      simulateUnits: true,
      unitSimulatorTickMs: 250,
      units: { positionMinIntervalMs: 200 },
    });
  });
  afterAll(() => t.close());

  const unit = async (): Promise<Unit> => {
    const live = await t.call<{ units: Unit[] }>('GET', '/api/units/live', {
      token: await t.token('inspector'),
    });
    const found = live.body.units.find((u) => u.id === UNIT);
    if (!found) throw new Error(`no ${UNIT}`);
    return found;
  };

  it('moves it toward the card at a plausible speed and reports it on scene when it gets there', async () => {
    let start = await unit();
    for (let i = 0; !start.position && i < 40; i++) {
      await new Promise((r) => setTimeout(r, 100));
      start = await unit();
    }
    if (!start.position) throw new Error('the simulator never placed the unit');
    const place = { lat: start.position.lat + AWAY_KM / 111.32, lon: start.position.lon };
    const create = aCardCreate(aFilledCard({ location: { ...place, source: 'map' } }));
    const sent = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token('operator'),
      body: { operations: [create, aTransition(create.cardId, 'sendToInspector')] },
    });
    expect(sent.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const dispatched = await t.call<{ results: SyncOpResult[] }>('POST', '/api/sync/push', {
      token: await t.token('inspector'),
      body: { operations: [aDispatch(create.cardId, [UNIT])] },
    });
    expect(dispatched.body.results.map((r) => r.status)).toEqual(['applied']);
    const dispatchedAt = Date.now();

    // Every position from the dispatch on, until the unit is on scene.
    const track: { km: number; status: Unit['status'] }[] = [];
    for (let i = 0; i < 200; i++) {
      const now = await unit();
      if (!now.position) throw new Error('the unit lost its position');
      track.push({ km: distanceKm(now.position, place), status: now.status });
      if (now.status === 'onScene') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const last = track.at(-1)!;
    expect(last.status).toBe('onScene');
    expect(last.km).toBeLessThan(0.001);
    // Never away from the place once sent, and never faster than the ETA's 40 km/h (with a tick's rounding).
    for (let i = 1; i < track.length; i++) expect(track[i]!.km).toBeLessThanOrEqual(track[i - 1]!.km + 1e-9);
    const startKm = track[0]!.km;
    const hours = (Date.now() - dispatchedAt) / 3_600_000;
    expect(startKm / hours).toBeLessThan(40 * 1.25);
    expect((await unit()).cardId).toBe(create.cardId);
  });
});
