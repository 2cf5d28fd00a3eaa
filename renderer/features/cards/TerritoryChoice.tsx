import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { departmentName } from '../reference';

/**
 * The territory (§8): found from the place by itself (TerritoryHint says which), or chosen here by the operator
 * when the place is unknown or belongs elsewhere; "as found" gives the choice back to the place.
 */
export function TerritoryChoice({ readOnly }: { readOnly: boolean }) {
  const { t, i18n } = useTranslation('cardFields');
  const chosen = useConsole((s) => s.editor.chosenDepartmentId);
  const editCard = useConsole((s) => s.editCard);
  const departments = useConsole((s) => s.departments);
  return (
    <label>
      {t('territory.label')}
      <select
        id="card-territory"
        value={chosen ?? ''}
        disabled={readOnly}
        onChange={(event) => editCard({ chosenDepartmentId: event.target.value || null })}
      >
        <option value="">{t('territory.automatic')}</option>
        {chosen && !departments.some((d) => d.id === chosen) && <option value={chosen}>{chosen}</option>}
        {departments.map((department) => (
          <option key={department.id} value={department.id}>
            {departmentName(department, i18n.language)}
          </option>
        ))}
      </select>
      {chosen && <span className="muted"> {t('territory.chosen')}</span>}
    </label>
  );
}
