import { type WorkstationReport, WorkstationReportSchema } from '../../domain/workstation/workstation';
import { type WorkstationFleet, fleetEntryOf } from '../../domain/workstation/workstationFleet';
import { z } from 'zod';
import type { Logger } from '../log';
import type { TokenSource } from '../sync/engine';

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

const TIMEOUT_MS = 15_000;

/** Central names a workstation with 1–64 letters, digits, dots, dashes or underscores: the machine's name, made to fit. */
export function workstationIdOf(machineName: string): string {
  return machineName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64) || 'workstation';
}

const FleetAnswerSchema = z.object({
  workstations: z.array(z.object({ workstationId: z.string(), report: z.unknown(), receivedAt: z.string() })),
});

export function createWorkstationCentral(deps: {
  centralUrl: string;
  tokens: TokenSource;
  workstationId: string;
  log: Logger;
}): WorkstationCentral {
  const base = deps.centralUrl.replace(/\/+$/, '');
  const call = async (path: string, token: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.status === 401) deps.tokens.refused();
    return { status: response.status, text };
  };

  return {
    async publish(report) {
      const token = await deps.tokens.accessToken();
      if (!token) return 'signed_out';
      try {
        const { status } = await call('/api/workstations/report', token, {
          workstationId: deps.workstationId,
          report,
        });
        if (status !== 200) {
          deps.log.warn('workstation.reportNotPublished', { status });
          return 'failed';
        }
        deps.log.info('workstation.reportPublished', { verdict: report.verdict });
        return 'sent';
      } catch (error) {
        deps.log.warn('workstation.reportNotPublished', {
          status: 0,
          error: error instanceof Error ? error.name : 'unknown',
        });
        return 'failed';
      }
    },
    async fleet() {
      const token = await deps.tokens.accessToken();
      if (!token) return { state: 'unavailable', reason: 'signed_out' };
      let answer;
      try {
        answer = await call('/api/workstations', token);
      } catch {
        return { state: 'unavailable', reason: 'central_unreachable' };
      }
      if (answer.status === 401 || answer.status === 403) return { state: 'unavailable', reason: 'refused' };
      let parsed;
      try {
        parsed = FleetAnswerSchema.safeParse(JSON.parse(answer.text));
      } catch {
        parsed = null;
      }
      if (answer.status !== 200 || !parsed?.success)
        return { state: 'unavailable', reason: 'central_unreachable' };
      return {
        state: 'listed',
        workstations: parsed.data.workstations.map((w) => {
          const report = WorkstationReportSchema.safeParse(w.report);
          return fleetEntryOf(w.workstationId, w.receivedAt, report.success ? report.data : null);
        }),
      };
    },
  };
}
