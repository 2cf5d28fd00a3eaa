import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../main/dataDirLock';
import { DATABASE_FILE_NAME } from '../../main/services';
import { aDraft, startTestConsole } from '../support/console';
import { tempDir } from '../support/tempDir';
import { startHostProcess } from '../support/hostProcess';

/** Bytes of write-ahead log a next start would have to replay; a missing file is none. */
const walBytes = (dataDir: string) => {
  const wal = join(dataDir, `${DATABASE_FILE_NAME}-wal`);
  return existsSync(wal) ? statSync(wal).size : 0;
};

describe('a clean shutdown leaves nothing to recover (issue 15, item 6)', () => {
  it('closes SQLite: the write-ahead log that held the saved cards is folded in and gone', () => {
    const temp = tempDir();
    const running = startTestConsole(temp.dir);
    for (let i = 0; i < 20; i++) running.services.cards.saveDraft(aDraft());
    // While it runs, the cards are in the log (WAL): this is what a crash would leave to recover.
    expect(walBytes(temp.dir)).toBeGreaterThan(0);
    running.stop();
    expect(walBytes(temp.dir)).toBe(0);
    expect(existsSync(join(temp.dir, LOCK_FILE_NAME))).toBe(false);
    const db = new Database(join(temp.dir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 20 });
    db.close();
    temp.remove();
  });

  it('host mode ends on SIGTERM with exit code 0, its database closed and its data folder unlocked', async () => {
    const temp = tempDir();
    const seed = startTestConsole(temp.dir);
    seed.services.cards.saveDraft(aDraft());
    seed.stop();
    const host = startHostProcess(temp.dir);
    await host.ready;
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(walBytes(temp.dir)).toBe(0);
    expect(existsSync(join(temp.dir, LOCK_FILE_NAME))).toBe(false);
    temp.remove();
  });
});
