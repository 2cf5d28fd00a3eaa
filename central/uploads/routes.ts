import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  UPLOAD_LIMITS,
  type UploadDeclaration,
  UploadDeclarationSchema,
  type UploadStatus,
  chunkCount,
} from '../../domain/files/upload';
import type { AuthService } from '../session/authService';
import type { Principal } from '../session/principal';
import { mayTouchCard, roleRefusal } from '../access/rules';
import { type CardRepository, cardReach } from '../cards/cardRepository';
import type { Sql } from '../db/database';
import { refusal } from '../../domain/contract/refusal';
import { HttpProblem, parseOr400 } from '../http/problem';
import { bearerToken } from '../session/staffRoute';

const IdParams = z.strictObject({ id: z.uuid() });
const ChunkParams = z.strictObject({ id: z.uuid(), index: z.coerce.number().int().nonnegative() });

/**
 * Resumable uploads (domain/files/upload.ts), kept in files under `dir`: `<id>.json` (the declaration),
 * `<id>.part` (the chunks received, in order) and `<id>` once complete and checked. A chunk is appended
 * only when it is the next one, so a repeated chunk is acknowledged without being written twice.
 */
export function uploadRoutes(deps: { auth: AuthService; dir: string; db: Sql; cards: CardRepository }) {
  return async (app: FastifyInstance): Promise<void> => {
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS.chunkMax },
      (_req, body, done) => done(null, body),
    );
    await mkdir(deps.dir, { recursive: true });
    const path = (id: string, ext = '') => join(deps.dir, `${id}${ext}`);
    // A retried chunk may arrive while the first copy is still being written: one writer per upload.
    const queues = new Map<string, Promise<unknown>>();
    const serially = <T>(id: string, job: () => Promise<T>): Promise<T> => {
      const next = (queues.get(id) ?? Promise.resolve()).then(job, job);
      queues.set(
        id,
        next.catch(() => undefined),
      );
      return next;
    };

    async function writer(request: FastifyRequest): Promise<Principal> {
      const principal = await deps.auth.authenticate(bearerToken(request));
      const forbidden = roleRefusal(principal, 'cards.write');
      if (forbidden)
        throw new HttpProblem(403, forbidden, `role ${principal.role} may not attach files to cards`);
      return principal;
    }
    /** A file belongs to a card: only someone who may touch that card declares, sends or asks about it. */
    async function cardInReach(p: Principal, cardId: string): Promise<void> {
      const card = await deps.cards.byId(deps.db, cardId);
      if (!card || !mayTouchCard(p, cardReach(card)))
        throw new HttpProblem(404, refusal('card.notFound'), 'no such card in your territory');
    }
    /** The declaration, for someone who may touch its card; another territory's upload does not exist. */
    async function declaration(p: Principal, id: string): Promise<UploadDeclaration> {
      const raw = await readFile(path(id, '.json'), 'utf8').catch(() => null);
      if (raw === null) throw new HttpProblem(404, refusal('upload.notFound'), 'no such upload');
      const d = UploadDeclarationSchema.parse(JSON.parse(raw));
      await cardInReach(p, d.cardId).catch(() => {
        throw new HttpProblem(404, refusal('upload.notFound'), 'no such upload in your territory');
      });
      return d;
    }
    async function status(d: UploadDeclaration): Promise<UploadStatus> {
      const chunks = chunkCount(d);
      const complete = await stat(path(d.id)).then(
        () => true,
        () => false,
      );
      if (complete) return { id: d.id, nextChunk: chunks, chunks, complete };
      const received = await stat(path(d.id, '.part')).then(
        (s) => s.size,
        () => 0,
      );
      return { id: d.id, nextChunk: Math.floor(received / d.chunkSize), chunks, complete: false };
    }

    app.post('/api/uploads', async (request) => {
      const principal = await writer(request);
      const d = parseOr400(UploadDeclarationSchema, request.body, 'body');
      await cardInReach(principal, d.cardId);
      // Declaring again is how a console resumes: the same declaration answers the current status.
      const existing = await readFile(path(d.id, '.json'), 'utf8').catch(() => null);
      if (existing === null)
        await writeFile(path(d.id, '.json'), JSON.stringify(d), { flag: 'wx' }).catch(() => undefined);
      return status(await declaration(principal, d.id));
    });

    app.get('/api/uploads/:id', async (request) => {
      const principal = await writer(request);
      return status(await declaration(principal, parseOr400(IdParams, request.params, 'path').id));
    });

    app.put('/api/uploads/:id/chunks/:index', async (request) => {
      const principal = await writer(request);
      const { id, index } = parseOr400(ChunkParams, request.params, 'path');
      const d = await declaration(principal, id);
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new HttpProblem(415, refusal('request.malformed'), 'a chunk is application/octet-stream');
      return serially(id, async () => {
        const current = await status(d);
        if (index < current.nextChunk) return current;
        if (index > current.nextChunk)
          throw new HttpProblem(
            409,
            refusal('upload.chunkOutOfOrder', { next: current.nextChunk }),
            `chunk ${current.nextChunk} is needed next`,
          );
        const last = index === current.chunks - 1;
        const expected = last ? d.size - index * d.chunkSize : d.chunkSize;
        if (body.length !== expected)
          throw new HttpProblem(
            400,
            refusal('upload.chunkSize', { index, bytes: expected }),
            `chunk ${index} must be ${expected} bytes`,
          );
        // A chunk half-written when central stopped is cut away before the next is appended.
        await truncate(path(id, '.part'), index * d.chunkSize).catch(() => undefined);
        await appendFile(path(id, '.part'), body);
        if (!last) return status(d);
        const whole = await readFile(path(id, '.part'));
        if (createHash('sha256').update(whole).digest('hex') !== d.sha256) {
          await truncate(path(id, '.part'), 0);
          throw new HttpProblem(
            422,
            refusal('upload.hashMismatch'),
            'the assembled file does not match its SHA-256',
          );
        }
        await rename(path(id, '.part'), path(id));
        return status(d);
      });
    });
  };
}
