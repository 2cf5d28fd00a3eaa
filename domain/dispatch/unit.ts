import { z } from 'zod';
import { storableText } from '../contract/text';
import { DepartmentIdSchema } from '../reference/department';
import { type LatLon, LatLonSchema } from '../places/geo';

/**
 * Units as live data (§13): the patrol units and investigative-operative groups (СОГ / ТЖТ) of a department,
 * where they are and what they are doing. The reference part (call sign, kind) is domain/reference/department.ts;
 * this is what changes every second.
 */

/** free → enRoute (dispatched) → onScene → busy (still on the incident) → free; offDuty outside the shift. */
export const UNIT_STATUSES = ['free', 'enRoute', 'onScene', 'busy', 'offDuty'] as const;
export const UnitStatusSchema = z.enum(UNIT_STATUSES);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

/** `sog`: a СОГ, an investigative-operative group, sent as one unit. */
export const UNIT_KINDS = ['car', 'foot', 'moto', 'sog'] as const;
export const UnitKindSchema = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKindSchema>;

export const UnitIdSchema = storableText().min(1).max(64);

/** A position as the vehicle's own system measured it, with the time it measured it. */
export const UnitPositionSchema = LatLonSchema.extend({ at: z.iso.datetime() }).strict();
export type UnitPosition = z.infer<typeof UnitPositionSchema>;

export const UnitSchema = z
  .object({
    id: UnitIdSchema,
    departmentId: DepartmentIdSchema,
    callSign: storableText().min(1).max(32),
    kind: UnitKindSchema,
    crew: z.number().int().min(1).max(20),
    status: UnitStatusSchema,
    /** When the status last changed. */
    statusAt: z.iso.datetime(),
    /** The card the unit was sent to, while it is on one. */
    cardId: z.uuid().nullable(),
    position: UnitPositionSchema.nullable(),
  })
  .strict();
export type Unit = z.infer<typeof UnitSchema>;

/** The live units of the account's scope (`GET /api/units/live`), for the console's offline copy. */
export const UnitsLiveAnswerSchema = z.object({ units: z.array(UnitSchema).max(50_000) });
export type UnitsLiveAnswer = z.infer<typeof UnitsLiveAnswerSchema>;

/** Rules of the units API, the same for the vehicles' systems, central and the console's screens. */
export const UNIT_LIMITS = {
  /** A unit reports at most once a second; more is refused with `unit.tooFrequent` (429). */
  positionMinIntervalMs: 1000,
  /** A position measured longer ago than this is refused, and one shown on the map is marked stale. */
  staleAfterMs: 60_000,
  /** A position measured "in the future" by more than this (clock skew allowed) is refused. */
  futureToleranceMs: 5_000,
  /** Positions in one request of a department's system. */
  batchMax: 500,
} as const;

/** One position of a unit, from the vehicle's own system. */
export const PositionReportSchema = z
  .object({
    unitId: UnitIdSchema,
    lat: z.number().finite(),
    lon: z.number().finite(),
    at: z.iso.datetime(),
  })
  .strict();
export type PositionReport = z.infer<typeof PositionReportSchema>;

export const PositionsBodySchema = z
  .object({ positions: z.array(PositionReportSchema).min(1).max(UNIT_LIMITS.batchMax) })
  .strict();

/** What became of each position: accepted, or refused with a stable code (domain/contract/refusal.ts). */
export const PositionResultSchema = z.object({
  unitId: storableText(),
  accepted: z.boolean(),
  code: storableText().optional(),
  params: z.record(storableText(), z.unknown()).optional(),
});
export type PositionResult = z.infer<typeof PositionResultSchema>;
export const PositionsAnswerSchema = z.object({ results: z.array(PositionResultSchema) });

/** A status set by the unit's system or by the inspector's console. */
export const UnitStatusBodySchema = z.object({ status: UnitStatusSchema }).strict();

/**
 * Speeds the straight-line ETA assumes: a car or a motorcycle crosses a city at about 40 km/h on average
 * with lights on (straight line, not roads), a foot patrol walks at 5 km/h.
 */
export const ETA_SPEED_KMH: Readonly<Record<UnitKind, number>> = { car: 40, moto: 40, sog: 40, foot: 5 };

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Straight-line minutes to the place at the kind's assumed speed (ETA_SPEED_KMH). */
export function etaMinutes(kind: UnitKind, km: number): number {
  return (km / ETA_SPEED_KMH[kind]) * 60;
}

/** How old a position is (ms), or null without one. */
export function positionAgeMs(unit: Pick<Unit, 'position'>, now: number): number | null {
  return unit.position ? Math.max(0, now - Date.parse(unit.position.at)) : null;
}

export function isStale(unit: Pick<Unit, 'position'>, now: number): boolean {
  const age = positionAgeMs(unit, now);
  return age === null || age > UNIT_LIMITS.staleAfterMs;
}

export interface UnitNearby {
  unit: Unit;
  km: number | null;
  etaMinutes: number | null;
}

/** The units nearest first (those without a position last, by call sign), with distance and ETA. */
export function nearestFirst(units: readonly Unit[], place: LatLon | null): UnitNearby[] {
  return units
    .map((unit) => {
      const km = place && unit.position ? distanceKm(unit.position, place) : null;
      return { unit, km, etaMinutes: km === null ? null : etaMinutes(unit.kind, km) };
    })
    .sort(
      (a, b) => (a.km ?? Infinity) - (b.km ?? Infinity) || a.unit.callSign.localeCompare(b.unit.callSign),
    );
}

/** What a dispatch carries: the units sent, in the order the inspector chose them. */
export const DispatchInputSchema = z
  .object({
    unitIds: z
      .array(UnitIdSchema)
      .min(1)
      .max(20)
      .refine((ids) => new Set(ids).size === ids.length, 'a unit is sent once'),
  })
  .strict();
export type DispatchInput = z.infer<typeof DispatchInputSchema>;
