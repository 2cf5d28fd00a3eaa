import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewService, ServiceEntry } from '../../../domain/admin/directories';
import { useConsole } from '../../store';
import { type DirectoryOutcome, DirectoryFormActions, DirectoryOutcomeLine } from './DirectoryOutcome';
import { problemText } from './problemText';

const EMPTY: NewService = { id: '', nameKk: '', nameRu: '', competenceKk: '', competenceRu: '' };
const TEXT_FIELDS = ['nameKk', 'nameRu', 'competenceKk', 'competenceRu'] as const;

/**
 * The competent services (§12.4) the operator forwards non-urgent texts to, kept by the digitalisation unit
 * (§28): add one, or change its names and what it takes. Central checks the permission and audits each change.
 */
export function ServicesDirectory() {
  const { t, i18n } = useTranslation('admin');
  const services = useConsole((s) => s.adminServices);
  const problem = useConsole((s) => s.adminServicesProblem);
  const loadServices = useConsole((s) => s.loadServices);
  const createService = useConsole((s) => s.createService);
  const changeService = useConsole((s) => s.changeService);
  /** The service being changed; null: the form adds a new one. */
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState<NewService>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<DirectoryOutcome>(null);
  useEffect(() => {
    void loadServices();
  }, [loadServices]);

  const kk = i18n.language === 'kk';
  const edit = (service: ServiceEntry) => {
    setEditing(service.id);
    setForm({ ...service });
    setOutcome(null);
    document.getElementById('service-name-kk')?.focus();
  };
  const reset = () => {
    setEditing(null);
    setForm(EMPTY);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const texts = Object.fromEntries(TEXT_FIELDS.map((field) => [field, form[field]]));
    const answer = editing ? await changeService(editing, texts) : await createService(form);
    setBusy(false);
    if (!answer.ok) return setOutcome({ kind: 'problem', problem: answer });
    setOutcome({
      kind: 'done',
      text: t(editing ? 'services.changed' : 'services.created', { id: answer.value.id }),
    });
    reset();
  };

  return (
    <section aria-labelledby="admin-services-title">
      <h3 id="admin-services-title">{t('services.title')}</h3>
      <p className="muted">{t('services.intro')}</p>
      {problem && <p role="alert">{problemText(problem, i18n.t, i18n.language)}</p>}
      {services && services.length === 0 && <p role="status">{t('services.empty')}</p>}
      {services && services.length > 0 && (
        <table className="admin-table" data-testid="admin-services">
          <thead>
            <tr>
              <th scope="col">{t('directories.id')}</th>
              <th scope="col">{t('directories.name')}</th>
              <th scope="col">{t('services.competence')}</th>
              <th scope="col">{t('services.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id} data-service={service.id}>
                <th scope="row">
                  <code>{service.id}</code>
                </th>
                <td>{kk ? service.nameKk : service.nameRu}</td>
                <td>{(kk ? service.competenceKk : service.competenceRu) || '—'}</td>
                <td>
                  <button
                    type="button"
                    onClick={() => edit(service)}
                    aria-label={t('services.editOne', { name: kk ? service.nameKk : service.nameRu })}
                  >
                    {t('services.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DirectoryOutcomeLine outcome={outcome} testId="admin-services-outcome" />
      <form className="admin-form" onSubmit={(e) => void submit(e)} aria-labelledby="admin-service-form">
        <h4 id="admin-service-form">
          {editing ? t('services.form.editTitle', { id: editing }) : t('services.form.createTitle')}
        </h4>
        <label htmlFor="service-id">
          {t('services.form.id')}
          <input
            id="service-id"
            value={form.id}
            onChange={(e) => setForm({ ...form, id: e.target.value })}
            disabled={editing !== null}
            pattern="[a-z][a-z0-9\-]{1,63}"
            title={t('services.form.idHint')}
            required
          />
        </label>
        {TEXT_FIELDS.map((field) => {
          const id = `service-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
          const long = field.startsWith('competence');
          return (
            <label htmlFor={id} key={field}>
              {t(`services.form.${field}`)}
              {long ? (
                <textarea
                  id={id}
                  rows={2}
                  maxLength={500}
                  value={form[field]}
                  onChange={(e) => setForm({ ...form, [field]: e.target.value })}
                />
              ) : (
                <input
                  id={id}
                  maxLength={200}
                  value={form[field]}
                  onChange={(e) => setForm({ ...form, [field]: e.target.value })}
                  required
                />
              )}
            </label>
          );
        })}
        <DirectoryFormActions busy={busy} editing={editing !== null} onCancel={reset} />
      </form>
    </section>
  );
}
