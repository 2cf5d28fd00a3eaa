import { join } from 'node:path';
import type { Change } from '../../../domain/sync/sync';
import { startCentral, type Central } from '../../../central/server';

export { aSyncingConsole } from './syncingConsole';

/** Every change central's feed holds for the account, read from the start (how tests see exactly-once). */
export async function centralFeed(centralUrl: string, login = 'operator'): Promise<Change[]> {
  const token = await demoToken(centralUrl, login);
  const changes: Change[] = [];
  let since = 0;
  for (;;) {
    const r = await fetch(`${centralUrl}/api/sync/pull?since=${since}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const page = (await r.json()) as { changes: Change[]; cursor: number; hasMore: boolean };
    changes.push(...page.changes);
    since = page.cursor;
    if (!page.hasMore) return changes;
  }
}

export async function demoToken(centralUrl: string, login: string): Promise<string> {
  const r = await fetch(`${centralUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: login }),
  });
  return ((await r.json()) as { accessToken: string }).accessToken;
}

/** Central on PGlite in a data folder, so the same central can be stopped and started again. */
export async function aCentral(dataDir: string): Promise<Central> {
  return startCentral({ port: 0, demo: true, dataDir: join(dataDir, 'central') });
}

export const portOf = (url: string) => Number(new URL(url).port);
