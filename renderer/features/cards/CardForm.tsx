import { useTranslation } from 'react-i18next';
import { CARD_CATEGORIES, type CardCategory } from '../../../domain/cards/category';
import { CARD_LIMITS, TypedCoordinatesSchema } from '../../../domain/cards/card';
import { SUBCATEGORIES, type CardSubcategory } from '../../../domain/cards/subcategory';
import { useConsole } from '../../store';
import { PlaceSearch } from '../map';
import { CardRefusalBanner, CardSyncBadge } from '../sync';
import { CardFormActions } from './CardFormActions';
import { CardPhotos } from '../photos/CardPhotos';
import { AppealAttachments } from '../attachments';
import { CardRecordings } from '../recordings/CardRecordings';
import { DescriptionField } from './DescriptionField';
import { ApplicantFields } from './ApplicantFields';
import { type EditorProblem, editorPoint, placeEdit } from './editor';
import { SeenFields } from './SeenFields';
import { TerritoryChoice } from './TerritoryChoice';
import { TerritoryHint } from './TerritoryHint';
import { useCardActions } from './useCardActions';
import { usePhotoDrop } from '../photos/usePhotoDrop';
import { CommandKbd } from '../../commands/CommandKbd';

/** A coordinate is one line of text; longer is not a coordinate, and the card keeps at most this as typed. */
const COORDINATE_MAX = TypedCoordinatesSchema.shape.lat.maxLength ?? 100;

const problemKey = (problem: EditorProblem) => {
  switch (problem) {
    case 'outsideKazakhstan':
      return 'cardForm:outsideKazakhstan';
    case 'invalidLatitude':
    case 'invalidLongitude':
    case 'bothCoordinates':
      return `cards:${problem}`;
    default:
      return `cardFields:problems.${problem}`;
  }
};

