import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DepartmentIdSchema } from '../../domain/reference/department';
import type { DepartmentsAnswer, UnitsAnswer } from '../../domain/reference/reference';
import { mayTouchDepartment } from '../access/rules';
import { TerritoryImportSchema } from '../../domain/places/territory';
import { TERRITORY_FILE_MAX_BYTES } from '../../domain/places/territoryFile';
import type { CountryCheck } from '../../domain/places/country';
import type { AuditLog } from '../audit/auditLogRepository';
import type { AuthService } from '../session/authService';
import type { Sql } from '../db/database';
import { sendWithEtag } from '../http/etag';
import { jsonBodyProblem } from '../http/jsonBody';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../session/staffRoute';
import type { TerritoryService } from '../territories/territoryService';
import { DepartmentDirectory, listPatrolUnits, listPatrolUnitsIn } from '../departments/departmentRepository';
import { refusal } from '../../domain/contract/refusal';

/** Territory files can be large (detailed official borders); the import route allows more than the default. */
export const TERRITORY_IMPORT_MAX_BYTES = TERRITORY_FILE_MAX_BYTES;

export function registerDepartmentRoutes(
  app: FastifyInstance,
  deps: {
    db: Sql;
    auth: AuthService;
    departments: DepartmentDirectory;
    territories: TerritoryService;
    audit: AuditLog;
    inCountry: CountryCheck;
  },
): void {
  const { db, auth, departments, territories, audit, inCountry } = deps;

  // Reference data for the console's offline copy: sent with an ETag, so an unchanged answer is a bodiless 304.
  staffRoute(app, auth, 'GET /api/departments', {}, async ({ request, reply }) =>
    sendWithEtag(
      request,
      reply,
      JSON.stringify({ departments: [...departments.list()] } satisfies DepartmentsAnswer),
    ),
  );

  staffRoute(app, auth, 'GET /api/units', {}, async ({ principal, request, reply }) => {
    const units = await listPatrolUnitsIn(db, DepartmentDirectory.scopeIds(principal.scope));
    return sendWithEtag(request, reply, JSON.stringify({ units } satisfies UnitsAnswer));
  });

  staffRoute(app, auth, 'GET /api/territories', {}, async ({ principal, request, reply }) =>
    sendWithEtag(request, reply, territories.answerJson(principal.scope)),
  );

  staffRoute(
    app,
    auth,
    'GET /api/departments/:id/units',
    { params: z.strictObject({ id: DepartmentIdSchema }) },
    async ({ principal, params }) => {
      // Another territory's units are as unknown to the account as another territory's cards (§8).
      if (!departments.get(params.id) || !mayTouchDepartment(principal, params.id))
        throw new HttpProblem(404, refusal('department.notFound'), 'no such department');
      return { units: await listPatrolUnits(db, params.id) };
    },
  );

  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: TERRITORY_IMPORT_MAX_BYTES },
      (_req, body, done) => {
        let value: unknown;
        try {
          value = JSON.parse(String(body));
        } catch {
          return done(
            new HttpProblem(400, refusal('request.malformed'), 'the file is not valid JSON'),
            undefined,
          );
        }
        // A larger body than other routes take, held to the same depth and storable text.
        const problem = jsonBodyProblem(value);
        if (problem) return done(problem, undefined);
        done(null, value);
      },
    );
    staffRoute(
      scope,
      auth,
      'POST /api/territories/import',
      { body: TerritoryImportSchema },
      async ({ principal, body }) => {
        const answer = await territories.importOfficial(body, inCountry);
        // Which departments' borders changed: the audit's subject names them (the first 50).
        const ids = body.features.map((f) => f.properties.departmentId);
        await audit.record({
          accountId: principal.accountId,
          action: 'territories.imported',
          subjectId: ids.slice(0, 50).join(','),
          reason: `POST /api/territories/import ${ids.length}`,
        });
        return answer;
      },
    );
  });
}
