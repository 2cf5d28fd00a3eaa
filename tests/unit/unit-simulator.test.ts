import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../domain/dispatch/unit';
import { driveToward, loopFor, pointOn } from '../../central/units/simulator';

const SEAT = { lat: 43.2567, lon: 76.9286 };

describe('the demo simulator’s movement (§13)', () => {
  it('drives straight toward the place by the distance given, and stops on it', () => {
    const from = { lat: 43.25, lon: 76.92 };
    const to = { lat: 43.26, lon: 76.95 };
    const total = distanceKm(from, to);
    const step = driveToward(from, to, 0.5);
    expect(step.arrived).toBe(false);
    expect(distanceKm(from, step.at)).toBeCloseTo(0.5, 2);
    expect(distanceKm(step.at, to)).toBeCloseTo(total - 0.5, 2);
    const last = driveToward(step.at, to, total);
    expect(last).toEqual({ at: to, arrived: true });
  });

  it('gets a car 1 km away there in about a minute and a half at the ETA’s 40 km/h, in steps of two seconds', () => {
    const place = { lat: SEAT.lat + 1 / 111.32, lon: SEAT.lon };
    let at = SEAT;
    let ticks = 0;
    for (let arrived = false; !arrived; ticks++) {
      const before = distanceKm(at, place);
      ({ at, arrived } = driveToward(at, place, 40 * (2 / 3600)));
      expect(distanceKm(at, place)).toBeLessThan(before);
    }
    expect(ticks * 2).toBeGreaterThanOrEqual(88);
    expect(ticks * 2).toBeLessThanOrEqual(92);
  });

  it('keeps every patrol loop near the department’s seat', () => {
    const loop = loopFor({ id: 'kz-almaty-p1', kind: 'car', departmentId: 'kz-almaty' }, SEAT);
    for (let km = 0; km < loop.length; km += 0.1) expect(distanceKm(pointOn(loop, km), SEAT)).toBeLessThan(5);
  });
});
