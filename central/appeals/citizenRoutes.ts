import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  APPEAL_LIMITS,
  AppealIntakeSchema,
  AttachmentKindSchema,
  AttachmentNameSchema,
  ChatInputSchema,
} from '../../domain/appeals/appeal';
import { refusal } from '../../domain/contract/refusal';
import { HttpProblem } from '../http/problem';
import { parseAppealOr400 } from './appealInvalid';
import type { AppealRepository } from './appealRepository';
import type { AttachmentStore } from './attachmentStore';
import { sniff } from './attachmentStore';
import { stripPhotoMetadata } from './photoMetadata/stripPhotoMetadata';
import { type IntakeService, toPublicView } from './intakeService';

const AppealParams = z.strictObject({ id: z.uuid('appeal id must be a UUID') });
const AttachmentQuery = z.strictObject({ kind: AttachmentKindSchema, name: AttachmentNameSchema });

export const citizenToken = (request: FastifyRequest): string | undefined => {
  const header = request.headers['x-citizen-token'];
  return typeof header === 'string' ? header : undefined;
};

/**
 * The citizen side (§2, §7): every channel — app, Заң мен Тәртіп, SOS button, chatbots, widget,
 * e-mail gateway — registers appeals here; no login, the citizen token follows one appeal.
 */
export function registerCitizenRoutes(
  app: FastifyInstance,
  deps: { intake: IntakeService; appeals: AppealRepository; attachments: AttachmentStore },
): void {
  const { intake, appeals, attachments } = deps;

  app.post('/api/appeals', async (request, reply) => {
    const receipt = await intake.register(parseAppealOr400(AppealIntakeSchema, request.body));
    return reply.status(201).send(receipt);
  });

  app.get('/api/appeals/:id', async (request) => {
    const { id } = parseAppealOr400(AppealParams, request.params);
    return toPublicView(await intake.appealForCitizen(id, citizenToken(request)));
  });

  app.get('/api/appeals/:id/messages', async (request) => {
    const { id } = parseAppealOr400(AppealParams, request.params);
    return { messages: await intake.citizenChat(id, citizenToken(request)) };
  });

  app.post('/api/appeals/:id/messages', async (request, reply) => {
    const { id } = parseAppealOr400(AppealParams, request.params);
    const { text } = parseAppealOr400(ChatInputSchema, request.body, 'message');
    const appeal = await intake.appealForCitizen(id, citizenToken(request));
    return reply.status(201).send(await intake.postChat(appeal, 'citizen', null, text));
  });

  // Attachments are raw bodies up to the largest kind's limit; each kind is then held to its own limit.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: APPEAL_LIMITS.attachmentBytes.video },
      (_req, body, done) => done(null, body),
    );
    scope.post('/api/appeals/:id/attachments', async (request, reply) => {
      const { id } = parseAppealOr400(AppealParams, request.params);
      const { kind, name } = parseAppealOr400(AttachmentQuery, request.query, 'attachment');
      const appeal = await intake.appealForCitizen(id, citizenToken(request));
      const received = request.body;
      if (!Buffer.isBuffer(received) || received.length === 0)
        throw new HttpProblem(400, refusal('attachment.empty'), 'attachment is empty');
      if (received.length > APPEAL_LIMITS.attachmentBytes[kind]) {
        throw new HttpProblem(
          413,
          refusal('attachment.tooLarge', { kind, maxBytes: APPEAL_LIMITS.attachmentBytes[kind] }),
          `a ${kind} may be at most ${APPEAL_LIMITS.attachmentBytes[kind]} bytes`,
        );
      }
      const format = sniff(kind, received);
      if (!format)
        throw new HttpProblem(
          415,
          refusal('attachment.unsupported', { kind }),
          `the content is not an accepted ${kind} format`,
        );
      // A photo is kept only without its metadata (author, device, GPS position): staff see the picture.
      const bytes = kind === 'photo' ? stripPhotoMetadata(format.contentType, received) : received;
      if (!bytes)
        throw new HttpProblem(
          415,
          refusal('attachment.unreadable'),
          'the photo is damaged or not a well-formed JPEG, PNG or WebP',
        );
      const attachmentId = uuidv7();
      const storageName = await attachments.save(id, attachmentId, format.ext, bytes);
      const attachment = await appeals.addAttachmentWithinLimit(
        id,
        APPEAL_LIMITS.attachmentsMax,
        (position) => ({
          id: attachmentId,
          kind,
          // A device's file name can name its owner ("IMG_Aigerim_…"): an anonymous appeal keeps none.
          name: appeal.anonymous ? `${kind}-${position}.${format.ext}` : name,
          contentType: format.contentType,
          bytes: bytes.length,
          storageName,
        }),
      );
      if (!attachment) {
        await attachments.remove(storageName);
        throw new HttpProblem(
          409,
          refusal('attachment.tooMany', { max: APPEAL_LIMITS.attachmentsMax }),
          `an appeal carries at most ${APPEAL_LIMITS.attachmentsMax} attachments`,
        );
      }
      return reply.status(201).send(attachment);
    });
  });
}
