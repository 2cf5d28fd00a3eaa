import { useTranslation } from 'react-i18next';
import { useConsole } from '../../store';
import { departmentName } from '../reference';
import { ServicesDirectory } from './ServicesDirectory';
import { UnitsDirectory } from './UnitsDirectory';

/**
 * The directories of §28: the competent services and the departments' units the admin keeps, and central's departments (read only, as this
 * console last received them).
 */
export function DirectoriesTab() {
  const { t, i18n } = useTranslation('admin');
  const departments = useConsole((s) => s.departments);
  return (
    <div className="admin-tab">
      <ServicesDirectory />
      <UnitsDirectory />
      <h3>{t('directories.departments')}</h3>
      <p className="muted">{t('directories.intro')}</p>
      {departments.length === 0 ? (
        <p role="status">{t('directories.empty')}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('directories.id')}</th>
              <th scope="col">{t('directories.name')}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.id}</th>
                <td>{departmentName(d, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
