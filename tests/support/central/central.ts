import { createSealer, generateDataKeySet } from '../../../central/db/personalData';
import { generateSigningKeySet } from '../../../central/session/signingKeys';
import { type Central, type CentralOptions, startCentral } from '../../../central/server';
import { api, type Api, loginAs, loginAsIntegration } from './client';
import { freshPostgresDatabase, postgresReachable } from './postgres';

export interface TestCentral {
  central: Central;
  call: Api;
  url: string;
  /** Access tokens of the demo accounts, by login (`integration…`: a vehicle systems account). */
  token(login: string): Promise<string>;
  close(): Promise<void>;
}

/** One key set for every test central of a test file, so instances on one database accept each other's tokens. */
const TEST_SIGNING_KEYS = generateSigningKeySet();
/** Likewise the personal-data keys: an instance restarted on the same database reads what the last one sealed. */
const TEST_DATA_KEYS = generateDataKeySet();
/** Opens what a test central sealed, for tests that read its tables directly. */
export const testSealer = () => createSealer(TEST_DATA_KEYS);

/**
 * Central on a random port with demo data. Without a database in the options: a fresh PostgreSQL
 * database of its own when PostgreSQL is reachable (created in milliseconds, dropped on close), else
 * PGlite in memory. The suites that are about PGlite itself pass `pglite: true`.
 */
export async function startTestCentral(
  options: CentralOptions & { pglite?: boolean } = {},
): Promise<TestCentral> {
  const { pglite, ...rest } = options;
  const own =
    !pglite && !rest.databaseUrl && !rest.dataDir && postgresReachable ? await freshPostgresDatabase() : null;
  const central = await startCentral({
    port: 0,
    demo: true,
    // The demo's moving units only where a test asks for them (they report every 2 s).
    simulateUnits: false,
    ...(rest.signingKeyFile ? {} : { signingKeys: TEST_SIGNING_KEYS }),
    ...(rest.dataKeyFile ? {} : { dataKeys: TEST_DATA_KEYS }),
    ...rest,
    ...(own ? { databaseUrl: own.url } : {}),
  });
  const call = api(central.url);
  const tokens = new Map<string, Promise<string>>();
  return {
    central,
    call,
    url: central.url,
    token(login) {
      let t = tokens.get(login);
      if (!t) {
        // The demo's vehicle systems account (role `integration`) signs in at the units API's door.
        t = login.startsWith('integration') ? loginAsIntegration(call, login) : loginAs(call, login);
        tokens.set(login, t);
      }
      return t;
    },
    async close() {
      await central.close();
      await own?.drop();
    },
  };
}
