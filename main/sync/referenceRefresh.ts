import type { ReferenceKind } from '../../domain/reference/reference';
import { outlineOf } from '../../domain/places/territoryOutline';
import type { Logger } from '../log';
import {
  EVERY_ACCOUNT,
  type ReferenceData,
  type ReferenceScope,
  type ReferenceValues,
  scopeOfAccount,
} from '../store/referenceData';
import type { ClientRoute, RouteAnswer, RouteInput, SignedInCentral } from '../central/client';

/**
 * How often the offline copy is checked after a good sync round. Reference data changes rarely (an admin's
 * import); rounds run on every local save, so checking each round would double the requests for nothing.
 */
export const REFERENCE_REFRESH_MS = 10 * 60_000;

type Outcome = 'changed' | 'unchanged' | 'failed';

interface Context {
  central: SignedInCentral;
  store: ReferenceData;
  scope: ReferenceScope;
  log: Logger;
}

type ReferenceRoute = Extract<
  ClientRoute,
  'GET /api/departments' | 'GET /api/units' | 'GET /api/territories'
>;

/** One kind of reference data: where central serves it, how its answer is checked, and what of it is kept. */
function source<K extends ReferenceKind, R extends ReferenceRoute>(
  kind: K,
  route: R,
  /** Central answers for the signed-in account's scope; otherwise the same for everyone. */
  perAccount: boolean,
  keep: (answer: RouteAnswer<R>) => ReferenceValues[K],
) {
  return {
    kind,
    scopeFor: (accountScope: ReferenceScope) => (perAccount ? accountScope : EVERY_ACCOUNT),
    async refresh({ central, store, scope, log }: Context): Promise<Outcome> {
      const held = store.stamp(kind, scope);
      const answer = await central.callIfChanged(route, {} as RouteInput<R>, held?.etag ?? null);
      if (!answer.ok) {
        // A bad answer is refused whole and the copy held stays: offline work goes on with what was good.
        const { failure } = answer;
        log.warn('reference.refresh.failed', {
          kind,
          failure: failure.kind === 'http' ? `${failure.status} ${failure.message}` : failure.kind,
        });
        return 'failed';
      }
      if (!answer.value.changed) {
        store.confirm(kind, scope);
        return 'unchanged';
      }
      store.save(kind, scope, keep(answer.value.value), answer.value.etag);
      return 'changed';
    },
  };
}

const SOURCES = [
  source('departments', 'GET /api/departments', false, (a) => a.departments),
  source('units', 'GET /api/units', true, (a) => a.units),
  // The console only draws territories (central routes by them): it keeps outlines, not survey detail.
  source('territories', 'GET /api/territories', true, (a) => a.territories.map((t) => outlineOf(t))),
];

export interface ReferenceRefresh {
  /**
   * Brings the offline copy for the account up to date: each kind older than the period, or every kind
   * when `force` (a sign-in). Each request carries the ETag held, so an unchanged kind costs a 304.
   */
  refresh(departmentId: string | null, options?: { force?: boolean }): Promise<void>;
  /** Resolves once no refresh is running (before the database closes). */
  settled(): Promise<void>;
}

export function createReferenceRefresh(deps: {
  central: SignedInCentral;
  store: ReferenceData;
  log: Logger;
  now: () => Date;
  onChanged(kind: ReferenceKind): void;
  periodMs?: number;
}): ReferenceRefresh {
  const periodMs = deps.periodMs ?? REFERENCE_REFRESH_MS;
  let running: Promise<void> | null = null;

  async function run(departmentId: string | null, force: boolean): Promise<void> {
    for (const kind of SOURCES) {
      const scope = kind.scopeFor(scopeOfAccount(departmentId));
      const held = deps.store.stamp(kind.kind, scope);
      const fresh = held && deps.now().getTime() - Date.parse(held.fetchedAt) < periodMs;
      if (fresh && !force) continue;
      const outcome = await kind.refresh({
        central: deps.central,
        store: deps.store,
        scope,
        log: deps.log,
      });
      if (outcome === 'changed') deps.onChanged(kind.kind);
    }
  }

  return {
    refresh(departmentId, options) {
      // One refresh at a time: a sign-in and the first round after it ask together.
      running ??= run(departmentId, options?.force ?? false).finally(() => {
        running = null;
      });
      return running;
    },
    settled: () => running?.catch(() => undefined) ?? Promise.resolve(),
  };
}
