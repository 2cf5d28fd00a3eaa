import { createInboxRepository } from '../inbox/inboxRepository';
import { type AppealStatus, citizenStatusOfCard } from '../../domain/appeals/appeal';
import { type Card, type CardFields, EMPTY_CARD_FIELDS, withoutIdentity } from '../../domain/cards/card';
import { takeWaitingAppeals } from '../inbox/waitingAppealRepository';
import { mayEditFields } from '../../domain/cards/cardActions';
import { refusal } from '../../domain/contract/refusal';
import type { SyncOperation } from '../../domain/sync/sync';
import { decideTransition } from '../../domain/cards/workflow';
import { mayTouchAppeal, mayTouchCard, roleRefusal } from '../access/rules';
import type { Principal } from '../session/principal';
import type { Sql } from '../db/database';
import { cardReach, type StoredCard } from '../cards/cardRepository';
import { deservesRegisterNumber } from '../cards/registerNumber';
import type { CentralEvent } from '../bus/events';
import { audienceOfCard, feedRepository } from '../feed/feedRepository';
import { type OperationDeps, type Outcome, refused } from './outcome';

export type CardCreate = Extract<SyncOperation, { type: 'card.create' }>;
type CardUpdate = Extract<SyncOperation, { type: 'card.update' }>;
type CardTransition = Extract<SyncOperation, { type: 'card.transition' }>;

/**
 * Every write of a card a console pushes — new cards, changed fields, workflow steps — and every refusal
 * of one, decided before its first write: a refused operation leaves nothing behind but its own record.
 * The caller's transaction holds the change feed's lock.
 */

const mayNotWrite = (p: Principal): Outcome | null => {
  const r = roleRefusal(p, 'cards.write');
  return r ? refused(r, `role ${p.role} may not cards.write`) : null;
};
const noCard = () => refused(refusal('card.notFound'), 'no such card');
const otherTerritory = () => refused(refusal('card.otherTerritory'), 'the card belongs to another territory');
const exists = () => refused(refusal('card.exists'), 'a card with this id already exists');
const appealOutOfReach = () => refused(refusal('appeal.notFound'), 'no such appeal in your territory');

/**
 * What the fields an operation sets would break, before anything is written: an unknown department chosen,
 * a place outside the Republic (§8: there is no territory abroad; inside the country but outside every
 * territory goes to the fallback queue), or an appeal linked that is not in the principal's territory
 * (`appeals`: the departments of the appeals the operations link). Only what the operation sets is
 * checked, so a card stored earlier stays editable.
 */
function refuseFields(
  deps: OperationDeps,
  p: Principal,
  fields: Partial<CardFields>,
  appeals: ReadonlyMap<string, string | null>,
): Outcome | null {
  const chosen = fields.chosenDepartmentId;
  if (chosen && !deps.departments.get(chosen))
    return refused(refusal('department.unknown', { departmentId: chosen }), `unknown department ${chosen}`);
  if (fields.location && !deps.inCountry(fields.location))
    return refused(refusal('card.outsideCountry'), 'the place is outside Kazakhstan');
  const appealId = fields.appealId;
  if (
    appealId &&
    !(appeals.has(appealId) && mayTouchAppeal(p, { departmentId: appeals.get(appealId) ?? null }))
  )
    return appealOutOfReach();
  return null;
}

/** A card may not answer an appeal another operator holds: the claim says who works on it. */
function claimedByAnother(p: Principal, fields: CardFields, claims: ReadonlyMap<string, string>) {
  const holder = fields.appealId ? claims.get(fields.appealId) : undefined;
  return holder !== undefined && holder !== p.accountId
    ? refused(refusal('inbox.claimed'), 'another operator has claimed this appeal')
    : null;
}

/** The appeals the operations link, with their departments: one statement for all of them. */
function linkedAppeals(tx: Sql, deps: OperationDeps, fields: readonly Partial<CardFields>[]) {
  const ids = [...new Set(fields.flatMap((f) => (f.appealId ? [f.appealId] : [])))];
  return deps.appeals.departmentsOf(tx, ids);
}

/** The department code a register number starts with (`KZ`: the fallback queue). */
function numberPrefix(deps: OperationDeps, departmentId: string | null): string {
  return departmentId ? (deps.departments.get(departmentId)?.code ?? 'KZ') : 'KZ';
}

/**
 * Records the card's change in the feed and says it on the socket to its audience. `before`: the card as it was;
 * when its audience changed, those who could see it are told first that it left them (issue 14), or their
 * consoles keep showing a card that is no longer theirs.
 */
