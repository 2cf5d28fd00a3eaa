import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOG_FILE_NAME, LOG_MAX_BYTES, createFileLogger } from '../../main/log';
import { tempDir } from '../support/tempDir';

describe('the log file in the data folder', () => {
  const temp = tempDir('log-rotation-');
  afterAll(() => temp.remove());

  it('is rotated at its size cap: console.log starts again, the previous one is kept once as console.old.log', () => {
    const log = createFileLogger(temp.dir, { console: false });
    const line = { detail: 'x'.repeat(1000) };
    // 1.5 times the cap: one rotation must have happened, and no file may exceed the cap by more than a line.
    for (let i = 0; i < (LOG_MAX_BYTES * 1.5) / 1000; i++) log.info('bench.line', line);
    const old = join(temp.dir, 'console.old.log');
    expect(existsSync(old)).toBe(true);
    expect(statSync(old).size).toBeLessThanOrEqual(LOG_MAX_BYTES + 2000);
    expect(statSync(join(temp.dir, LOG_FILE_NAME)).size).toBeLessThan(LOG_MAX_BYTES);
  });
});
