import type { FleetEntry } from '../../../domain/workstation/workstationFleet';
import type { WorkstationVerdict } from '../../../domain/workstation/workstation';

export type FleetSort = 'workstation' | 'checkedAt' | 'verdict';
export interface FleetQuery {
  search: string;
  verdict: WorkstationVerdict | 'all';
  sort: FleetSort;
}

/** Worst first: the admin looks for the workstations that cannot take calls. */
const VERDICT_ORDER: Record<WorkstationVerdict, number> = { not_ready: 0, ready_with_warnings: 1, ready: 2 };

/** The workstations table's rows: searched by id (case-insensitive), filtered by verdict, sorted. */
export function fleetRows(entries: readonly FleetEntry[], q: FleetQuery): FleetEntry[] {
  const needle = q.search.trim().toLowerCase();
  const compare = {
    workstation: (a: FleetEntry, b: FleetEntry) => a.workstationId.localeCompare(b.workstationId),
    // Latest check first; never checked (unreadable) last.
    checkedAt: (a: FleetEntry, b: FleetEntry) => (b.checkedAt ?? '').localeCompare(a.checkedAt ?? ''),
    verdict: (a: FleetEntry, b: FleetEntry) =>
      (a.verdict ? VERDICT_ORDER[a.verdict] : 3) - (b.verdict ? VERDICT_ORDER[b.verdict] : 3) ||
      a.workstationId.localeCompare(b.workstationId),
  }[q.sort];
  return entries
    .filter((e) => needle === '' || e.workstationId.toLowerCase().includes(needle))
    .filter((e) => q.verdict === 'all' || e.verdict === q.verdict)
    .sort(compare);
}
