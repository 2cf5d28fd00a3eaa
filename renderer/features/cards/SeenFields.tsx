import { useTranslation } from 'react-i18next';
import { CARD_LIMITS, type Vehicle } from '../../../domain/cards/card';
import { useConsole } from '../../store';
import { CommandKbd } from '../../commands/CommandKbd';

export const ADD_VEHICLE_ID = 'card-add-vehicle';
const BLANK_VEHICLE: Vehicle = { plate: '', colour: '', make: '' };
const PARTS = ['plate', 'colour', 'make'] as const;

/** A few lines of what is seen, in one of the card's text fields. */
function NoteField({
  id,
  label,
  field,
  readOnly,
}: {
  id: string;
  label: string;
  field: 'peopleFeatures' | 'vehicles' | 'buildings';
  readOnly: boolean;
}) {
  const value = useConsole((s) => s.editor[field]);
  const editCard = useConsole((s) => s.editCard);
  return (
    <label>
      {label}
      <textarea
        id={id}
        rows={2}
        maxLength={CARD_LIMITS.featuresMax}
        readOnly={readOnly}
        value={value}
        onChange={(event) => editCard({ [field]: event.target.value })}
      />
    </label>
  );
}

/** §9 step 4, what is seen on video: how many people and their features, each vehicle, the buildings. */
export function SeenFields({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('cardFields');
  const editor = useConsole((s) => s.editor);
  const editCard = useConsole((s) => s.editCard);
  const problems = useConsole((s) => s.problems);
  const vehicles = editor.vehicleList;
  const setVehicle = (index: number, patch: Partial<Vehicle>) =>
    editCard({ vehicleList: vehicles.map((v, i) => (i === index ? { ...v, ...patch } : v)) });

  return (
    <fieldset className="card-form__group" data-testid="card-seen">
      <legend>{t('seen.title')}</legend>
      <label>
        {t('seen.peopleCount')}
        <input
          id="card-people-count"
          inputMode="numeric"
          maxLength={5}
          readOnly={readOnly}
          value={editor.peopleCount}
          aria-invalid={problems.includes('invalidPeopleCount')}
          onChange={(event) => editCard({ peopleCount: event.target.value })}
        />
      </label>
      <NoteField
        id="card-people-features"
        label={t('seen.peopleFeatures')}
        field="peopleFeatures"
        readOnly={readOnly}
      />
      <p className="card-form__sublegend">{t('seen.vehicles')}</p>
      {vehicles.map((vehicle, index) => (
        <div
          className="row card-form__vehicle"
          key={index}
          data-testid="card-vehicle"
          role="group"
          aria-label={t('seen.vehicleN', { n: index + 1 })}
        >
          {PARTS.map((part) => (
            <label key={part}>
              {t(`seen.${part}`)}
              <input
                id={`card-vehicle-${String(index)}-${part}`}
                autoComplete="off"
                maxLength={CARD_LIMITS.vehicleTextMax}
                readOnly={readOnly}
                value={vehicle[part]}
                onChange={(event) => setVehicle(index, { [part]: event.target.value })}
              />
            </label>
          ))}
          {!readOnly && (
            <button
              type="button"
              className="ghost"
              aria-label={t('seen.removeVehicle', { n: index + 1 })}
              onClick={() => editCard({ vehicleList: vehicles.filter((_, i) => i !== index) })}
            >
              ×
            </button>
          )}
        </div>
      ))}
      {!readOnly && vehicles.length < CARD_LIMITS.vehiclesMax && (
        <button
          type="button"
          id={ADD_VEHICLE_ID}
          className="ghost"
          onClick={() => {
            const id = addVehicle(editCard, vehicles);
            requestAnimationFrame(() => document.getElementById(id)?.focus());
          }}
        >
          {t('seen.addVehicle')} <CommandKbd command="cards.addVehicle" />
        </button>
      )}
      <NoteField id="card-vehicles" label={t('seen.vehicleNotes')} field="vehicles" readOnly={readOnly} />
      <NoteField id="card-buildings" label={t('seen.buildings')} field="buildings" readOnly={readOnly} />
    </fieldset>
  );
}

/** A new blank vehicle row, its plate focused: the keyboard path (Alt+Shift+V) and the button share it. */
export function addVehicle(
  editCard: (patch: { vehicleList: Vehicle[] }) => void,
  vehicles: Vehicle[],
): string {
  editCard({ vehicleList: [...vehicles, BLANK_VEHICLE] });
  return `card-vehicle-${String(vehicles.length)}-plate`;
}
