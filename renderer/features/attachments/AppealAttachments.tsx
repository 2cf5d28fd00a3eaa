import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IsolatedText } from '../../shell/IsolatedText';
import { useConsole } from '../../store';
import { attachmentProblemText } from './problemText';
import { CommandKbd } from '../../commands/CommandKbd';

/** The list waits this long after a new selection: arrowing down the inbox does not ask central at every row. */
const SETTLE_MS = 250;

/**
 * The citizen's photos, voice messages and videos of one appeal (issue 12, item 1), as central lists them now;
 * each opens in the console's viewer (Alt+V opens the first). The file names are the citizen's: shown as text.
 */
export function AppealAttachments({ appealId }: { appealId: string }) {
  const { t, i18n } = useTranslation('attachments');
  const list = useConsole((s) => s.appealAttachments);
  const load = useConsole((s) => s.loadAppealAttachments);
  const view = useConsole((s) => s.viewAttachment);
  useEffect(() => {
    const timer = setTimeout(() => void load(appealId), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [appealId, load]);
  const shown = list.appealId === appealId ? list : null;

  return (
    <section
      className="appeal-attachments"
      aria-labelledby="appeal-attachments-title"
      data-testid="appeal-attachments"
    >
      <h3 id="appeal-attachments-title">
        {t('title')} <CommandKbd command="attachments.view" />
      </h3>
      {(!shown || shown.loading) && <p className="muted">{t('loading')}</p>}
      {shown?.problem && (
        <div className="banner banner--error" role="alert" data-testid="appeal-attachments-problem">
          <p>{attachmentProblemText(i18n.t, i18n.language, shown.problem)}</p>
          <button type="button" onClick={() => void load(appealId)}>
            {t('retry')}
          </button>
        </div>
      )}
      {shown && !shown.loading && !shown.problem && shown.attachments.length === 0 && (
        <p className="muted">{t('none')}</p>
      )}
      {shown && shown.attachments.length > 0 && (
        <ul className="appeal-attachments__list">
          {shown.attachments.map((attachment, index) => (
            <li key={attachment.id}>
              <button
                type="button"
                className="appeal-attachment"
                data-testid="appeal-attachment"
                onClick={() => void view(appealId, shown.attachments, index)}
              >
                <span className="badge">{t(`kinds.${attachment.kind}`)}</span>
                <IsolatedText className="appeal-attachment__name" text={attachment.name} />
                <span className="muted">
                  {t('size', {
                    size: Math.max(1, Math.round(attachment.bytes / 1024)).toLocaleString(i18n.language),
                  })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