export async function cardChanged(
  tx: Sql,
  stored: StoredCard,
  extra: CentralEvent[] = [],
  before?: Pick<Card, 'departmentId' | 'status'>,
): Promise<Outcome> {
  const { card, createdBy } = stored;
  const audience = await feedRepository.audienceOf(tx, card, createdBy);
  const was = before ? await feedRepository.audienceOf(tx, before, createdBy) : audience;
  const moved = {
    entity: 'cardMoved' as const,
    cardId: card.id,
    version: card.version ?? 0,
    departmentId: card.departmentId ?? null,
    audience: was,
    ownerId: createdBy,
  };
  const seqs = await feedRepository.append(tx, [
    ...(was === audience ? [] : [moved]),
    { entity: 'card', card, ownerId: createdBy, audience },
  ]);
  const seq = seqs.at(-1);
  if (seq === undefined) throw new Error('the change feed returned no position');
  return {
    ok: true,
    seq,
    card: stored.card,
    events: [
      {
        kind: 'card.changed',
        departmentId: audience,
        ownerId: stored.createdBy,
        seq,
        card: stored.card,
      },
      ...(was === audience
        ? []
        : [{ kind: 'card.left' as const, departmentId: was, ownerId: stored.createdBy, seq }]),
      ...extra,
    ],
  };
}

/**
 * Applies a run of consecutive `card.create` operations with a few statements for the whole run instead of
 * several per card: a console coming back online sends hundreds of new cards at once (sync-replay bench).
 * Each operation is decided on its own, as if applied alone.
 */
export async function applyCardCreates(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  ops: readonly CardCreate[],
): Promise<Outcome[]> {
  const forbidden = mayNotWrite(p);
  if (forbidden) return ops.map(() => forbidden);
  const existing = await deps.cards.existing(
    tx,
    ops.map((o) => o.cardId),
  );
  const appeals = await linkedAppeals(
    tx,
    deps,
    ops.map((o) => o.payload.fields),
  );

  // An appeal another operator claimed (while this console was offline, say) is theirs to answer (issue 12).
  const claims = await createInboxRepository(tx).claimsOf([
    ...new Set(ops.flatMap((o) => (o.payload.fields.appealId ? [o.payload.fields.appealId] : []))),
  ]);

  type Accepted = {
    index: number;
    op: CardCreate;
    fields: CardFields;
    departmentId: string | null;
    /** The register number's prefix, or null while the card has no content to number (registerNumber.ts). */
    prefix: string | null;
  };
  const outcomes: Outcome[] = [];
  const accepted: Accepted[] = [];
  ops.forEach((op, index) => {
    const fields: CardFields = withoutIdentity({ ...EMPTY_CARD_FIELDS, ...op.payload.fields });
    const refusedCreate = existing.has(op.cardId)
      ? exists()
      : (refuseFields(deps, p, fields, appeals) ?? claimedByAnother(p, fields, claims));
    if (refusedCreate) {
      outcomes[index] = refusedCreate;
      return;
    }
    existing.add(op.cardId);
    const { departmentId } = deps.territories.route(fields.location, fields.chosenDepartmentId);
    const prefix = deservesRegisterNumber(fields) ? numberPrefix(deps, departmentId) : null;
    accepted.push({ index, op, fields, departmentId, prefix });
  });

  const reserved = await deps.cards.reserveNumbers(
    tx,
    accepted.flatMap((a) => (a.prefix ? [a.prefix] : [])),
  );
  const numbers = accepted.map((a) => (a.prefix ? (reserved.shift() ?? null) : null));
  const stored = await deps.cards.insertMany(
    tx,
    accepted.map((a, i) => ({
      id: a.op.cardId,
      number: numbers[i] ?? null,
      departmentId: a.departmentId,
      fields: a.fields,
      localNumber: null,
      createdBy: p.accountId,
    })),
  );
  // A concurrent transaction may have created one of these cards since the check above: that one is
  // refused like any create of an existing card (its reserved number stays unused).
  const inserted = accepted.flatMap((a) => {
    const card = stored.get(a.op.cardId);
    if (!card) outcomes[a.index] = exists();
    return card ? [{ a, card }] : [];
  });
  // A new card is the principal's own: its audience needs no lookup of its author.
  const audiences = inserted.map(({ card }) => audienceOfCard(card.card, p.departmentId));
  const seqs = await feedRepository.append(
    tx,
    inserted.map(({ card }, i) => ({
      entity: 'card' as const,
      card: card.card,
      ownerId: card.createdBy,
      audience: audiences[i] ?? null,
    })),
  );
  // A card opened from a waiting appeal takes it out of the inbox; the citizen sees "in progress" (issue 12).
  const taken = await takeWaitingAppeals(
    tx,
    inserted.flatMap(({ card }) => (card.fields.appealId ? [card.fields.appealId] : [])),
  );
  inserted.forEach(({ a, card }, i) => {
    const seq = seqs[i] ?? 0;
    const appeal = taken.find((t) => t.appealId === card.fields.appealId);
    outcomes[a.index] = {
      ok: true,
      seq,
      card: card.card,
      events: [
        {
          kind: 'card.changed',
          departmentId: audiences[i] ?? null,
          ownerId: card.createdBy,
          seq,
          card: card.card,
        },
        ...(appeal ? [{ kind: 'appeal.status' as const, ...appeal, status: 'inProgress' as const }] : []),
      ],
    };
  });
  return outcomes;
}

