import { z } from 'zod';
import { storableText } from '../contract/text';
import {
  ReadinessItemIdSchema,
  VideoCallStateSchema,
  type WorkstationReport,
  WorkstationVerdictSchema,
} from './workstation';

/**
 * The digitalisation unit's view of every workstation's last readiness report, as central keeps them
 * (§28). One line per workstation, not the whole report: a region has hundreds of them.
 */
export const FleetEntrySchema = z.object({
  workstationId: storableText(),
  receivedAt: storableText(),
  /** Null when central holds a report this console version cannot read (an older or newer shape). */
  checkedAt: storableText().nullable(),
  verdict: WorkstationVerdictSchema.nullable(),
  videoCalls: VideoCallStateSchema.nullable(),
  failed: z.array(ReadinessItemIdSchema),
  unknown: z.array(ReadinessItemIdSchema),
});
export type FleetEntry = z.infer<typeof FleetEntrySchema>;

export const WorkstationFleetSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('listed'), workstations: z.array(FleetEntrySchema) }),
  z.object({
    state: z.literal('unavailable'),
    reason: z.enum(['central_not_configured', 'signed_out', 'refused', 'central_unreachable']),
  }),
]);
export type WorkstationFleet = z.infer<typeof WorkstationFleetSchema>;

export function fleetEntryOf(
  workstationId: string,
  receivedAt: string,
  report: WorkstationReport | null,
): FleetEntry {
  const ids = (status: 'fail' | 'unknown') =>
    report?.items.filter((i) => i.status === status).map((i) => i.id) ?? [];
  return {
    workstationId,
    receivedAt,
    checkedAt: report?.checkedAt ?? null,
    verdict: report?.verdict ?? null,
    videoCalls: report?.videoCalls.state ?? null,
    failed: ids('fail'),
    unknown: ids('unknown'),
  };
}
