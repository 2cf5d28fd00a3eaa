/**
 * For end-to-end tests, whose project does not compile central: a PostgreSQL database for central run as its
 * own process, and central's own retention service run on that database and attachments folder as on the day
 * after the retention period (every file stored so far is purged, as central's hourly run would then).
 *   fresh                        prints a new database's URL
 *   purge URL ATTACHMENTS_DIR    purges, prints the report as JSON
 *   drop URL                     drops the database
 */
import { join } from 'node:path';
import { AttachmentStore } from '../../../central/appeals/attachmentStore';
import { openPostgres } from '../../../central/db/database';
import { createRetentionRepository } from '../../../central/retention/retentionRepository';
import { createRetentionService } from '../../../central/retention/retentionService';
import { DEFAULT_RETENTION_DAYS } from '../../../central/server';
import { dropPostgresDatabase, freshPostgresDatabase } from './postgres';

const DAY_MS = 24 * 60 * 60 * 1000;
const [command, url, attachmentsDir] = process.argv.slice(2);

if (command === 'fresh') {
  process.stdout.write(`${(await freshPostgresDatabase()).url}\n`);
} else if (command === 'purge' && url && attachmentsDir) {
  const db = await openPostgres(url);
  try {
    const retention = createRetentionService({
      days: DEFAULT_RETENTION_DAYS,
      repository: createRetentionRepository(db),
      attachments: new AttachmentStore(attachmentsDir),
      cardFilesDir: join(attachmentsDir, 'card-files'),
    });
    const dayAfter = new Date(Date.now() + (DEFAULT_RETENTION_DAYS + 1) * DAY_MS);
    process.stdout.write(`${JSON.stringify(await retention.purgeExpired(dayAfter))}\n`);
  } finally {
    await db.close();
  }
} else if (command === 'drop' && url) {
  await dropPostgresDatabase(url);
} else {
  process.stderr.write('usage: retentionCli.ts fresh | purge URL ATTACHMENTS_DIR | drop URL\n');
  process.exit(2);
}
