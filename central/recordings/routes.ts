import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { mayPlayRecordings, mayTouchCard } from '../access/rules';
import type { AuditedFileSender } from '../http/auditedFile';
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
    cards: CardRepository;
    recordings: RecordingRepository;
    callQuality: CallQualityRepository;
    cardFilesDir: string;
    sendFile: AuditedFileSender;
  },
): void {
  const { db, auth, cards, recordings, sendFile } = deps;
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
    async ({ principal, params, request, reply }) => {
      const recording = await recordings.byFileId(db, params.id);
      const card = recording && (await cards.byId(db, recording.cardId));
      if (!recording || !card || !mayPlayRecordings(principal, cardReach(card)))
        throw new HttpProblem(404, refusal('attachment.notFound'), 'no such recording in your territory');
      const path = join(deps.cardFilesDir, recording.fileId);
      // Registered but not yet uploaded whole (the console is still sending it): nothing to play yet.
      const whole = recording.purged ? null : await stat(path).catch(() => null);
      if (!whole && !recording.purged)
        throw new HttpProblem(404, refusal('attachment.notFound'), 'the recording has not been uploaded yet');
      return sendFile(
        request,
        reply,
        {
          path,
          size: whole?.size ?? 0,
          contentType: recording.mimeType,
          purged: recording.purged,
          noun: 'recording',
        },
        {
          accountId: principal.accountId,
          action: 'recording.read',
          subjectId: recording.fileId,
          reason: 'GET /api/recordings/:id',
        },
      );
    },
  );
}
