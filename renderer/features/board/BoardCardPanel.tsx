import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transitionsFor } from '../../../domain/cards/cardActions';
import { CARD_OUTCOMES, type CardOutcome } from '../../../domain/cards/outcome';
import type { TransitionName } from '../../../domain/cards/workflow';
import { can } from '../../../domain/session/roles';
import { useConsole } from '../../store';
import { IsolatedText } from '../../shell/IsolatedText';
import { usePendingStep } from '../cards/useCardActions';
import { CheckPersonForm } from './CheckPersonForm';
import { QueuedCheckList } from './QueuedCheckList';
import { CardHistory } from './CardHistory';
import { BoardNoticeLine } from './BoardNoticeLine';
import { WarningList } from './WarningList';
import { BOARD_IDS } from './ids';
import { selectCardWarnings } from './selectors';
import { CommandKbd } from '../../commands/CommandKbd';

const ROLES_ON_BOARD = ['inspector', 'duty', 'supervisor'];

/**
 * One card as the senior inspector and the duty unit work it (§10, §13–15): its steps (taken, forwarded,
 * registered with the КІҚЖ number, closed with its outcome), the applicant identified, persons checked, the
 * warnings for its units and its history. `compact` (inside the card view, beside the form that already offers
 * the steps): no step buttons.
 */
