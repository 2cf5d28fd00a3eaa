import { iso } from '../accounts/accountRepository';
import type { Sql } from '../db/database';

/** The last readiness report of each workstation (§27–28). */
export function createWorkstationRepository(db: Sql) {
  return {
    /** `report`: the report as JSON text, kept as the workstation's probe gave it. */
    async store(workstationId: string, accountId: string, report: string): Promise<void> {
      await db.query(
        `insert into workstation_reports (workstation_id, account_id, report) values ($1, $2, $3::jsonb)
         on conflict (workstation_id) do update set account_id = excluded.account_id, report = excluded.report, received_at = now()`,
        [workstationId, accountId, report],
      );
    },

    async list() {
      const rows = await db.query<{
        workstation_id: string;
        account_id: string | null;
        report: unknown;
        received_at: Date | string;
      }>('select * from workstation_reports order by workstation_id');
      return rows.map((r) => ({
        workstationId: r.workstation_id,
        accountId: r.account_id,
        report: r.report,
        receivedAt: iso(r.received_at),
      }));
    },
  };
}
