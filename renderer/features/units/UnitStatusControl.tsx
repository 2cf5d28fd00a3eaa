import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_STATUSES, type Unit, type UnitStatus, UnitStatusSchema } from '../../../domain/dispatch/unit';
import { UNIT_STATUS_BUTTON_ID, UNIT_STATUS_SELECT_ID } from './ids';

/** What a crew usually radios in next: arrived, still busy there, free again; a free unit going off shift. */
const NEXT_STATUS: Record<UnitStatus, UnitStatus> = {
  enRoute: 'onScene',
  onScene: 'busy',
  busy: 'free',
  free: 'offDuty',
  offDuty: 'free',
};

/**
 * §13: the status of the unit under the cursor of the units list, set by hand when its crew radios it in. The
 * list offers the usual next one; Alt+Shift+U sets it (the same button).
 */
export function UnitStatusControl({
  unit,
  onSet,
}: {
  unit: Unit;
  onSet: (unitId: string, status: UnitStatus) => Promise<void>;
}) {
  const { t } = useTranslation('units');
  const [status, setStatus] = useState<UnitStatus>(NEXT_STATUS[unit.status]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await onSet(unit.id, status);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="units-panel__status-control" data-testid="unit-status-control">
      <label htmlFor={UNIT_STATUS_SELECT_ID}>{t('statusOf', { callSign: unit.callSign })}</label>
      <select
        id={UNIT_STATUS_SELECT_ID}
        value={status}
        onChange={(event) => {
          const chosen = UnitStatusSchema.safeParse(event.target.value);
          if (chosen.success) setStatus(chosen.data);
        }}
      >
        {UNIT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`statuses.${s}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        id={UNIT_STATUS_BUTTON_ID}
        disabled={busy || status === unit.status}
        onClick={() => void submit()}
        aria-keyshortcuts="Alt+Shift+U"
        data-testid="unit-status-set"
      >
        {t('setStatus')} (Alt+Shift+U)
      </button>
    </div>
  );
}
