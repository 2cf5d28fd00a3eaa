import type { LatLon } from '../../domain/places/geo';
import type { TerritoriesAnswer } from '../../domain/reference/reference';
import { inScope, type Scope } from '../../domain/session/roles';
import {
  createTerritoryRouter,
  type RoutingDecision,
  type Territory,
  TerritoryGeometrySchema,
  type TerritoryImport,
  type TerritoryRouter,
} from '../../domain/places/territory';
import type { CountryCheck } from '../../domain/places/country';
import { checkTerritoryFile } from '../../domain/places/territoryFile';
import type { Database } from '../db/database';
import { territoryRepository } from './territoryRepository';
import type { DepartmentDirectory } from '../departments/departmentRepository';
import { HttpProblem } from '../http/problem';
import type { EventBus } from '../bus/bus';
import { refusal } from '../../domain/contract/refusal';

/**
 * The routing table in memory (§8), rebuilt from the database at start and whenever territories change
 * on any instance.
 */
export class TerritoryService {
  private router: TerritoryRouter = createTerritoryRouter([]);
  private territories: Territory[] = [];
  /** Each scope's answer as sent, built once per change: national borders are large to serialise. */
  private answers = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly departments: DepartmentDirectory,
    private readonly bus: EventBus,
  ) {
    bus.subscribe((e) => {
      if (e.kind === 'territories.changed') void this.reload().catch(() => undefined);
    });
  }

  async reload(): Promise<void> {
    const rows = await territoryRepository.all(this.db);
    this.territories = rows
      .map((r) => ({ departmentId: r.department_id, geometry: TerritoryGeometrySchema.parse(r.geometry) }))
      .sort((a, b) => a.departmentId.localeCompare(b.departmentId));
    this.router = createTerritoryRouter(this.territories);
    this.answers = new Map();
  }

  /** `GET /api/territories`: the territories of the scope's departments, as JSON (`{ territories }`). */
  answerJson(scope: Scope): string {
    const key = scope.national ? '*' : [...scope.departmentIds].sort().join(',');
    let json = this.answers.get(key);
    if (json === undefined) {
      const territories = this.territories.filter((t) => inScope(scope, t.departmentId));
      json = JSON.stringify({ territories } satisfies TerritoriesAnswer);
      this.answers.set(key, json);
    }
    return json;
  }

  /** Every territory as loaded (the neighbours of an escalated call are found among them). */
  list(): readonly Territory[] {
    return this.territories;
  }

  route(point: LatLon | null, chosenDepartmentId: string | null): RoutingDecision {
    return this.router.route(point, chosenDepartmentId);
  }

  /**
   * Replaces the territories of the departments in the file, all or nothing. Its departments first, then its
   * geometry (domain/places/territoryFile.ts: self-intersections, outside the country), as the console's
   * preview checked it.
   */
  async importOfficial(file: TerritoryImport, inCountry: CountryCheck): Promise<{ imported: number }> {
    const ids = file.features.map((f) => f.properties.departmentId);
    const unknown = [...new Set(ids.filter((id) => !this.departments.get(id)))];
    if (unknown.length > 0)
      throw new HttpProblem(
        400,
        refusal('territory.unknownDepartments', { departmentIds: unknown.slice(0, 20) }),
        `unknown departments: ${unknown.slice(0, 20).join(', ')}`,
      );
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    const twice = repeated[0];
    if (twice !== undefined)
      throw new HttpProblem(
        400,
        refusal('territory.repeatedDepartment', { departmentId: twice }),
        `a department appears twice: ${twice}`,
      );
    const checked = checkTerritoryFile(file, inCountry);
    if (!checked.ok)
      throw new HttpProblem(400, checked.problem, `the file is refused: ${checked.problem.code}`);
    await this.db.transaction((tx) =>
      territoryRepository.save(
        tx,
        file.features.map((f) => ({ departmentId: f.properties.departmentId, geometry: f.geometry })),
        'official',
      ),
    );
    await this.reload();
    await this.bus.publish({ kind: 'territories.changed' });
    return { imported: ids.length };
  }
}
