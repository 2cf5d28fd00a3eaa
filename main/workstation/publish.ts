import type { WorkstationReport } from '../../domain/workstation';
import type { Logger } from '../log';
import type { TokenSource } from '../sync/engine';

/**
 * Sends each new readiness report to central (§28), where the digitalisation unit sees every
 * workstation's last report. Best effort: a report that cannot be sent now goes with the next check
 * or the next sign-in, and the console never waits for it.
 */

export type PublishOutcome = 'sent' | 'signed_out' | 'failed';

export interface ReportPublisher {
  publish(report: WorkstationReport): Promise<PublishOutcome>;
}

const TIMEOUT_MS = 15_000;

/** Central names a workstation with 1–64 letters, digits, dots, dashes or underscores: the machine's name, made to fit. */
export function workstationIdOf(machineName: string): string {
  return machineName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64) || 'workstation';
}

export function createReportPublisher(deps: {
  centralUrl: string;
  tokens: TokenSource;
  workstationId: string;
  log: Logger;
}): ReportPublisher {
  const endpoint = `${deps.centralUrl.replace(/\/+$/, '')}/api/workstations/report`;
  return {
    async publish(report) {
      const token = await deps.tokens.accessToken();
      if (!token) return 'signed_out';
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ workstationId: deps.workstationId, report }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (response.status === 401) deps.tokens.refused();
        if (!response.ok) {
          deps.log.warn('workstation.reportNotPublished', { status: response.status });
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
  };
}
