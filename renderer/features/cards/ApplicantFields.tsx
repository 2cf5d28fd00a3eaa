import { useTranslation } from 'react-i18next';
import { CARD_LIMITS, CardLanguageSchema, type CardLanguage } from '../../../domain/cards/card';
import { checkIin } from '../../../domain/cards/iin';
import { useConsole } from '../../store';
import type { CardEditor } from './editor';
import { CommandKbd } from '../../commands/CommandKbd';

export const APPLICANT_FIRST_ID = 'card-anonymous';

/** What the IIN tells once it is valid: the operator hears the date of birth back to check it against the caller. */
function IinReading({ iin }: { iin: string }) {
  const { t, i18n } = useTranslation('cardFields');
  const check = checkIin(iin.trim());
  if (!check.ok) return null;
  const date = new Date(`${check.birthDate}T00:00:00Z`).toLocaleDateString(i18n.language, {
    timeZone: 'UTC',
  });
  return (
    <p className="muted" data-testid="card-iin-reading">
      {t('applicant.iinRead', { date, sex: t(`applicant.sex.${check.sex}`) })}
    </p>
  );
}

/**
 * The applicant, or an anonymous appeal: marked anonymous, the identity fields leave the form (nothing can be
 * typed into them) and what was typed is cleared, so no identity is ever saved for it.
 */
export function ApplicantFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('cardFields');
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const problems = useConsole((s) => s.problems);
  const iinProblem = problems.some((p) => p.startsWith('iin.'));
  const text = (key: keyof CardEditor & ('applicantName' | 'applicantPhone' | 'applicantIin')) => ({
    value: editor[key],
    readOnly,
    onChange: (event: { target: { value: string } }) => editCard({ [key]: event.target.value }),
  });

  return (
    <fieldset className="card-form__group" data-testid="card-applicant">
      <legend>{t('applicant.title')}</legend>
      <label className="card-form__check">
        <input
          id={APPLICANT_FIRST_ID}
          type="checkbox"
          checked={editor.anonymous}
          disabled={readOnly}
          onChange={(event) =>
            editCard(
              event.target.checked
                ? { anonymous: true, applicantName: '', applicantPhone: '', applicantIin: '' }
                : { anonymous: false },
            )
          }
        />
        {t('applicant.anonymous')} <CommandKbd command="cards.toggleAnonymous" />
      </label>
      {editor.anonymous ? (
        <p className="muted" data-testid="card-anonymous-note">
          {t('applicant.anonymousNote')}
        </p>
      ) : (
        <div className="card-form__grid">
          <label>
            {t('applicant.name')}
            <input
              id="card-applicant-name"
              autoComplete="off"
              maxLength={CARD_LIMITS.nameMax}
              {...text('applicantName')}
            />
          </label>
          <label>
            {t('applicant.phone')}
            <input
              id="card-applicant-phone"
              type="tel"
              autoComplete="off"
              maxLength={20}
              aria-invalid={problems.includes('invalidPhone')}
              {...text('applicantPhone')}
            />
          </label>
          <label>
            {t('applicant.iin')}
            <input
              id="card-applicant-iin"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              placeholder={t('applicant.iinHint')}
              aria-invalid={iinProblem}
              {...text('applicantIin')}
            />
          </label>
          <IinReading iin={editor.applicantIin} />
        </div>
      )}
      <label>
        {t('applicant.language')}
        <select
          id="card-language"
          value={editor.language ?? ''}
          disabled={readOnly}
          onChange={(event) =>
            editCard({
              language: (CardLanguageSchema.safeParse(event.target.value).data ??
                null) as CardLanguage | null,
            })
          }
        >
          <option value="">{t('applicant.chooseLanguage')}</option>
          {CardLanguageSchema.options.map((language) => (
            <option key={language} value={language}>
              {t(`applicant.languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
