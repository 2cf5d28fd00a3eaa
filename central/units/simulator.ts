import type { PositionReport, Unit, UnitKind } from '../../domain/dispatch/unit';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import type { Principal } from '../session/principal';
import type { UnitService } from './unitService';

/** How often each demo unit reports: twice the units API's minimum interval, as a real tracker might. */
export const SIMULATOR_TICK_MS = 2000;
/** Realistic speeds (km/h) along the loops: a patrol car in town traffic, a motorcycle, a walking patrol. */
const SPEED_KMH: Record<UnitKind, number> = { car: 35, moto: 35, sog: 30, foot: 5 };
const KM_PER_DEG_LAT = 111.32;

interface Loop {
  unitId: string;
  departmentId: string;
  /** Corners of the patrol loop, [lat, lon]. */
  corners: [number, number][];
  speedKmh: number;
  /** Where along the loop the unit is, in km from the first corner. */
  km: number;
  length: number;
}

/** A deterministic pseudo-random number in [0, 1) from a string (the same loops at every start). */
function seeded(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100_000) / 100_000;
}

const segmentKm = (a: [number, number], b: [number, number]) =>
  Math.hypot(
    (b[0] - a[0]) * KM_PER_DEG_LAT,
    (b[1] - a[1]) * KM_PER_DEG_LAT * Math.cos((a[0] * Math.PI) / 180),
  );

/**
 * A patrol loop around the department's seat: four to six straight segments (roads are not available), within
 * 0.5–2.5 km of the seat for cars and 0.2–0.6 km for foot patrols.
 */
export function loopFor(
  unit: Pick<Unit, 'id' | 'kind' | 'departmentId'>,
  seat: { lat: number; lon: number },
): Loop {
  const corners: [number, number][] = [];
  const n = 4 + Math.floor(seeded(unit.id, 1) * 3);
  const [minKm, maxKm] = unit.kind === 'foot' ? [0.2, 0.6] : [0.5, 2.5];
  const turn = seeded(unit.id, 2) * Math.PI * 2;
  // The loop's centre sits off the seat, so each unit has its own beat.
  const offsetKm = seeded(unit.id, 3) * (unit.kind === 'foot' ? 0.5 : 2);
  const centre: [number, number] = [
    seat.lat + (Math.sin(turn) * offsetKm) / KM_PER_DEG_LAT,
    seat.lon + (Math.cos(turn) * offsetKm) / (KM_PER_DEG_LAT * Math.cos((seat.lat * Math.PI) / 180)),
  ];
  for (let i = 0; i < n; i++) {
    const angle = turn + (i / n) * Math.PI * 2;
    const r = minKm + seeded(unit.id, 10 + i) * (maxKm - minKm);
    corners.push([
      centre[0] + (Math.sin(angle) * r) / KM_PER_DEG_LAT,
      centre[1] + (Math.cos(angle) * r) / (KM_PER_DEG_LAT * Math.cos((centre[0] * Math.PI) / 180)),
    ]);
  }
  let length = 0;
  for (let i = 0; i < n; i++) length += segmentKm(corners[i]!, corners[(i + 1) % n]!);
  return {
    unitId: unit.id,
    departmentId: unit.departmentId,
    corners,
    speedKmh: SPEED_KMH[unit.kind] * (0.8 + seeded(unit.id, 4) * 0.4),
    km: seeded(unit.id, 5) * length,
    length,
  };
}

/** Where a unit is `km` along its loop. */
export function pointOn(loop: Loop, km: number): { lat: number; lon: number } {
  let left = ((km % loop.length) + loop.length) % loop.length;
  const n = loop.corners.length;
  for (let i = 0; i < n; i++) {
    const a = loop.corners[i]!;
    const b = loop.corners[(i + 1) % n]!;
    const seg = segmentKm(a, b);
    if (left <= seg || i === n - 1) {
      const t = seg === 0 ? 0 : Math.min(1, left / seg);
      return { lat: a[0] + (b[0] - a[0]) * t, lon: a[1] + (b[1] - a[1]) * t };
    }
    left -= seg;
  }
  return { lat: loop.corners[0]![0], lon: loop.corners[0]![1] };
}

/**
 * The demo's vehicle systems (`npm run central -- --demo`): every demo unit drives its patrol loop and reports
 * its position through the units API's own service function, as its department's integration account would.
 * Off-duty units stay where they are.
 */
export function startUnitSimulator(deps: {
  units: UnitService;
  departments: DepartmentDirectory;
  tickMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): void; tick(): Promise<void> } {
  const tickMs = deps.tickMs ?? SIMULATOR_TICK_MS;
  let loops: Loop[] | null = null;
  let last = Date.now();
  let running: Promise<void> = Promise.resolve();

  async function tick(): Promise<void> {
    const now = Date.now();
    const all = await deps.units.all();
    if (!loops) {
      loops = all.flatMap((u) => {
        const seat = deps.departments.get(u.departmentId)?.seat;
        return seat ? [loopFor(u, seat)] : [];
      });
    }
    const status = new Map(all.map((u) => [u.id, u.status]));
    const hours = (now - last) / 3_600_000;
    last = now;
    const byDepartment = new Map<string, PositionReport[]>();
    for (const loop of loops) {
      if (status.get(loop.unitId) === 'offDuty' || status.get(loop.unitId) === 'onScene') continue;
      loop.km = (loop.km + loop.speedKmh * hours) % loop.length;
      const p = pointOn(loop, loop.km);
      const list = byDepartment.get(loop.departmentId) ?? [];
      list.push({ unitId: loop.unitId, lat: p.lat, lon: p.lon, at: new Date(now).toISOString() });
      byDepartment.set(loop.departmentId, list);
    }
    for (const [departmentId, reports] of byDepartment) {
      // The department's own integration account, as its vehicle systems sign in (domain/session/roles.ts).
      const principal: Principal = {
        accountId: '00000000-0000-7000-8000-000000000000',
        role: 'integration',
        departmentId,
        scope: deps.departments.scopeOf(departmentId),
      };
      await deps.units.reportPositions(principal, reports);
    }
  }

  const timer = setInterval(() => {
    running = running.then(tick).catch((error: unknown) => deps.onError?.(error));
  }, tickMs);
  timer.unref();
  running = running.then(tick).catch((error: unknown) => deps.onError?.(error));
  return {
    stop: () => clearInterval(timer),
    tick: () => (running = running.then(tick)),
  };
}
