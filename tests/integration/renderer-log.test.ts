import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeApi } from '../../main/api';
import { LOG_FILE_NAME } from '../../main/log';
import { startTestConsole } from '../support/console';
import { tempDir } from '../support/tempDir';

describe('the screens log through main (issue 15, item 3)', () => {
  it('writes a renderer line into the data folder’s log, redacted like main’s own, and refuses a malformed one', async () => {
    const temp = tempDir();
    const running = startTestConsole(temp.dir);
    const written = await invokeApi(
      running.handlers,
      'log.write',
      {
        level: 'error',
        event: 'window.error',
        detail: 'TypeError while showing 900101300123, +7 701 234 56 78',
      },
      running.log,
    );
    expect(written).toEqual({ ok: true, value: {} });
    const refused = await invokeApi(
      running.handlers,
      'log.write',
      { level: 'debug', event: 'x' },
      running.log,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    running.stop();
    const log = readFileSync(join(temp.dir, 'logs', LOG_FILE_NAME), 'utf8');
    expect(log).toContain('renderer.window.error');
    expect(log).toContain('TypeError while showing');
    expect(log).not.toContain('900101300123');
    expect(log).not.toContain('701 234 56 78');
    temp.remove();
  });
});
