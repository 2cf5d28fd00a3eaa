import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardActions } from '../../../domain/cards/cardActions';
import { type TransitionName, missingForSend } from '../../../domain/cards/workflow';
import type { SendField } from '../../../domain/contract/refusal';
import type { LatLon } from '../../../domain/places/geo';
import { useConsole } from '../../store';
import { type CardEditor, editorPoint } from './editor';
import type { FormSave } from './saveQueue';
import { CommandKbd } from '../../commands/CommandKbd';

/** The step's button, which its hotkey presses (commands/registry.ts), so both take the same path. */
export const stepButtonId = (transition: TransitionName) => `card-step-${transition}`;

/** Where the cursor goes for each field "send" needs (§9 step 5): the first missing one gets it. */
const SEND_FIELD_INPUT: Record<SendField, string> = {
  description: 'card-description',
  category: 'card-category',
  place: 'card-address',
};

const withSource = (point: LatLon | null, editor: CardEditor) =>
  point && { ...point, source: editor.locationSource };

const missingOnForm = (editor: CardEditor): SendField[] =>
  missingForSend({
    description: editor.description,
    category: editor.category,
    location: withSource(editorPoint(editor), editor),
    addressText: editor.addressText.trim() || null,
  });

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
  const editor = useConsole((s) => s.editor);
  const status = editor.status;
  const formSave = useConsole((s) => s.formSave);
  const takeStep = useConsole((s) => s.takeStep);
  const [kuizhNumber, setKuizhNumber] = useState('');
  const [missing, setMissing] = useState<SendField[]>([]);
  const fieldText = useTranslation('cardFields').t;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);
  const said = saveText(formSave, t, time);
  const problem = formSave.state === 'savedWithProblems' || formSave.state === 'failed';
  const step = (transition: TransitionName) => {
    const lacking = transition === 'sendToInspector' ? missingOnForm(editor) : [];
    // Pressed again with the same fields missing, the operator means it: central decides, and says why on the card.
    const again = lacking.length > 0 && lacking.join() === missing.join();
    setMissing(again ? [] : lacking);
    const first = lacking[0];
    if (first && !again) return document.getElementById(SEND_FIELD_INPUT[first])?.focus();
    void takeStep(transition, transition === 'register' ? { kuizhNumber } : undefined);
  };
  // What "send" named stays on screen only while it is still missing: a filled field leaves the list at once.
  const stillMissing = missing.filter((field) => missingOnForm(editor).includes(field));
  const list = (items: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items);

  return (
    <div className="card-form__actions">
      {actions.editFields && (
        <button type="submit" className="primary">
          {status === 'draft' ? t('cards:saveDraft') : t('save.changes')} <CommandKbd command="cards.save" />
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
            {/* Never disabled while the form saves: Ctrl+Enter pressed during an autosave was dropped without a word
                (seen under load). The step saves first and waits for the save in flight (takeStep). */}
            <button type="button" id={stepButtonId(transition)} onClick={() => step(transition)}>
              {t(`steps.${transition}`)}{' '}
              {transition === 'sendToInspector' && <CommandKbd command="cards.send" />}
            </button>
          </span>
        ))}
      {stillMissing.length > 0 && (
        <p className="banner banner--error" role="alert" data-testid="card-send-missing">
          {fieldText('send.missing', {
            fields: list(stillMissing.map((f) => fieldText(`send.fields.${f}`))),
          })}
        </p>
      )}
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
