import type { AppealStaffView } from '../../domain/appeals/appeal';
import type { CallSignal } from '../../domain/contract/realtime';
import { type Refusal, refusal } from '../../domain/contract/refusal';
import type { LatLon } from '../../domain/places/geo';
import { mayTouchAppeal, mayTouchDepartment, roleRefusal } from '../access/rules';
import type { Principal } from '../session/principal';
import type { EventBus } from '../bus/bus';
import type { AppealRepository, CallReach } from './appealRepository';

/** How a call service request ended; the HTTP route and the socket each turn a refusal into their answer. */
export type CallOutcome<T> =
  { ok: true; value: T } | { ok: false; status: 403 | 404 | 409; refusal: Refusal; reason: string };

const refuse = (status: 403 | 404 | 409, r: Refusal, reason: string): CallOutcome<never> => ({
  ok: false,
  status,
  refusal: r,
  reason,
});

/** Accepted calls whose operator this instance remembers (a few days of a busy region's calls). */
const OPERATORS_KEPT = 10_000;

/**
 * Call requests and SOS video (§9, §18): the first eligible operator to accept gets the call; SDP and
 * ICE then pass between that operator and the citizen only. One entry point per action, whether the
 * operator asks over HTTP or over the socket.
 */
export function createCallService(deps: {
  appeals: AppealRepository;
  bus: EventBus;
  /** The territories near a caller that an escalated call also rings (central/appeals/callQueue.ts). */
  neighboursOf(appeal: Pick<AppealStaffView, 'departmentId' | 'location'>): readonly string[];
}) {
  const { appeals, bus } = deps;
  /**
   * Who accepted each call, as far as this instance knows: a call is accepted once and never handed on, so
   * the dozen signals of a call set-up (offer, answer, candidates both ways) are checked without the database.
   */
  const operators = new Map<string, string>();
  const remember = (appealId: string, operatorId: string) => {
    // The oldest is forgotten first (a Map keeps insertion order); a forgotten call is looked up again.
    if (operators.size >= OPERATORS_KEPT) operators.delete(operators.keys().next().value ?? '');
    operators.set(appealId, operatorId);
  };
  async function operatorOf(appealId: string): Promise<string | null> {
    const known = operators.get(appealId);
    if (known) return known;
    const operator = await appeals.acceptedBy(appealId);
    if (operator) remember(appealId, operator);
    return operator;
  }
  /** Its own territory's call, or an escalated one of a neighbouring territory (it rang there too). */
  function mayTake(p: Principal, call: CallReach): boolean {
    if (mayTouchAppeal(p, call)) return true;
    return call.escalated && deps.neighboursOf(call).some((id) => mayTouchDepartment(p, id));
  }
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
    /** `offer`: the operator's SDP offer, relayed to the citizen once (and only if) this accept wins. */
    async accept(
      p: Principal,
      appealId: string,
      offer?: string,
    ): Promise<CallOutcome<{ appealId: string; operatorId: string }>> {
      const forbidden = roleRefusal(p, 'calls.accept');
      if (forbidden) return refuse(403, forbidden, 'only an operator accepts calls');
      // Only what decides who may take it is read: the whole appeal (its attachments, its personal fields
      // decrypted) cost the accept tens of milliseconds on a loaded central (call-setup bench).
      const reach = await appeals.callReach(appealId);
      // Another territory's call answers as if it did not exist: no probing of ids.
      if (!reach || !mayTake(p, reach))
        return refuse(404, refusal('call.notFound'), 'no such call in your territory');
      const taken = await appeals.acceptCall(appealId, p.accountId);
      if (!taken) return refuse(409, refusal('call.taken'), 'the call is already taken or is not a call');
      remember(appealId, p.accountId);
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
      if (offer !== undefined)
        await bus.publish({
          kind: 'call.signal',
          appealId,
          from: 'operator',
          toAccountId: null,
          signal: { kind: 'offer', sdp: offer },
        });
      return { ok: true, value: { appealId, operatorId: p.accountId } };
    },

    withdraw,

    /** The caller moved (§18): the appeal keeps the place, and the consoles of its territory are told. */
    async citizenMoved(appealId: string, location: LatLon): Promise<CallOutcome<null>> {
      const moved = await appeals.moveCaller(appealId, location);
      if (!moved) return refuse(409, refusal('call.notFound'), 'no call in progress for this appeal');
      await bus.publish({ kind: 'call.location', departmentId: moved.departmentId, appealId, location });
      return { ok: true, value: null };
    },

    /** Relays the citizen's signal to the operator who accepted; refuses before acceptance, except a hang-up. */
    async fromCitizen(appealId: string, signal: CallSignal): Promise<CallOutcome<null>> {
      const operator = await operatorOf(appealId);
      if (!operator && signal.kind === 'hangup' && (await withdraw(appealId)))
        return { ok: true, value: null };
      if (!operator)
        return refuse(409, refusal('call.notAccepted'), 'no operator has accepted this call yet');
      await bus.publish({ kind: 'call.signal', appealId, from: 'citizen', toAccountId: operator, signal });
      return { ok: true, value: null };
    },

    /** Relays the operator's signal to the citizen; only the operator who accepted may signal. */
    async fromOperator(p: Principal, appealId: string, signal: CallSignal): Promise<CallOutcome<null>> {
      if ((await operatorOf(appealId)) !== p.accountId)
        return refuse(403, refusal('call.notYours'), 'only the operator who accepted the call may signal');
      await bus.publish({ kind: 'call.signal', appealId, from: 'operator', toAccountId: null, signal });
      return { ok: true, value: null };
    },
  };
}
export type CallService = ReturnType<typeof createCallService>;
