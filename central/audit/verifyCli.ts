import { openDatabase } from '../db/database';
import { verifyAuditChain } from './verifyChain';

/**
 * `npm run audit-verify`: recomputes the audit log's hash chain of the central system's database
 * (DATABASE_URL, or the PGlite folder CENTRAL_DATA_DIR). Exit code 0: the chain holds; 1: it is broken
 * (the first broken entry is printed); 2: no database named.
 */
const env = process.env;
if (!env.DATABASE_URL && !env.CENTRAL_DATA_DIR) {
  process.stderr.write('Name the database: DATABASE_URL=postgres://… or CENTRAL_DATA_DIR=<PGlite folder>\n');
  process.exit(2);
}
const db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.CENTRAL_DATA_DIR });
try {
  const verdict = await verifyAuditChain(db);
  process.stdout.write(
    verdict.ok
      ? `audit log: ${verdict.entries} entries, the chain holds\n`
      : `audit log: BROKEN at entry ${verdict.brokenAt} (after ${verdict.entries} good entries)\n`,
  );
  process.exitCode = verdict.ok ? 0 : 1;
} finally {
  await db.close();
}
