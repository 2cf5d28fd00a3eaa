import {
  ETA_SPEED_KMH,
  type PositionReport,
  type Unit,
  type UnitKind,
  distanceKm,
} from '../../domain/dispatch/unit';
import type { LatLon } from '../../domain/places/geo';
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

/**
 * Where a unit driving straight from `from` toward `to` is after `km` more, and whether it got there. Straight
 * lines, as the ETA the inspector sees assumes (no roads are available).
 */
export function driveToward(from: LatLon, to: LatLon, km: number): { at: LatLon; arrived: boolean } {
  const left = distanceKm(from, to);
  if (left <= km) return { at: { lat: to.lat, lon: to.lon }, arrived: true };
  const t = km / left;
  return {
    at: { lat: from.lat + (to.lat - from.lat) * t, lon: from.lon + (to.lon - from.lon) * t },
    arrived: false,
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
 * A unit sent to a card drives straight to the card's place at the speed the inspector's ETA assumes and, once
 * there, its system reports it on scene; on scene or busy it stays; free again, it drives back to its loop
 * before patrolling on. Off-duty units stay where they are.
 */
export function startUnitSimulator(deps: {
  units: UnitService;
  departments: DepartmentDirectory;
  /** The place of the card a unit was sent to (null when the card has none). */
  incidentPlace: (cardId: string) => Promise<LatLon | null>;
  /**
   * The integration accounts: a unit's arrival is a status step recorded as one of them (the department's own
   * vehicle system, or that of a department whose territory holds it).
   */
  systemAccounts: () => Promise<readonly { id: string; departmentId: string | null }[]>;
  tickMs?: number;
  onError?: (error: unknown) => void;
}): { stop(): void; tick(): Promise<void> } {
  const tickMs = deps.tickMs ?? SIMULATOR_TICK_MS;
  let loops: Loop[] | null = null;
  let systems: readonly { id: string; departmentId: string | null }[] | null = null;
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
    const byId = new Map(all.map((u) => [u.id, u]));
    const hours = (now - last) / 3_600_000;
    last = now;
    const byDepartment = new Map<string, PositionReport[]>();
    const arrived: Unit[] = [];
    for (const loop of loops) {
      const unit = byId.get(loop.unitId);
      if (!unit || unit.status === 'offDuty' || unit.status === 'onScene' || unit.status === 'busy') continue;
      const from = unit.position ?? pointOn(loop, loop.km);
      const stepKm = (unit.status === 'enRoute' ? ETA_SPEED_KMH[unit.kind] : loop.speedKmh) * hours;
      let p: LatLon;
      const incident =
        unit.status === 'enRoute' && unit.cardId ? await deps.incidentPlace(unit.cardId) : null;
      if (incident) {
        const drive = driveToward(from, incident, stepKm);
        p = drive.at;
        if (drive.arrived) arrived.push(unit);
      } else {
        // Back on patrol: to the loop first if the unit left it (a card), then along it.
        const onLoop = pointOn(loop, loop.km);
        const back = driveToward(from, onLoop, stepKm);
        if (back.arrived) loop.km = (loop.km + loop.speedKmh * hours) % loop.length;
        p = back.arrived ? pointOn(loop, loop.km) : back.at;
      }
      const list = byDepartment.get(loop.departmentId) ?? [];
      list.push({ unitId: loop.unitId, lat: p.lat, lon: p.lon, at: new Date(now).toISOString() });
      byDepartment.set(loop.departmentId, list);
    }
    for (const [departmentId, reports] of byDepartment)
      await deps.units.reportPositions(reporterOf(departmentId), reports);
    if (arrived.length > 0) systems ??= await deps.systemAccounts();
    for (const unit of arrived) {
      const system = systemOf(unit.departmentId);
      // Without a vehicle system of its territory the arrival cannot be recorded: the unit waits there, en route.
      if (system) await deps.units.setStatus(system, unit.id, 'onScene');
    }
  }

  // Positions as the department's own vehicle system reports them (domain/session/roles.ts); they name no account.
  const reporterOf = (departmentId: string): Principal => ({
    accountId: '00000000-0000-7000-8000-000000000000',
    role: 'integration',
    departmentId,
    scope: deps.departments.scopeOf(departmentId),
  });
  // A status step names its account: an integration account whose territory holds the unit.
  const systemOf = (departmentId: string): Principal | null => {
    for (const account of systems ?? []) {
      const scope = deps.departments.scopeOf(account.departmentId);
      if (!scope.national && scope.departmentIds.has(departmentId))
        return { accountId: account.id, role: 'integration', departmentId: account.departmentId, scope };
    }
    return null;
  };

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
