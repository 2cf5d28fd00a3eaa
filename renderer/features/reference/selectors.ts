import type { Department } from '../../../domain/reference/department';
import { createTerritoryRouter, type Territory, type TerritoryRouter } from '../../../domain/places/territory';
import type { ConsoleState } from '../../store';

/** A department's name in the interface language (Kazakh, Russian, or English for anything else). */
export function departmentName(department: Department, language: string): string {
  if (language.startsWith('kk')) return department.nameKk;
  if (language.startsWith('ru')) return department.nameRu;
  return department.nameEn;
}

/** The signed-in account's own department, null for a national account or nobody signed in. */
export const selectOwnDepartment = (state: ConsoleState): Department | null =>
  state.departments.find((d) => d.id === state.session?.departmentId) ?? null;

const routers = new WeakMap<readonly Territory[], TerritoryRouter>();

/** Which of the account's territories holds a point, from the offline outlines (built once per copy). */
export function territoryRouterFor(territories: readonly Territory[]): TerritoryRouter {
  let router = routers.get(territories);
  if (!router) {
    router = createTerritoryRouter(territories);
    routers.set(territories, router);
  }
  return router;
}
