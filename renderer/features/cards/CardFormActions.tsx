import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardActions } from '../../../domain/cards/cardActions';
import type { TransitionName } from '../../../domain/cards/workflow';
import { useConsole } from '../../store';
import type { FormSave } from './saveQueue';

function saveText(
  save: FormSave,
  t: (key: string, options?: Record<string, string>) => string,
  time: (iso: string) => string,
) {
  switch (save.state) {
    case 'idle':
      return null;
    case 'saving':
      return t('cards:saving');
    case 'saved':
      return t('cards:savedAt', { time: time(save.at) });
    case 'savedWithProblems':
      return t('cardForm:save.savedWithProblems', { time: time(save.at) });
    case 'failed':
      return t('cardForm:save.failed', { reason: t(`common:${save.error.messageKey}`) });
  }
}

/**
 * Save and the workflow's steps, as the role may take them on this card's status (domain/cards/cardActions.ts), and
 * where saving stands: the form is never silent about it.
 */
export function CardFormActions({ actions, withCentral }: { actions: CardActions; withCentral: boolean }) {
  const { t, i18n } = useTranslation('cardForm');
  const status = useConsole((s) => s.editor.status);
  const formSave = useConsole((s) => s.formSave);
  const saving = useConsole((s) => s.saving);
  const takeStep = useConsole((s) => s.takeStep);
  const [kuizhNumber, setKuizhNumber] = useState('');
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);
  const said = saveText(formSave, t, time);
  const problem = formSave.state === 'savedWithProblems' || formSave.state === 'failed';
  const step = (transition: TransitionName) =>
    void takeStep(transition, transition === 'register' ? { kuizhNumber } : undefined);

  return (
    <div className="card-form__actions">
      {actions.editFields && (
        <button type="submit" className="primary">
          {status === 'draft' ? t('cards:saveDraft') : t('save.changes')} <kbd>Ctrl+S</kbd>
        </button>
      )}
      {withCentral &&
        actions.transitions.map((transition) => (
          <span key={transition} className="card-form__step">
            {transition === 'register' && (
              <input
                aria-label={t('kuizhNumber')}
                placeholder={t('kuizhNumber')}
                value={kuizhNumber}
                onChange={(event) => setKuizhNumber(event.target.value)}
              />
            )}
            <button type="button" onClick={() => step(transition)} disabled={saving}>
              {t(`steps.${transition}`)}
            </button>
          </span>
        ))}
      {said && (
        <span
          className={problem ? 'card-form__save card-form__save--problem' : 'muted'}
          role="status"
          data-testid="card-save-state"
        >
          {said}
        </span>
      )}
    </div>
  );
}
