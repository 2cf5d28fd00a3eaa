import { type Refusal, refusal } from '../../domain/contract/refusal';
import {
  type PositionReport,
  type PositionResult,
  UNIT_LIMITS,
  type Unit,
  type UnitStatus,
} from '../../domain/dispatch/unit';
import { LatLonSchema } from '../../domain/places/geo';
import type { CountryCheck } from '../../domain/places/country';
import { mayCommandUnit, mayReportUnit, maySeeUnit } from '../access/rules';
import type { EventBus } from '../bus/bus';
import type { Database } from '../db/database';
import { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import type { Principal } from '../session/principal';
import { unitRepository } from './unitRepository';

/** The HTTP status each refusal of a position answers with, when it is the first of its request. */
const STATUS_OF: Partial<Record<Refusal['code'], number>> = {
  'unit.notFound': 404,
  'unit.otherDepartment': 403,
  'unit.tooFrequent': 429,
};

export interface UnitServiceOptions {
  /** A unit's positions at most this often (default UNIT_LIMITS.positionMinIntervalMs). */
  positionMinIntervalMs?: number;
}

/**
 * Units as live data (§13): positions and statuses from the departments' vehicle systems (the units API) and
 * statuses from the inspector's console, checked here and told over the socket to the staff of the unit's
 * territory only (central/access decides who). The demo simulator goes through the same functions.
 */
export function createUnitService(deps: {
  db: Database;
  bus: EventBus;
  inCountry: CountryCheck;
  now?: () => number;
  options?: UnitServiceOptions;
}) {
  const { db, bus, inCountry } = deps;
  const now = deps.now ?? Date.now;
  const minIntervalMs = deps.options?.positionMinIntervalMs ?? UNIT_LIMITS.positionMinIntervalMs;

  function judge(
    p: Principal,
    report: PositionReport,
    unit: Unit | undefined,
    reportedAt: number | null,
    t: number,
  ) {
    if (!unit) return refusal('unit.notFound');
    if (!mayReportUnit(p, unit)) return refusal('unit.otherDepartment');
    const point = { lat: report.lat, lon: report.lon };
    if (!LatLonSchema.safeParse(point).success) return refusal('unit.positionInvalid');
    if (!inCountry(point)) return refusal('unit.outsideCountry');
    const at = Date.parse(report.at);
    if (at - t > UNIT_LIMITS.futureToleranceMs) return refusal('unit.positionFuture');
    if (t - at > UNIT_LIMITS.staleAfterMs)
      return refusal('unit.positionStale', { maxAgeSeconds: UNIT_LIMITS.staleAfterMs / 1000 });
    if (reportedAt !== null && t - reportedAt < minIntervalMs)
      return refusal('unit.tooFrequent', { retryAfterMs: Math.ceil(minIntervalMs - (t - reportedAt)) });
    return null;
  }

  return {
    /**
     * Positions from a department's system: each accepted or refused on its own (`results`, in order); the
     * answer's status is that of the first refusal (429 for a flood, 403 another department's unit, …).
     */
    async reportPositions(
      p: Principal,
      reports: readonly PositionReport[],
    ): Promise<{ status: number; results: PositionResult[]; first: Refusal | null }> {
      const t = now();
      const known = await unitRepository.byIds(db, [...new Set(reports.map((r) => r.unitId))]);
      const seen = new Map<string, number>();
      const verdicts = reports.map((report) => {
        const stored = known.get(report.unitId);
        // The same unit twice in one request: the second comes less than a second after the first.
        const reportedAt = seen.get(report.unitId) ?? stored?.reportedAt ?? null;
        const refused = judge(p, report, stored?.unit, reportedAt, t);
        if (!refused) seen.set(report.unitId, t);
        return refused;
      });
      const accepted = reports.filter((_, i) => verdicts[i] === null);
      const saved = await unitRepository.savePositions(db, accepted, new Date(t), minIntervalMs);
      const savedIds = new Set(saved.map((u) => u.id));
      const results: PositionResult[] = reports.map((report, i) => {
        const verdict =
          verdicts[i] ??
          (savedIds.has(report.unitId) ? null : refusal('unit.tooFrequent', { retryAfterMs: minIntervalMs }));
        return verdict
          ? { unitId: report.unitId, accepted: false, code: verdict.code, params: verdict.params }
          : { unitId: report.unitId, accepted: true };
      });
      if (saved.length > 0) await bus.publish({ kind: 'units.changed', units: saved });
      const firstIndex = results.findIndex((r) => !r.accepted);
      const first =
        firstIndex < 0
          ? null
          : (verdicts[firstIndex] ?? refusal('unit.tooFrequent', { retryAfterMs: minIntervalMs }));
      return { status: first ? (STATUS_OF[first.code] ?? 422) : 200, results, first };
    },

    /**
     * A status from the vehicle's system or the inspector's console. Free or off duty leaves the card; a step
     * is recorded with who and when.
     */
    async setStatus(p: Principal, unitId: string, status: UnitStatus): Promise<Unit> {
      const unit = await db.transaction(async (tx) => {
        const stored = (await unitRepository.lock(tx, [unitId])).get(unitId);
        const allowed =
          stored &&
          (p.role === 'integration' ? mayReportUnit(p, stored.unit) : mayCommandUnit(p, stored.unit));
        if (!stored || !allowed)
          throw new HttpProblem(404, refusal('unit.notFound'), 'no such unit in your territory');
        const cardId = status === 'free' || status === 'offDuty' ? null : stored.unit.cardId;
        const changed = await unitRepository.setStatus(tx, unitId, status, cardId);
        await unitRepository.recordSteps(tx, [
          {
            unitId,
            cardId: stored.unit.cardId,
            from: stored.unit.status,
            to: status,
            accountId: p.accountId,
            operationId: null,
          },
        ]);
        return changed;
      });
      await bus.publish({ kind: 'units.changed', units: [unit] });
      return unit;
    },

    /** The live units the principal may see, for the console's offline copy. */
    async list(p: Principal): Promise<Unit[]> {
      const units = await unitRepository.list(db, DepartmentDirectory.scopeIds(p.scope));
      return units.filter((u) => maySeeUnit(p, u));
    },

    /** Tells the consoles a unit as it is now, after the directory changed it (a new one, a new call sign or crew). */
    async announce(unitId: string): Promise<void> {
      const stored = (await unitRepository.byIds(db, [unitId])).get(unitId);
      if (stored) await bus.publish({ kind: 'units.changed', units: [stored.unit] });
    },

    /** Every unit (the demo simulator drives them all). */
    all: () => unitRepository.list(db, null),
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
