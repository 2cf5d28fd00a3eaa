import { type Database, openPostgres } from '../../../central/db/database';
import { startTestCentral, type TestCentral } from './central';
import { freshPostgresDatabase } from './postgres';

/**
 * Central on a PostgreSQL database of its own, with a direct connection to read what an admin action wrote
 * (the audit log) and the admin's token: the admin's desk tests start from here.
 */
export async function startAdminCentral(): Promise<{
  t: TestCentral;
  db: Database;
  admin: string;
  close(): Promise<void>;
}> {
  const own = await freshPostgresDatabase();
  const t = await startTestCentral({ databaseUrl: own.url });
  const db = await openPostgres(own.url);
  return {
    t,
    db,
    admin: await t.token('admin'),
    async close() {
      await db.close();
      await t.close();
      await own.drop();
    },
  };
}
