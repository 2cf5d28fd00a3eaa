import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewUnit, UnitEntry } from '../../../domain/admin/directories';
import { UNIT_KINDS, type UnitKind } from '../../../domain/dispatch/unit';
import { useConsole } from '../../store';
import { departmentName } from '../reference';
import { type DirectoryOutcome, DirectoryFormActions, DirectoryOutcomeLine } from './DirectoryOutcome';
import { problemText } from './problemText';

type UnitForm = Omit<NewUnit, 'departmentId'>;
const EMPTY: UnitForm = { id: '', callSign: '', kind: 'car', crew: 2 };

/**
 * A department's patrol units and СОГ (§13), kept by the digitalisation unit (§28): add one, or change its call
 * sign, kind or crew. Its live status and position are not here: the vehicle's system and the inspector set them.
 */
export function UnitsDirectory() {
  const { t, i18n } = useTranslation('admin');
  const departments = useConsole((s) => s.departments);
  const listed = useConsole((s) => s.adminUnits);
  const problem = useConsole((s) => s.adminUnitsProblem);
  const loadUnitDirectory = useConsole((s) => s.loadUnitDirectory);
  const createUnit = useConsole((s) => s.createUnit);
  const changeUnit = useConsole((s) => s.changeUnit);
  const [departmentId, setDepartmentId] = useState(departments[0]?.id ?? '');
  /** The unit being changed; null: the form adds a new one to the chosen department. */
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<UnitForm>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DirectoryOutcome>(null);
  useEffect(() => {
    if (!departmentId && departments[0]) setDepartmentId(departments[0].id);
  }, [departmentId, departments]);
  useEffect(() => {
    if (departmentId) void loadUnitDirectory(departmentId);
  }, [departmentId, loadUnitDirectory]);

  const units = listed?.departmentId === departmentId ? listed.units : null;
  const reset = () => {
    setEditing(null);
    setForm(EMPTY);
  };
  const chooseDepartment = (id: string) => {
    setDepartmentId(id);
    reset();
    setOutcome(null);
  };
  const edit = (unit: UnitEntry) => {
    setEditing(unit.id);
    setForm({ id: unit.id, callSign: unit.callSign, kind: unit.kind, crew: unit.crew });
    setOutcome(null);
    document.getElementById('unit-call-sign')?.focus();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const { id, ...changes } = form;
    const answer = editing ? await changeUnit(editing, changes) : await createUnit({ ...form, departmentId });
    setBusy(false);
    if (!answer.ok) return setOutcome({ kind: 'problem', problem: answer });
    setOutcome({
      kind: 'done',
      text: t(editing ? 'units.changed' : 'units.created', { callSign: answer.value.callSign, id }),
    });
    reset();
  };

  return (
    <section aria-labelledby="admin-units-title">
      <h3 id="admin-units-title">{t('units.title')}</h3>
      <p className="muted">{t('units.intro')}</p>
      <label htmlFor="units-department">
        {t('units.department')}
        <select id="units-department" value={departmentId} onChange={(e) => chooseDepartment(e.target.value)}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {departmentName(d, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      {problem && <p role="alert">{problemText(problem, i18n.t, i18n.language)}</p>}
      {units && units.length === 0 && <p role="status">{t('units.empty')}</p>}
      {units && units.length > 0 && (
        <table className="admin-table" data-testid="admin-units">
          <thead>
            <tr>
              <th scope="col">{t('units.callSign')}</th>
              <th scope="col">{t('units.kind')}</th>
              <th scope="col">{t('units.crew')}</th>
              <th scope="col">{t('directories.id')}</th>
              <th scope="col">{t('services.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id} data-unit={unit.id}>
                <th scope="row">{unit.callSign}</th>
                <td>{t(`units:kinds.${unit.kind}`)}</td>
                <td>{unit.crew}</td>
                <td>
                  <code>{unit.id}</code>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => edit(unit)}
                    aria-label={t('units.editOne', { callSign: unit.callSign })}
                  >
                    {t('services.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DirectoryOutcomeLine outcome={outcome} testId="admin-units-outcome" />
      <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="admin-unit-form">
        <h4 id="admin-unit-form">
          {editing ? t('units.form.editTitle', { id: editing }) : t('units.form.createTitle')}
        </h4>
        <label htmlFor="unit-id">
          {t('units.form.id')}
          <input
            id="unit-id"
            value={form.id}
            onChange={(e) => setForm({ ...form, id: e.target.value })}
            disabled={editing !== null}
            pattern="[a-z0-9][a-z0-9\-]{1,63}"
            title={t('units.form.idHint')}
            required
          />
        </label>
        <label htmlFor="unit-call-sign">
          {t('units.callSign')}
          <input
            id="unit-call-sign"
            maxLength={32}
            value={form.callSign}
            onChange={(e) => setForm({ ...form, callSign: e.target.value })}
            required
          />
        </label>
        <label htmlFor="unit-kind">
          {t('units.kind')}
          <select
            id="unit-kind"
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as UnitKind })}
          >
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`units:kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="unit-crew">
          {t('units.crew')}
          <input
            id="unit-crew"
            type="number"
            min={1}
            max={20}
            value={form.crew}
            onChange={(e) => setForm({ ...form, crew: e.target.valueAsNumber })}
            required
          />
        </label>
        <DirectoryFormActions busy={busy || !departmentId} editing={editing !== null} onCancel={reset} />
      </form>
    </section>
  );
}