export function BoardCardPanel({ cardId, compact = false }: { cardId: string; compact?: boolean }) {
  const { t, i18n } = useTranslation('board');
  const cardsText = useTranslation('cards').t;
  const stepText = useTranslation('cardForm').t;
  const card = useConsole((s) => s.cards.find((c) => c.id === cardId));
  const role = useConsole((s) => s.appInfo?.role);
  const copy = useConsole((s) => s.boardDetails[cardId]);
  const warnings = useConsole(selectCardWarnings(cardId));
  const identified = useConsole((s) => s.identified[cardId]);
  const loadDetails = useConsole((s) => s.loadBoardDetails);
  const boardStep = useConsole((s) => s.boardStep);
  const identify = useConsole((s) => s.identifyApplicant);
  const pending = usePendingStep(cardId);
  const [kuizhNumber, setKuizhNumber] = useState('');
  const [outcome, setOutcome] = useState<CardOutcome | ''>('');
  useEffect(() => {
    void loadDetails(cardId);
  }, [cardId, card?.version, loadDetails]);
  if (!card || !role || !ROLES_ON_BOARD.includes(role) || card.status === 'draft') return null;
  const time = (iso: string | null | undefined) =>
    iso ? new Date(iso).toLocaleTimeString(i18n.language) : '—';
  const steps: TransitionName[] = pending
    ? []
    : transitionsFor(role, { status: card.status, urgent: card.urgent !== false });
  const has = (step: TransitionName) => !compact && steps.includes(step);
  const mayIdentify =
    can(role, 'applicant.read') && Boolean(card.appealId) && !card.anonymous && role !== 'duty';

  return (
    <section className="panel board-card" aria-labelledby={`board-card-${cardId}`} data-testid="board-panel">
      <div className="panel__head">
        <h2 id={`board-card-${cardId}`}>{t('card.title', { number: card.number ?? card.localNumber })}</h2>
        <span className="badge" data-testid="board-status">
          {cardsText(`status.${card.status}`)}
        </span>
        {pending && (
          <span className="badge badge--sending" data-testid="board-panel-queued">
            {t('queued', { step: stepText(`steps.${pending}`) })}
          </span>
        )}
      </div>
      <dl className="board-card__facts">
        <dt>{t('card.sentAt')}</dt>
        <dd>{time(card.sentAt)}</dd>
        <dt>{t('card.takenAt')}</dt>
        <dd>{time(card.takenAt)}</dd>
        {card.kuizhNumber && (
          <>
            <dt>{t('card.kuizh')}</dt>
            <dd data-testid="board-kuizh">{card.kuizhNumber}</dd>
          </>
        )}
        {card.outcome && (
          <>
            <dt>{t('card.outcome')}</dt>
            <dd data-testid="board-outcome">{t(`outcomes.${card.outcome}`)}</dd>
          </>
        )}
        {!compact && card.addressText && (
          <>
            <dt>{t('card.place')}</dt>
            <dd>
              <IsolatedText text={card.addressText} />
            </dd>
          </>
        )}
      </dl>
      {!compact && card.description && (
        <p className="board-card__description">
          <IsolatedText text={card.description} />
        </p>
      )}
      {!compact && card.peopleFeatures && (
        <p className="muted">
          {t('card.people')}: <IsolatedText text={card.peopleFeatures} />
        </p>
      )}

      <div className="board-card__actions">
        {has('startResponse') && (
          <button type="button" id={BOARD_IDS.take} onClick={() => void boardStep(cardId, 'startResponse')}>
            {t('actions.take')} <CommandKbd command="board.take" />
          </button>
        )}
        {has('forwardToDuty') && (
          <button
            type="button"
            id={BOARD_IDS.forward}
            onClick={() => void boardStep(cardId, 'forwardToDuty')}
          >
            {t('actions.forward')} <CommandKbd command="board.forward" />
          </button>
        )}
        {has('register') && (
          <form
            className="board-card__inline"
            onSubmit={(event) => {
              event.preventDefault();
              if (kuizhNumber.trim()) void boardStep(cardId, 'register', { kuizhNumber: kuizhNumber.trim() });
            }}
          >
            <input
              id={BOARD_IDS.register}
              aria-label={t('kuizhNumber')}
              placeholder={t('kuizhNumber')}
              value={kuizhNumber}
              onChange={(event) => setKuizhNumber(event.target.value)}
            />
            <button type="submit" disabled={!kuizhNumber.trim()}>
              {t('actions.register')} <CommandKbd command="board.register" />
            </button>
          </form>
        )}
        {has('close') && (
          <form
            className="board-card__inline"
            onSubmit={(event) => {
              event.preventDefault();
              if (outcome) void boardStep(cardId, 'close', { outcome });
            }}
          >
            <select
              id={BOARD_IDS.close}
              aria-label={t('card.outcome')}
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as CardOutcome | '')}
            >
              <option value="">{t('chooseOutcome')}</option>
              {CARD_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcomes.${o}`)}
                </option>
              ))}
            </select>
            <button type="submit" disabled={!outcome}>
              {t('actions.close')} <CommandKbd command="board.close" />
            </button>
          </form>
        )}
        {mayIdentify && (
          <button type="button" id={BOARD_IDS.identify} onClick={() => void identify(cardId)}>
            {t('actions.identify')} <CommandKbd command="board.identify" />
          </button>
        )}
      </div>
      <BoardNoticeLine cardId={cardId} />
      {identified !== undefined && (
        <div className="board-card__applicant" data-testid="board-applicant">
          <h3>{t('identify.title')}</h3>
          {identified === null ? (
            <p className="muted">{t('identify.none')}</p>
          ) : (
            <dl>
              {identified.name && (
                <>
                  <dt>{t('identify.name')}</dt>
                  <dd>
                    <IsolatedText text={identified.name} />
                  </dd>
                </>
              )}
              {identified.phone && (
                <>
                  <dt>{t('identify.phone')}</dt>
                  <dd>{identified.phone}</dd>
                </>
              )}
              {identified.iin && (
                <>
                  <dt>{t('identify.iin')}</dt>
                  <dd>{identified.iin}</dd>
                </>
              )}
            </dl>
          )}
        </div>
      )}
      {can(role, 'references.check') && card.status !== 'closed' && <CheckPersonForm card={card} />}
      <QueuedCheckList cardId={cardId} />
      <WarningList warnings={warnings} />
      {copy && !copy.live && (
        <p className="banner banner--warning" role="status" data-testid="board-details-stale">
          {copy.fetchedAt ? t('staleDetails', { time: time(copy.fetchedAt) }) : t('noDetails')}
        </p>
      )}
      <CardHistory steps={copy?.details?.steps ?? []} />
    </section>
  );
}
