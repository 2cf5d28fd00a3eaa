import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Central, type CentralOptions, startCentral } from '../../../../central/server';
import { api, type Api, loginAs } from './client';

export interface TestCentral {
  central: Central;
  call: Api;
  url: string;
  /** Access tokens of the demo accounts, by login. */
  token(login: string): Promise<string>;
  close(): Promise<void>;
}

/** Central on a random port with demo data; PGlite in memory unless told otherwise. */
export async function startTestCentral(options: CentralOptions = {}): Promise<TestCentral> {
  const central = await startCentral({ port: 0, demo: true, ...options });
  const call = api(central.url);
  const tokens = new Map<string, Promise<string>>();
  return {
    central,
    call,
    url: central.url,
    token(login) {
      let t = tokens.get(login);
      if (!t) {
        t = loginAs(call, login);
        tokens.set(login, t);
      }
      return t;
    },
    close: () => central.close(),
  };
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
