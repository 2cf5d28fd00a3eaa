import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpProblem, parseOr400 } from '../http/problem';
import { refusal } from '../../domain/contract/refusal';
import type { Role } from '../../domain/session/roles';
import { bearerToken } from '../session/staffRoute';

/** §27 readiness: the workstation probe measures bandwidth and round trip against central. */
export const NET_TEST_MAX_BYTES = 50 * 1024 * 1024;
const CHUNK = randomBytes(64 * 1024);

const DownloadQuery = z.strictObject({
  bytes: z.coerce.number().int().min(0).max(NET_TEST_MAX_BYTES, `at most ${NET_TEST_MAX_BYTES} bytes`),
});

/** Streams `n` bytes of one random chunk repeated: incompressible enough for a link test, free to produce. */
function payload(n: number): Readable {
  let left = n;
  return new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const take = Math.min(left, CHUNK.length);
      left -= take;
      this.push(CHUNK.subarray(0, take));
    },
  });
}

/**
 * The transfers (up to 50 MB each) are for signed-in workstations only: any staff access token, checked
 * before a byte of an upload is read. The ping stays open (a few bytes), so a console that is not signed in
 * yet still learns whether central answers; every route is also limited per address (http/rateLimits.ts).
 */
export function registerNetRoutes(
  app: FastifyInstance,
  deps: { auth: { authenticate(token: string | undefined): Promise<{ role: Role }> } },
): void {
  app.get('/api/net/ping', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ t: Date.now() }),
  );

  const signedIn = async (request: FastifyRequest) => {
    const principal = await deps.auth.authenticate(bearerToken(request));
    // A vehicle system's account is no workstation (§13: it reports units and nothing else).
    if (principal.role === 'integration')
      throw new HttpProblem(403, refusal('auth.notForConsole'), 'a vehicle system account is no workstation');
  };

  app.get('/api/net/download', { onRequest: signedIn }, async (request, reply) => {
    const { bytes } = parseOr400(DownloadQuery, request.query, 'query');
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'application/octet-stream')
      .header('content-length', String(bytes))
      .send(payload(bytes));
  });

  // The upload is counted as it streams and never buffered: 50 MB per probe must not cost 50 MB of memory.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { bodyLimit: NET_TEST_MAX_BYTES }, (_request, stream, done) => {
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      stream.on('end', () => done(null, { bytes }));
      stream.on('error', (error) => done(error, undefined));
    });
    scope.post(
      '/api/net/upload',
      { bodyLimit: NET_TEST_MAX_BYTES, onRequest: signedIn },
      async (request, reply) => {
        const counted = z.object({ bytes: z.number() }).safeParse(request.body);
        return reply
          .header('cache-control', 'no-store')
          .send({ bytes: counted.success ? counted.data.bytes : 0 });
      },
    );
  });
}