export function CardForm() {
  const { t } = useTranslation('cards');
  const fieldText = useTranslation('cardFields').t;
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const saveCard = useConsole((s) => s.saveCard);
  const newCard = useConsole((s) => s.newCard);
  const withCentral = useConsole((s) => Boolean(s.appInfo?.centralUrl));
  const problems = useConsole((s) => s.problems);
  const stepRefusal = useConsole((s) => s.stepRefusal);
  const attachPhotos = useConsole((s) => s.attachPhotos);
  const drop = usePhotoDrop((files) => void attachPhotos(files));
  const actions = useCardActions();
  const readOnly = !actions.editFields;
  const coordinateInvalid = problems.includes('bothCoordinates') || problems.includes('outsideKazakhstan');

  return (
    <form
      className={`panel card-form${drop.dragging ? ' card-form--dropping' : ''}`}
      aria-labelledby="card-form-title"
      data-testid="card-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!readOnly) void saveCard();
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
        <button type="button" className="ghost" onClick={newCard}>
          {t('newCard')} <CommandKbd command="cards.new" />
        </button>
      </div>
      {editor.id && (
        <div className="card-form__badges">
          {actions.sending ? (
            <span className="badge badge--sending" role="status" data-testid="card-sending">
              {t(`cardForm:sending.${actions.sending}`)}
            </span>
          ) : (
            <span className="badge">{t(`status.${editor.status}`)}</span>
          )}
          <CardSyncBadge cardId={editor.id} />
        </div>
      )}
      {readOnly && !actions.sending && (
        <p className="muted" data-testid="card-read-only">
          {t('cardForm:readOnly')}
        </p>
      )}
      <CardRefusalBanner cardId={editor.id} />

      <label htmlFor="card-description">{t('description')}</label>
      <DescriptionField
        value={editor.description}
        readOnly={readOnly}
        onChange={(description) => editCard({ description })}
      />

      <label htmlFor="card-category">{t('category')}</label>
      <select
        id="card-category"
        value={editor.category ?? ''}
        disabled={readOnly}
        onChange={(event) => {
          const category = (event.target.value || null) as CardCategory | null;
          editCard({ category, ...(category === editor.category ? {} : { subcategory: null }) });
        }}
      >
        <option value="">{t('chooseCategory')}</option>
        {CARD_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </select>
      <label htmlFor="card-subcategory">{fieldText('subcategory')}</label>
      <select
        id="card-subcategory"
        value={editor.subcategory ?? ''}
        disabled={readOnly || editor.category === null}
        onChange={(event) =>
          editCard({ subcategory: (event.target.value || null) as CardSubcategory | null })
        }
      >
        <option value="">{fieldText('chooseSubcategory')}</option>
        {editor.category &&
          SUBCATEGORIES[editor.category].map((sub) => (
            <option key={sub} value={sub}>
              {fieldText(`subcategories.${sub}`)}
            </option>
          ))}
      </select>
      <label className="card-form__check">
        <input
          id="card-urgent"
          type="checkbox"
          checked={editor.urgent}
          disabled={readOnly}
          onChange={(event) => editCard({ urgent: event.target.checked })}
        />
        {fieldText('urgent')}
      </label>

      <ApplicantFields readOnly={readOnly} />

      <fieldset className="card-form__location">
        <legend>{t('location')}</legend>
        {!readOnly && <p className="muted">{t('mapHint')}</p>}
        {!readOnly && (
          <PlaceSearch
            picked={editorPoint(editor)}
            onPick={(point) =>
              editCard(
                placeEdit(editor, {
                  lat: point.lat.toFixed(5),
                  lon: point.lon.toFixed(5),
                  locationSource: 'map',
                }),
              )
            }
          />
        )}
        <div className="row">
          <label>
            {t('latitude')}
            <input
              id="card-lat"
              inputMode="decimal"
              maxLength={COORDINATE_MAX}
              readOnly={readOnly}
              value={editor.lat}
              aria-invalid={problems.includes('invalidLatitude') || coordinateInvalid}
              onChange={(event) =>
                editCard(
                  placeEdit(editor, { lat: event.target.value, lon: editor.lon, locationSource: 'typed' }),
                )
              }
            />
          </label>
          <label>
            {t('longitude')}
            <input
              id="card-lon"
              inputMode="decimal"
              maxLength={COORDINATE_MAX}
              readOnly={readOnly}
              value={editor.lon}
              aria-invalid={problems.includes('invalidLongitude') || coordinateInvalid}
              onChange={(event) =>
                editCard(
                  placeEdit(editor, { lat: editor.lat, lon: event.target.value, locationSource: 'typed' }),
                )
              }
            />
          </label>
          {!readOnly && (
            <button
              type="button"
              className="ghost"
              onClick={() =>
                editCard({
                  ...placeEdit(editor, { lat: '', lon: '', locationSource: 'typed' }),
                  lat: '',
                  lon: '',
                })
              }
            >
              {t('clearLocation')}
            </button>
          )}
        </div>
        {editor.lat !== '' && (
          <p className="muted" data-testid="card-place-source">
            {fieldText('place.sourceLabel', { source: t(`source.${editor.locationSource}`) })}
          </p>
        )}
        {editor.replacedPlace && (
          <p className="banner banner--warning" role="status" data-testid="card-place-replaced">
            {fieldText('place.replaced', {
              source: t(`source.${editor.replacedPlace.source}`),
              lat: editor.replacedPlace.lat,
              lon: editor.replacedPlace.lon,
            })}{' '}
            {!readOnly && editor.replacedPlace && (
              <button
                type="button"
                className="ghost"
                onClick={() =>
                  editor.replacedPlace &&
                  editCard({
                    lat: editor.replacedPlace.lat,
                    lon: editor.replacedPlace.lon,
                    locationSource: editor.replacedPlace.source,
                    replacedPlace: null,
                  })
                }
              >
                {fieldText('place.restore')}
              </button>
            )}
          </p>
        )}
        <label>
          {fieldText('place.address')}
          <input
            id="card-address"
            autoComplete="off"
            maxLength={CARD_LIMITS.addressMax}
            placeholder={fieldText('place.addressHint')}
            readOnly={readOnly}
            value={editor.addressText}
            onChange={(event) => editCard({ addressText: event.target.value })}
          />
        </label>
        <TerritoryHint point={editorPoint(editor)} />
        <TerritoryChoice readOnly={readOnly} />
      </fieldset>

      <SeenFields readOnly={readOnly} />

      {editor.appealId && <AppealAttachments appealId={editor.appealId} />}

      <CardPhotos />

      <CardRecordings />

      {(problems.length > 0 || stepRefusal) && (
        <div className="banner banner--error" role="alert" data-testid="card-problems">
          {problems.map((problem) => (
            <p key={problem}>{t(problemKey(problem))}</p>
          ))}
          {stepRefusal?.problem === 'fixFirst' && <p>{t('cardForm:fixFirst')}</p>}
          {/* Only the translated message: the contract's issues are zod's English, for the log. */}
          {stepRefusal?.problem === 'failed' && <p>{t(`common:${stepRefusal.error.messageKey}`)}</p>}
        </div>
      )}

      <CardFormActions key={editor.id ?? 'new'} actions={actions} withCentral={withCentral} />
    </form>
  );
}
