import type { FastifyInstance } from 'fastify';
import {
  NewUnitSchema,
  UnitChangesSchema,
  UnitDirectoryQuerySchema,
  UnitIdParamsSchema,
} from '../../domain/admin/directories';
import { refusal } from '../../domain/contract/refusal';
import type { AuditLog } from '../audit/auditLogRepository';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import type { AuthService } from '../session/authService';
import { staffRoute } from '../session/staffRoute';
import type { UnitDirectory } from './unitDirectoryRepository';

/**
 * The directory of patrol units and СОГ (§13) as the digitalisation unit keeps it (§28): a department's units,
 * a new one, a changed call sign, kind or crew. Every change is audited (its fields, not its words). A unit is
 * never removed here: the cards it was sent to keep pointing at it.
 */
export function registerUnitDirectoryRoutes(
  app: FastifyInstance,
  deps: {
    auth: AuthService;
    unitDirectory: UnitDirectory;
    departments: DepartmentDirectory;
    audit: AuditLog;
    /** The consoles of the unit's territory are told at once, or they show the old call sign until they ask. */
    announce: (unitId: string) => Promise<void>;
  },
): void {
  const { auth, unitDirectory, departments, audit, announce } = deps;
  const checkDepartment = (id: string) => {
    if (!departments.get(id))
      throw new HttpProblem(
        400,
        refusal('department.unknown', { departmentId: id }),
        `unknown department ${id}`,
      );
  };

  staffRoute(
    app,
    auth,
    'GET /api/directories/units',
    { query: UnitDirectoryQuerySchema },
    async ({ query }) => {
      checkDepartment(query.departmentId);
      return { units: await unitDirectory.entries(query.departmentId) };
    },
  );

  staffRoute(
    app,
    auth,
    'POST /api/directories/units',
    { body: NewUnitSchema },
    async ({ principal, body, reply }) => {
      checkDepartment(body.departmentId);
      const created = await unitDirectory.insert(body);
      if (!created) throw new HttpProblem(409, refusal('unit.idTaken'), `unit id ${body.id} is taken`);
      await audit.record({
        accountId: principal.accountId,
        action: 'unit.created',
        subjectId: created.id,
        reason: 'POST /api/directories/units',
      });
      await announce(created.id);
      return reply.status(201).send(created);
    },
  );

  staffRoute(
    app,
    auth,
    'PATCH /api/directories/units/:id',
    { params: UnitIdParamsSchema, body: UnitChangesSchema },
    async ({ principal, params, body }) => {
      const changed = await unitDirectory.update(params.id, body);
      if (!changed) throw new HttpProblem(404, refusal('unit.notFound'), `no unit ${params.id}`);
      await audit.record({
        accountId: principal.accountId,
        action: 'unit.changed',
        subjectId: changed.id,
        reason: `PATCH /api/directories/units/:id ${Object.keys(body).join(' ')}`,
      });
      await announce(changed.id);
      return changed;
    },
  );
}
