import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpProblem } from './problem';

/**
 * One shape for every refusal: `{ error, issues? }`. Fastify's own 4xx (malformed JSON, body too large,
 * unsupported media type) keep their status with their message; anything else is a bug: logged by
 * request id only, answered 500 without details.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    if (error instanceof HttpProblem) {
      return reply
        .status(error.statusCode)
        .send({ error: error.message, ...(error.issues ? { issues: error.issues } : {}) });
    }
    const status = error.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return reply.status(status).send({ error: error.message, code: error.code });
    }
    request.log.error(
      { reqId: request.id, code: error.code, name: error.name, message: error.message },
      'unhandled error',
    );
    return reply.status(500).send({ error: 'internal error' });
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ error: 'no such route' }));
}
