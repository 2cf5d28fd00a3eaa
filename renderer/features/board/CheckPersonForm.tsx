import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../domain/cards/card';
import { useConsole } from '../../store';
import { BOARD_IDS } from './ids';
import { CommandKbd } from '../../commands/CommandKbd';

/** §15: the duty officer checks a person named on the card: name or IIN, and why (the check is audited). */
export function CheckPersonForm({ card }: { card: Card }) {
  const { t } = useTranslation('board');
  const checkPerson = useConsole((s) => s.checkPerson);
  const [name, setName] = useState('');
  const [iin, setIin] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const ready = (name.trim() !== '' || /^[0-9]{12}$/.test(iin.trim())) && reason.trim().length >= 3;
  const applicant = card.applicant;
  return (
    <form
      className="board-card__check"
      aria-label={t('check.title')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready || busy) return;
        setBusy(true);
        const person = {
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(iin.trim() ? { iin: iin.trim() } : {}),
        };
        void checkPerson(card.id, person, reason.trim()).then((done) => {
          setBusy(false);
          if (done) {
            setName('');
            setIin('');
          }
        });
      }}
    >
      <h3>{t('check.title')}</h3>
      <label htmlFor={BOARD_IDS.check}>{t('check.name')}</label>
      <input id={BOARD_IDS.check} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="board-check-iin">{t('check.iin')}</label>
      <input
        id="board-check-iin"
        value={iin}
        inputMode="numeric"
        maxLength={12}
        onChange={(e) => setIin(e.target.value)}
      />
      <label htmlFor="board-check-reason">{t('check.reason')}</label>
      <input
        id="board-check-reason"
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="board-card__inline">
        {applicant && (applicant.name || applicant.iin) && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setName(applicant.name ?? '');
              setIin(applicant.iin ?? '');
            }}
          >
            {t('check.useApplicant')}
          </button>
        )}
        <button type="submit" disabled={!ready || busy}>
          {t('actions.check')} <CommandKbd command="board.check" />
        </button>
      </div>
      {!ready && (name.trim() !== '' || iin.trim() !== '') && <p className="muted">{t('check.nobody')}</p>}
    </form>
  );
}
