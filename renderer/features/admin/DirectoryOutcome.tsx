import { useTranslation } from 'react-i18next';
import { problemText } from './problemText';
import type { AdminProblem } from './slice';

/** What became of a directory form's last save: done (its text), or central's refusal, translated. */
export type DirectoryOutcome =
  { kind: 'done'; text: string } | { kind: 'problem'; problem: AdminProblem } | null;

/** A directory's last save, read out: the status line always present (screen readers watch it), the refusal as an alert. */
export function DirectoryOutcomeLine({ outcome, testId }: { outcome: DirectoryOutcome; testId: string }) {
  const { i18n } = useTranslation('admin');
  return (
    <>
      <p role="status" data-testid={testId}>
        {outcome?.kind === 'done' && outcome.text}
      </p>
      {outcome?.kind === 'problem' && (
        <p role="alert">{problemText(outcome.problem, i18n.t, i18n.language)}</p>
      )}
    </>
  );
}

/** Save, and Cancel while a row is being changed. */
export function DirectoryFormActions({
  busy,
  editing,
  onCancel,
}: {
  busy: boolean;
  editing: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <div className="admin-actions">
      <button type="submit" disabled={busy}>
        {t('services.form.save')}
      </button>
      {editing && (
        <button type="button" onClick={onCancel}>
          {t('services.form.cancel')}
        </button>
      )}
    </div>
  );
}
