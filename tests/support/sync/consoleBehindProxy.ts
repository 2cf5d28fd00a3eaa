import { join } from 'node:path';
import { type Central, startCentral } from '../../../central/server';
import { tempDir } from '../tempDir';
import { type SyncingConsole, aSyncingConsole } from './syncingConsole';
import { type TcpProxy, startTcpProxy } from './tcpProxy';
import { portOf } from './testConsole';

export type Cleanups = (() => Promise<void> | void)[];

export interface ConsoleBehindProxy {
  central: Central;
  /** Between the console and central: the test cuts, drops or redirects the link here. */
  proxy: TcpProxy;
  desk: SyncingConsole;
  /** The console's data folder. */
  dir: string;
  /** Where central keeps uploaded files. */
  attachmentsDir: string;
}

/**
 * A real central (demo data, PGlite), a console on a real SQLite file and a TCP proxy between them; every
 * piece goes onto `cleanups` in the order it must be undone. The console is not signed in yet.
 */
export async function aConsoleBehindProxy(
  cleanups: Cleanups,
  options: { batchSize?: number } = {},
): Promise<ConsoleBehindProxy> {
  const temp = tempDir();
  cleanups.push(() => temp.remove());
  const attachmentsDir = join(temp.dir, 'central-attachments');
  const central = await startCentral({ port: 0, demo: true, attachmentsDir });
  cleanups.push(() => central.close());
  const proxy = await startTcpProxy();
  cleanups.push(() => proxy.close());
  proxy.setTarget(portOf(central.url));
  const desk = aSyncingConsole(temp.dir, proxy.url, options);
  cleanups.push(() => desk.close());
  return { central, proxy, desk, dir: temp.dir, attachmentsDir };
}
