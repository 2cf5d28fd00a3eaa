import { z } from 'zod';
import { type Unit, UnitSchema, type UnitStatus } from '../../domain/dispatch/unit';
import type { Session } from '../../domain/session/session';
import type { SignedInCentral } from '../central/client';
import type { UnitStore } from '../store/units';
import { type BoardAnswer, answerOf } from '../board/boardService';

/** The one realtime frame this service takes: units of the account's territory that changed. */
const UnitsMessageSchema = z.object({ type: z.literal('units'), units: z.array(UnitSchema) });

export interface UnitsService {
  /** The units of the signed-in account as last received (offline too), and when they were last pulled. */
  list(): { units: Unit[]; fetchedAt: string | null };
  /** Pulls the whole list from central (sign-in, every reconnection); false when central did not answer. */
  refresh(): Promise<boolean>;
  /** A realtime frame from central: units that moved or changed status. */
  fromCentral(json: unknown): void;
  /** §13: sends the units to the card — one outbox operation, queued while offline. */
  dispatch(cardId: string, unitIds: readonly string[]): Unit[];
  /**
   * §13: a status the crew radios in, set by the inspector or the duty officer. Central's answer at once, never
   * queued: a status that reached central late would overwrite a fresher one from the vehicle's own system.
   */
  setStatus(unitId: string, status: UnitStatus): Promise<BoardAnswer<Unit>>;
}

/**
 * Units as live data on the console (§13): kept per account in SQLite for the offline copy, current through
 * central's socket, each change handed to the screens at once (`units.changed`).
 */
export function createUnitsService(deps: {
  store: UnitStore;
  central: SignedInCentral | null;
  session: () => Session | null;
  emit: (units: Unit[]) => void;
  now: () => Date;
}): UnitsService {
  const account = () => deps.session()?.login ?? null;
  return {
    list() {
      const login = account();
      return login ? deps.store.list(login) : { units: [], fetchedAt: null };
    },
    async refresh() {
      const login = account();
      if (!login || !deps.central) return false;
      const answer = await deps.central.call('GET /api/units/live', {});
      if (!answer.ok || account() !== login) return false;
      deps.store.replace(login, answer.value.units, deps.now().toISOString());
      deps.emit(answer.value.units);
      return true;
    },
    fromCentral(json) {
      const login = account();
      const parsed = UnitsMessageSchema.safeParse(json);
      if (!login || !parsed.success) return;
      deps.store.apply(login, parsed.data.units);
      deps.emit(parsed.data.units);
    },
    dispatch(cardId, unitIds) {
      const login = account();
      if (!login) return [];
      const sent = deps.store.dispatch(login, cardId, unitIds, deps.now().toISOString());
      deps.emit(sent);
      return sent;
    },
    async setStatus(unitId, status) {
      const login = account();
      if (!login || !deps.central) return { ok: false, offline: true };
      const answer = answerOf(
        await deps.central.call('POST /api/units/:id/status', { params: { id: unitId }, body: { status } }),
      );
      if (!answer.ok) return answer;
      if (account() === login) {
        deps.store.apply(login, [answer.value.unit]);
        deps.emit([answer.value.unit]);
      }
      return { ok: true, value: answer.value.unit };
    },
  };
}
