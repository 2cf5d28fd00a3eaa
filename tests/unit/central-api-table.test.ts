import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_API, type CentralRoute, type Endpoint, methodAndPath } from '../../domain/contract/central';
import { ROLES, can } from '../../domain/session/roles';
import { type Central, startCentral } from '../../central/server';
import { generateSigningKeySet } from '../../central/session/signingKeys';

/** Every route central registers, from Fastify's own tree: `METHOD /path`, the HEADs it adds to GETs left out. */
function registeredRoutes(central: Central): string[] {
  const routes: string[] = [];
  const parents: string[] = [];
  for (const line of central.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4;
    // The widget's static files are the one wildcard: Fastify prints it without the plugin's prefix.
    const path = segment === '*' ? '/widget/*' : `${parents[depth - 1] ?? ''}${segment}`;
    parents[depth] = path;
    for (const method of methods.split(', ')) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes;
}

const sample = (route: CentralRoute) =>
  methodAndPath(route).path.replace(':index', '0').replace('*', 'index.html').replace(/:\w+/g, randomUUID());

let central: Central;
const tokens = new Map<string, string>();
beforeAll(async () => {
  central = await startCentral({ port: 0, demo: true, signingKeys: generateSigningKeySet() });
  for (const role of ROLES) {
    // The vehicle systems' account signs in at the units API's own door, never at the console's.
    const door = role === 'integration' ? '/api/units/auth' : '/api/auth/login';
    const r = await fetch(`${central.url}${door}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: role, password: role }),
    });
    tokens.set(role, ((await r.json()) as { accessToken: string }).accessToken);
  }
}, 180_000);
afterAll(() => central.close());

describe("central's API table (domain/contract/central.ts) is the routes central registers", () => {
  it('every registered route is in the table, and every route of the table is registered', () => {
    expect(registeredRoutes(central).sort()).toEqual(Object.keys(CENTRAL_API).sort());
  });

  const send = (route: CentralRoute, role?: string) => {
    const { method } = methodAndPath(route);
    const token = role ? tokens.get(role) : undefined;
    return fetch(`${central.url}${sample(route)}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
      },
      body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
    });
  };

  // The socket's upgrade is refused before its guard without a token (tests/integration/central/permissions.test.ts).
  const httpRoutes = (Object.keys(CENTRAL_API) as CentralRoute[]).filter((r) => r !== 'GET /ws');
  it.each(httpRoutes)('%s asks for the login and permission the table gives', async (route) => {
    const { access } = CENTRAL_API[route] as Endpoint;
    const anonymous = await send(route);
    if (access === 'public') {
      expect(anonymous.status).not.toBe(401);
      return;
    }
    expect(anonymous.status).toBe(401);
    for (const role of ROLES) {
      const answer = await send(route, role);
      if (access === 'signedIn' && role === 'integration')
        // "Any staff login" is a person's: the vehicle systems' account is refused there too.
        expect({ status: answer.status, body: await answer.json() }).toMatchObject({
          status: 403,
          body: { code: 'auth.notForConsole' },
        });
      else if (access === 'signedIn' || can(role, access)) expect([401, 403]).not.toContain(answer.status);
      else
        expect({ status: answer.status, body: await answer.json() }).toMatchObject({
          status: 403,
          body: { code: 'role.forbidden', params: { role, action: access } },
        });
    }
  });
});
