import type { Sql } from '../db/database';

/**
 * Appeals a new card answers leave the inbox: still-waiting ones become `inProgress` and lose their claim, in the
 * card's own transaction. Answers the ones it moved, for the citizen's status message.
 */
export async function takeWaitingAppeals(
  tx: Sql,
  appealIds: readonly string[],
): Promise<{ appealId: string; departmentId: string | null }[]> {
  if (appealIds.length === 0) return [];
  const rows = await tx.query<{ id: string; department_id: string | null }>(
    `update appeals set status = 'inProgress', updated_at = now()
     where id = any($1::uuid[]) and status = 'registered' returning id, department_id`,
    [appealIds],
  );
  await tx.query('delete from inbox_claims where appeal_id = any($1::uuid[])', [appealIds]);
  return rows.map((r) => ({ appealId: r.id, departmentId: r.department_id }));
}
