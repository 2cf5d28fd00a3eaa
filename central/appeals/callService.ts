import type { CallSignal } from '../../domain/contract/realtime';
import type { LatLon } from '../../domain/places/geo';
import type { Principal } from '../session/principal';
import { HttpProblem } from '../http/problem';
import type { EventBus } from '../realtime/bus';
import type { AppealRepository } from './appealRepository';
import { refusal } from '../../domain/contract/refusal';

/**
 * Call requests and SOS video (§9, §18): the first eligible operator to accept gets the call; SDP and
 * ICE then pass between that operator and the citizen only.
 */
export function createCallService(deps: { appeals: AppealRepository; bus: EventBus }) {
  const { appeals, bus } = deps;
  /** A call the citizen left before anyone accepted it leaves every queue (every console stops ringing). */
  async function withdraw(appealId: string): Promise<boolean> {
    const withdrawn = await appeals.withdrawCall(appealId);
    if (!withdrawn) return false;
    await bus.publish({
      kind: 'appeal.status',
      departmentId: withdrawn.departmentId,
      appealId,
      status: 'closed',
    });
    return true;
  }

  return {
    async accept(p: Principal, appealId: string): Promise<{ appealId: string; operatorId: string }> {
      const taken = await appeals.acceptCall(appealId, p.accountId);
      if (!taken)
        throw new HttpProblem(409, refusal('call.taken'), 'the call is already taken or is not a call');
      await bus.publish({
        kind: 'call.taken',
        departmentId: taken.departmentId,
        appealId,
        operatorId: p.accountId,
      });
      await bus.publish({
        kind: 'appeal.status',
        departmentId: taken.departmentId,
        appealId,
        status: 'inProgress',
      });
      return { appealId, operatorId: p.accountId };
    },

    withdraw,

    /** The caller moved (§18): the appeal keeps the place, and the consoles of its territory are told. */
    async citizenMoved(appealId: string, location: LatLon): Promise<void> {
      const moved = await appeals.moveCaller(appealId, location);
      if (!moved) throw new HttpProblem(409, refusal('call.notFound'), 'no call in progress for this appeal');
      await bus.publish({ kind: 'call.location', departmentId: moved.departmentId, appealId, location });
    },

    /** Relays the citizen's signal to the operator who accepted; refuses before acceptance, except a hang-up. */
    async fromCitizen(appealId: string, signal: CallSignal): Promise<void> {
      const found = await appeals.byId(appealId);
      const operator = found?.appeal.acceptedBy ?? null;
      if (!operator && signal.kind === 'hangup' && (await withdraw(appealId))) return;
      if (!operator)
        throw new HttpProblem(409, refusal('call.notAccepted'), 'no operator has accepted this call yet');
      await bus.publish({ kind: 'call.signal', appealId, from: 'citizen', toAccountId: operator, signal });
    },

    /** Relays the operator's signal to the citizen; only the operator who accepted may signal. */
    async fromOperator(p: Principal, appealId: string, signal: CallSignal): Promise<void> {
      const found = await appeals.byId(appealId);
      if (found?.appeal.acceptedBy !== p.accountId)
        throw new HttpProblem(
          403,
          refusal('call.notYours'),
          'only the operator who accepted the call may signal',
        );
      await bus.publish({ kind: 'call.signal', appealId, from: 'operator', toAccountId: null, signal });
    },
  };
}
export type CallService = ReturnType<typeof createCallService>;
