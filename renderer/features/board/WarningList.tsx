import { useTranslation } from 'react-i18next';
import type { CardWarning } from '../../../domain/dispatch/warning';
import { IsolatedText } from '../../shell/IsolatedText';

/** §15: what the units must know before they arrive, newest first; the register's own words shown as text. */
export function WarningList({ warnings }: { warnings: readonly CardWarning[] }) {
  const { t } = useTranslation('board');
  return (
    <div className="board-card__warnings" data-testid="board-warnings">
      <h3>{t('warnings.title')}</h3>
      {warnings.length === 0 ? (
        <p className="muted">{t('warnings.none')}</p>
      ) : (
        <ul>
          {warnings.map((w) => (
            <li key={w.id} className="board-warning" data-testid="board-warning">
              <strong>{t(`warnings.kinds.${w.kind}`)}</strong>
              {w.personName && (
                <>
                  {' — '}
                  <IsolatedText text={w.personName} />
                </>
              )}
              {w.note && (
                <div className="muted">
                  <IsolatedText text={w.note} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
