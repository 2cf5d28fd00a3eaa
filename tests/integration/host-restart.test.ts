import { statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_SECRET_FILE_NAME } from '../../main/hostSecret';
import { startHost } from '../../main/hostServer';
import { tempDir } from '../support/tempDir';
import { startHostProcess } from '../support/hostProcess';

const hostIn = (dataDir: string, port?: number) =>
  startHost({ port, dataDir, rendererDir: dataDir, version: 'test', logToConsole: false });

/** A port nobody listens on right now, so the test does not depend on the default one being free. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('host mode across restarts of the same data folder', () => {
  it('keeps the secret in the data folder, readable by the user only, and gives it again after a restart', async () => {
    const temp = tempDir();
    const first = await hostIn(temp.dir, 0);
    const port = Number(new URL(first.origin).port);
    await first.close();
    const second = await hostIn(temp.dir, port);
    expect(second.secret).toBe(first.secret);
    expect(second.url).toBe(first.url);
    if (process.platform !== 'win32')
      expect(statSync(join(temp.dir, HOST_SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
    await second.close();
    temp.remove();
  });

  it('replaces a damaged secret file with a new secret, owner-only', async () => {
    const temp = tempDir();
    writeFileSync(join(temp.dir, HOST_SECRET_FILE_NAME), 'short', { mode: 0o644 });
    const host = await hostIn(temp.dir, 0);
    expect(host.secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    if (process.platform !== 'win32')
      expect(statSync(join(temp.dir, HOST_SECRET_FILE_NAME)).mode & 0o777).toBe(0o600);
    await host.close();
    temp.remove();
  });

  it('listens on the port of config.json when no --port is given, and prints the same URL after a restart', async () => {
    const temp = tempDir();
    const port = await freePort();
    writeFileSync(join(temp.dir, 'config.json'), JSON.stringify({ hostPort: port }));
    const first = startHostProcess(temp.dir, []);
    const firstUrl = (await first.ready).url;
    expect(new URL(firstUrl).port).toBe(String(port));
    first.child.kill('SIGTERM');
    await first.exited;

    const second = startHostProcess(temp.dir, []);
    expect((await second.ready).url).toBe(firstUrl);
    second.child.kill('SIGTERM');
    await second.exited;
    temp.remove();
  });

  it('says which port is taken and how to choose another', async () => {
    const temp = tempDir();
    const otherDir = tempDir();
    const other = await hostIn(otherDir.dir, 0);
    const taken = new URL(other.origin).port;
    const host = startHostProcess(temp.dir, ['--port', taken]);
    expect(await host.exited).toBe(1);
    expect(host.output()).toContain(`port ${taken}`);
    expect(host.output()).toContain('--port');
    await other.close();
    otherDir.remove();
    temp.remove();
  });
});