/** Changed fields of a card of the principal's reach, by the same rule the console's form follows. */
export async function applyCardUpdate(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  op: CardUpdate,
): Promise<Outcome> {
  const { cards, territories } = deps;
  const forbidden = mayNotWrite(p);
  if (forbidden) return forbidden;
  const current = await cards.lock(tx, op.cardId);
  if (!current) return noCard();
  if (!mayTouchCard(p, cardReach(current))) return otherTerritory();
  // The same rule the console's form follows (domain/cards/cardActions.ts); the refusal says which half of it.
  if (!mayEditFields(p.role, current.card.status))
    return current.card.status === 'closed'
      ? refused(refusal('card.closed'), 'the card is closed')
      : refused(refusal('card.sentNotEditable'), 'an operator edits a card only until it is sent');
  const { baseVersion } = op.payload;
  const version = current.card.version ?? 0;
  if (baseVersion !== undefined && baseVersion !== version) {
    return refused(
      refusal('card.stale', { version, baseVersion }),
      `stale: the card is at version ${version}, the change was made on ${baseVersion}`,
    );
  }
  const bad = refuseFields(deps, p, op.payload.fields, await linkedAppeals(tx, deps, [op.payload.fields]));
  if (bad) return bad;
  const fields: CardFields = withoutIdentity({ ...current.fields, ...op.payload.fields });
  // A draft follows its location (§8). A sent card keeps its department, except one in the fallback
  // queue: whoever fixes its location or chooses its region hands it to that department.
  const held = current.card.departmentId ?? null;
  const departmentId =
    current.card.status === 'draft' || held === null
      ? territories.route(fields.location, fields.chosenDepartmentId).departmentId
      : held;
  const numbered =
    !current.card.number && deservesRegisterNumber(fields) ? [numberPrefix(deps, departmentId)] : [];
  const [number] = await cards.reserveNumbers(tx, numbered);
  const stored = await cards.update(tx, op.cardId, {
    fields,
    departmentId,
    status: current.card.status,
    kuizhNumber: current.card.kuizhNumber ?? null,
    ...(number ? { number } : {}),
  });
  return cardChanged(tx, stored, [], current.card);
}

/** §13's timer: sending to the inspector starts it (`sentAt`), the inspector taking the card stops it (`takenAt`). */
const acknowledgementOf = (transition: CardTransition['payload']['transition']) =>
  transition === 'sendToInspector'
    ? { acknowledgement: 'sent' as const }
    : transition === 'startResponse'
      ? { acknowledgement: 'taken' as const }
      : {};

/**
 * A workflow step (domain/cards/workflow.ts) on a card of the principal's reach; the citizen of the
 * card's appeal is told of it (seed 000) — only when that appeal is in the principal's territory too.
 */
export async function applyCardTransition(
  tx: Sql,
  deps: OperationDeps,
  p: Principal,
  op: CardTransition,
): Promise<Outcome> {
  const { cards } = deps;
  const forbidden = mayNotWrite(p);
  if (forbidden) return forbidden;
  const current = await cards.lock(tx, op.cardId);
  if (!current) return noCard();
  if (!mayTouchCard(p, cardReach(current))) return otherTerritory();
  const decision = decideTransition(
    { status: current.card.status, fields: current.fields },
    op.payload,
    p.role,
  );
  if (!decision.ok) return refused(decision.refusal, decision.reason);
  const appealId = current.fields.appealId;
  if (appealId) {
    const appeals = await deps.appeals.departmentsOf(tx, [appealId]);
    if (appeals.has(appealId) && !mayTouchAppeal(p, { departmentId: appeals.get(appealId) ?? null }))
      return appealOutOfReach();
  }
  const stored = await cards.update(tx, op.cardId, {
    fields: current.fields,
    departmentId: current.card.departmentId ?? null,
    status: decision.to,
    kuizhNumber: op.payload.kuizhNumber ?? current.card.kuizhNumber ?? null,
    ...acknowledgementOf(op.payload.transition),
    ...(op.payload.transition === 'close' && op.payload.outcome ? { outcome: op.payload.outcome } : {}),
  });
  await cards.recordTransition(tx, {
    cardId: op.cardId,
    transition: op.payload.transition,
    from: current.card.status,
    to: decision.to,
    accountId: p.accountId,
    note: op.payload.note ?? null,
  });
  const extra: CentralEvent[] = [];
  if (appealId) {
    const status: AppealStatus = citizenStatusOfCard(decision.to);
    const appeal = await deps.appeals.setStatus(tx, appealId, status);
    if (appeal) extra.push({ kind: 'appeal.status', departmentId: appeal.departmentId, appealId, status });
  }
  return cardChanged(tx, stored, extra, current.card);
}
