import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A strong validator of the exact bytes sent: equal JSON, equal tag. */
export function etagOf(json: string): string {
  return `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
}

/** Whether `If-None-Match` names this tag (a list, `*` or a weak form of it all count, as RFC 9110 §13.1.2 says). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * Sends reference data with an ETag, or 304 with no body when the client already holds it: consoles check
 * their offline copy often, and an unchanged answer then costs a header, not the territories again.
 */
export function sendWithEtag(request: FastifyRequest, reply: FastifyReply, json: string): FastifyReply {
  const etag = etagOf(json);
  // Each account's scope has its own answer: private, and always revalidated.
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}
