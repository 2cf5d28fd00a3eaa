import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type AppealStaffView, ChatInputSchema } from '../../domain/appeals/appeal';
import type { AccessPolicy } from '../access/accessPolicy';
import { mayTouchAppeal } from '../access/rules';
import type { Principal } from '../session/principal';
import type { AuthService } from '../session/authService';
import { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem, valueOrProblem } from '../http/problem';
import type { AuditedFileSender } from '../http/auditedFile';
import { staffRoute } from '../session/staffRoute';
import type { AppealRepository } from './appealRepository';
import type { AttachmentStore } from './attachmentStore';
import type { CallService } from './callService';
import type { IntakeService } from './intakeService';
import { refusal } from '../../domain/contract/refusal';

const IdParams = z.strictObject({ id: z.uuid('id must be a UUID') });
const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** The operators' side of appeals: the queue of their territory, chat with the citizen, taking calls. */
export function registerStaffAppealRoutes(
  app: FastifyInstance,
  deps: {
    access: AccessPolicy;
    auth: AuthService;
    appeals: AppealRepository;
    attachments: AttachmentStore;
    intake: IntakeService;
    calls: CallService;
    sendFile: AuditedFileSender;
  },
): void {
  const { access, auth, appeals, attachments, intake, calls, sendFile } = deps;

  async function appealInScope(p: Principal, id: string): Promise<AppealStaffView> {
    const found = await appeals.byId(id);
    // Another territory's appeal answers as if it did not exist: no probing of ids.
    if (!found || !mayTouchAppeal(p, found.appeal))
      throw new HttpProblem(404, refusal('appeal.notFound'), 'no such appeal in your territory');
    return found.appeal;
  }

  staffRoute(app, auth, 'GET /api/staff/appeals', { query: ListQuery }, async ({ principal, query }) => {
    const list = await appeals.listForStaff(DepartmentDirectory.scopeIds(principal.scope), query.limit);
    // A list shows no identities; the audited single read does.
    return { appeals: access.withoutIdentity(list) };
  });

  staffRoute(app, auth, 'GET /api/staff/appeals/:id', { params: IdParams }, async ({ principal, params }) => {
    const appeal = await access.visibleOne(
      principal,
      await appealInScope(principal, params.id),
      'GET /api/staff/appeals/:id',
    );
    return { appeal, messages: await appeals.chat(appeal.id) };
  });

  // What the appeal carries, without a byte of it: names and types only, so listing is not a read to audit.
  staffRoute(
    app,
    auth,
    'GET /api/staff/appeals/:id/attachments',
    { params: IdParams },
    async ({ principal, params }) => ({
      attachments: (await appealInScope(principal, params.id)).attachments,
    }),
  );

  staffRoute(
    app,
    auth,
    'GET /api/staff/appeals/:id/attachments/:attachmentId',
    {
      params: z.strictObject({
        id: z.uuid('id must be a UUID'),
        attachmentId: z.uuid('attachment id must be a UUID'),
      }),
    },
    async ({ principal, params, request, reply }) => {
      await appealInScope(principal, params.id);
      const stored = await appeals.storedAttachment(params.id, params.attachmentId);
      if (!stored) throw new HttpProblem(404, refusal('attachment.notFound'), 'no such attachment');
      return sendFile(
        request,
        reply,
        {
          path: attachments.pathOf(stored.storageName),
          size: stored.bytes,
          contentType: stored.contentType,
          purged: stored.purged,
          noun: 'attachment',
        },
        {
          accountId: principal.accountId,
          action: 'attachment.read',
          subjectId: params.attachmentId,
          reason: 'GET /api/staff/appeals/:id/attachments/:attachmentId',
        },
      );
    },
  );

  staffRoute(
    app,
    auth,
    'POST /api/staff/appeals/:id/messages',
    { params: IdParams, body: ChatInputSchema },
    async ({ principal, params, body, reply }) => {
      const appeal = await appealInScope(principal, params.id);
      return reply.status(201).send(await intake.postChat(appeal, 'staff', principal.accountId, body.text));
    },
  );

  staffRoute(
    app,
    auth,
    'POST /api/staff/calls/:id/accept',
    { params: IdParams },
    async ({ principal, params }) => valueOrProblem(await calls.accept(principal, params.id)),
  );
}
