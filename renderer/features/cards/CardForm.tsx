import { useTranslation } from 'react-i18next';
import { CARD_CATEGORIES, type CardCategory } from '../../../domain/category';
import { CARD_LIMITS } from '../../../domain/card';
import { useConsole } from '../../store';
import { CardRefusalBanner, CardSyncBadge } from '../sync';
import { CardPhotos } from './CardPhotos';
import { editorPoint } from './editor';
import { TerritoryHint } from './TerritoryHint';
import { usePhotoDrop } from './usePhotoDrop';

export function CardForm() {
  const { t, i18n } = useTranslation('cards');
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const saveCard = useConsole((s) => s.saveCard);
  const newCard = useConsole((s) => s.newCard);
  const sendCard = useConsole((s) => s.sendCard);
  const withCentral = useConsole((s) => Boolean(s.appInfo?.centralUrl));
  const saving = useConsole((s) => s.saving);
  const savedAt = useConsole((s) => s.savedAt);
  const problems = useConsole((s) => s.problems);
  const saveError = useConsole((s) => s.saveError);
  const attachPhotos = useConsole((s) => s.attachPhotos);
  const drop = usePhotoDrop((files) => void attachPhotos(files));

  return (
    <form
      className={`panel card-form${drop.dragging ? ' card-form--dropping' : ''}`}
      aria-labelledby="card-form-title"
      data-testid="card-form"
      onSubmit={(event) => {
        event.preventDefault();
        void saveCard();
      }}
      {...drop.handlers}
    >
      {drop.dragging && (
        <div className="card-form__drop" aria-hidden="true">
          <span>{t('photos.drop')}</span>
        </div>
      )}
      <div className="panel__head">
        <h2 id="card-form-title">
          {editor.localNumber ? t('editing', { number: editor.number ?? editor.localNumber }) : t('creating')}
        </h2>
        <CardSyncBadge cardId={editor.id} />
        <button type="button" className="ghost" onClick={newCard}>
          {t('newCard')} <kbd>Alt+N</kbd>
        </button>
      </div>
      <CardRefusalBanner cardId={editor.id} />

      <label htmlFor="card-description">{t('description')}</label>
      <textarea
        id="card-description"
        rows={6}
        maxLength={CARD_LIMITS.descriptionMax}
        placeholder={t('descriptionHint')}
        value={editor.description}
        onChange={(event) => editCard({ description: event.target.value })}
      />

      <label htmlFor="card-category">{t('category')}</label>
      <select
        id="card-category"
        value={editor.category ?? ''}
        onChange={(event) => editCard({ category: (event.target.value || null) as CardCategory | null })}
      >
        <option value="">{t('chooseCategory')}</option>
        {CARD_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </select>

      <fieldset className="card-form__location">
        <legend>{t('location')}</legend>
        <p className="muted">{t('mapHint')}</p>
        <div className="row">
          <label>
            {t('latitude')}
            <input
              id="card-lat"
              inputMode="decimal"
              value={editor.lat}
              aria-invalid={problems.includes('invalidLatitude')}
              onChange={(event) => editCard({ lat: event.target.value, locationSource: 'typed' })}
            />
          </label>
          <label>
            {t('longitude')}
            <input
              id="card-lon"
              inputMode="decimal"
              value={editor.lon}
              aria-invalid={problems.includes('invalidLongitude')}
              onChange={(event) => editCard({ lon: event.target.value, locationSource: 'typed' })}
            />
          </label>
          <button type="button" className="ghost" onClick={() => editCard({ lat: '', lon: '' })}>
            {t('clearLocation')}
          </button>
        </div>
        {editor.lat !== '' && <p className="muted">{t(`source.${editor.locationSource}`)}</p>}
        <TerritoryHint point={editorPoint(editor)} />
      </fieldset>

      <CardPhotos />

      {(problems.length > 0 || saveError) && (
        <div className="banner banner--error" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{t(problem)}</p>
          ))}
          {saveError && <p>{t(`common:${saveError.messageKey}`)}</p>}
          {saveError?.issues?.map((issue) => (
            <p key={issue.path} className="muted">
              {issue.path}: {issue.message}
            </p>
          ))}
        </div>
      )}

      <div className="card-form__actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('saving') : t('saveDraft')} <kbd>Ctrl+S</kbd>
        </button>
        {withCentral && editor.status === 'draft' && (
          <button type="button" onClick={() => void sendCard()} disabled={saving}>
            {t('send')}
          </button>
        )}
        {savedAt && (
          <span className="muted" role="status">
            {t('savedAt', { time: new Date(savedAt).toLocaleTimeString(i18n.language) })}
          </span>
        )}
      </div>
    </form>
  );
}
