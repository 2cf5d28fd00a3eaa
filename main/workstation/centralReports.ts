import { type WorkstationReport, WorkstationReportSchema } from '../../domain/workstation/workstation';
import { type WorkstationFleet, fleetEntryOf } from '../../domain/workstation/workstationFleet';
import type { SignedInCentral } from '../central/client';
import type { Logger } from '../log';

/**
 * Readiness reports and central (§28): each new report is sent to central, where the digitalisation unit
 * lists every workstation's last one. Sending is best effort: a report that cannot go now goes with the
 * next check or the next sign-in, and the console never waits for it.
 */

export type PublishOutcome = 'sent' | 'signed_out' | 'failed';

export interface WorkstationCentral {
  publish(report: WorkstationReport): Promise<PublishOutcome>;
  /** Every workstation's last report as central has it; only the digitalisation unit may read them. */
  fleet(): Promise<WorkstationFleet>;
}

export function createWorkstationCentral(deps: {
  /** Main's client to central as the signed-in account (main/central/client.ts). */
  central: SignedInCentral;
  workstationId: string;
  log: Logger;
}): WorkstationCentral {
  const { central } = deps;

  return {
    async publish(report) {
      const answer = await central.call('POST /api/workstations/report', {
        body: { workstationId: deps.workstationId, report },
      });
      if (answer.ok) {
        deps.log.info('workstation.reportPublished', { verdict: report.verdict });
        return 'sent';
      }
      const { failure } = answer;
      if (failure.kind === 'signedOut') return 'signed_out';
      deps.log.warn(
        'workstation.reportNotPublished',
        failure.kind === 'http' ? { status: failure.status } : { status: 0, error: failure.message },
      );
      return 'failed';
    },
    async fleet() {
      const answer = await central.call('GET /api/workstations', {});
      if (!answer.ok) {
        const { failure } = answer;
        if (failure.kind === 'signedOut') return { state: 'unavailable', reason: 'signed_out' };
        const refused = failure.kind === 'http' && (failure.status === 401 || failure.status === 403);
        return { state: 'unavailable', reason: refused ? 'refused' : 'central_unreachable' };
      }
      return {
        state: 'listed',
        workstations: answer.value.workstations.map((w) => {
          const report = WorkstationReportSchema.safeParse(w.report);
          return fleetEntryOf(w.workstationId, w.receivedAt, report.success ? report.data : null);
        }),
      };
    },
  };
}
