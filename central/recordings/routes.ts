import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { mayPlayRecordings, mayTouchCard } from '../access/rules';
import type { AuditLog } from '../audit/auditLogRepository';
import type { AuthService } from '../session/authService';
import { type CardRepository, cardReach } from '../cards/cardRepository';
import type { Sql } from '../db/database';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import type { RecordingRepository } from './recordingRepository';
import type { CallQualityRepository } from '../appeals/callQualityRepository';
import { summariseQuality } from '../../domain/calls/callQuality';
import { refusal } from '../../domain/contract/refusal';

const IdParams = z.strictObject({ id: z.uuid('card id must be a UUID') });
const FileParams = z.strictObject({ id: z.uuid('recording id must be a UUID') });

/**
 * The call recordings of a card (§17): metadata in `recordings`, the bytes an uploaded card file with the
 * same id (central/uploads, `cardFilesDir`). Only the roles that review recordings see them listed or play
 * them, and every play is in the hash-chained audit log (who, when, which) before a byte is sent.
 */
export function registerRecordingRoutes(
  app: FastifyInstance,
  deps: {
    db: Sql;
    auth: AuthService;
    audit: AuditLog;
    cards: CardRepository;
    recordings: RecordingRepository;
    callQuality: CallQualityRepository;
    cardFilesDir: string;
  },
): void {
  const { db, auth, audit, cards, recordings } = deps;
  staffRoute(
    app,
    auth,
    'GET /api/cards/:id/recordings',
    { params: IdParams },
    async ({ principal, params }) => {
      const s = await cards.byId(db, params.id);
      if (!s || !mayTouchCard(principal, cardReach(s)))
        throw new HttpProblem(404, refusal('card.notFound'), 'no such card in your territory');
      // Another role reads the card but is not shown that a recording exists.
      if (!mayPlayRecordings(principal, cardReach(s))) return { recordings: [], callQuality: null };
      const appealId = s.card.appealId;
      const windows = appealId ? await deps.callQuality.forAppeal(db, appealId) : [];
      return {
        recordings: await recordings.forCard(db, params.id),
        callQuality: windows.length > 0 ? summariseQuality(windows) : null,
      };
    },
  );

  staffRoute(
    app,
    auth,
    'GET /api/recordings/:id',
    { params: FileParams },
    async ({ principal, params, reply }) => {
      const recording = await recordings.byFileId(db, params.id);
      const card = recording && (await cards.byId(db, recording.cardId));
      if (!recording || !card || !mayPlayRecordings(principal, cardReach(card)))
        throw new HttpProblem(404, refusal('attachment.notFound'), 'no such recording in your territory');
      if (recording.purged)
        throw new HttpProblem(
          410,
          refusal('attachment.purged'),
          'the recording was removed after its retention period',
        );
      const path = join(deps.cardFilesDir, recording.fileId);
      // Registered but not yet uploaded whole (the console is still sending it): nothing to play yet.
      const whole = await stat(path).catch(() => null);
      if (!whole)
        throw new HttpProblem(404, refusal('attachment.notFound'), 'the recording has not been uploaded yet');
      await audit.record({
        accountId: principal.accountId,
        action: 'recording.read',
        subjectId: recording.fileId,
        reason: 'GET /api/recordings/:id',
      });
      return reply
        .header('content-type', recording.mimeType)
        .header('content-length', String(whole.size))
        .header('content-disposition', 'attachment')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(path));
    },
  );
}
