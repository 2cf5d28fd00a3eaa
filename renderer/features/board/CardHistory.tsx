import { useTranslation } from 'react-i18next';
import type { CardStep } from '../../../domain/dispatch/board';
import { IsolatedText } from '../../shell/IsolatedText';

/** §10: each step of the card with who took it and when. */
export function CardHistory({ steps }: { steps: readonly CardStep[] }) {
  const { t, i18n } = useTranslation('board');
  const stepText = useTranslation('cardForm').t;
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <div className="board-card__history" data-testid="board-history">
      <h3>{t('history.title')}</h3>
      {steps.length === 0 ? (
        <p className="muted">{t('history.none')}</p>
      ) : (
        <ol>
          {steps.map((step, index) => (
            <li key={`${step.at}-${index}`} data-testid="board-step">
              <span className="muted">{when(step.at)}</span>{' '}
              {step.kind === 'transition'
                ? stepText(`steps.${step.transition}`, { defaultValue: step.transition })
                : t('history.check', { found: step.found })}
              {' — '}
              {step.by ? <IsolatedText text={step.by} /> : t('history.unknownWho')}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
