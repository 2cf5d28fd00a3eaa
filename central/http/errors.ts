import type { FastifyError, FastifyInstance } from 'fastify';
import { type Refusal, refusal } from '../../domain/contract/refusal';
import { HttpProblem } from './problem';

/** Fastify's own refusals by status: a body too large, and everything else it cannot read. */
function fastifyRefusal(status: number): Refusal {
  return status === 413 ? refusal('request.tooLarge') : refusal('request.malformed');
}

/**
 * One shape for every refusal: `{ code, params, error, issues? }` — the code and parameters from
 * domain/contract/refusal.ts for the screens, `error` the English detail for developers. Fastify's own 4xx
 * (malformed JSON, body too large, unsupported media type) keep their status; anything else is a bug:
 * logged by request id only, answered 500 without details.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    if (error instanceof HttpProblem) {
      return reply.status(error.statusCode).send({
        ...error.refusal,
        error: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
      });
    }
    const status = error.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply
        .status(status)
        .send({ ...fastifyRefusal(status), error: error.message, fastifyCode: error.code });
    }
    request.log.error(
      { reqId: request.id, code: error.code, name: error.name, message: error.message },
      'unhandled error',
    );
    return reply.status(500).send({ ...refusal('internal'), error: 'internal error' });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ ...refusal('route.notFound'), error: 'no such route' }),
  );
}
