import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DepartmentIdSchema } from '../../domain/department';
import { TerritoryImportSchema } from '../../domain/territory';
import type { AuthService } from '../accounts/authService';
import type { Sql } from '../db/database';
import { HttpProblem } from '../http/problem';
import { staffRoute } from '../http/staffRoute';
import type { TerritoryService } from '../territories/territoryService';
import { type DepartmentDirectory, listPatrolUnits } from './departmentRepository';

/** Territory files can be large (detailed official borders); the import route allows more than the default. */
export const TERRITORY_IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export function registerDepartmentRoutes(
  app: FastifyInstance,
  deps: { db: Sql; auth: AuthService; departments: DepartmentDirectory; territories: TerritoryService },
): void {
  const { db, auth, departments, territories } = deps;

  staffRoute(app, auth, 'GET /api/departments', {}, async () => ({ departments: departments.list() }));

  staffRoute(
    app,
    auth,
    'GET /api/departments/:id/units',
    { params: z.strictObject({ id: DepartmentIdSchema }) },
    async ({ params }) => {
      if (!departments.get(params.id)) throw new HttpProblem(404, 'no such department');
      return { units: await listPatrolUnits(db, params.id) };
    },
  );

  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: TERRITORY_IMPORT_MAX_BYTES },
      (_req, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch {
          done(new HttpProblem(400, 'the file is not valid JSON'), undefined);
        }
      },
    );
    staffRoute(
      scope,
      auth,
      'POST /api/territories/import',
      { body: TerritoryImportSchema },
      async ({ body }) => territories.importOfficial(body),
    );
  });
}
