import './admin.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountsTab } from './AccountsTab';
import { DirectoriesTab } from './DirectoriesTab';
import { TerritoriesTab } from './TerritoriesTab';
import { WorkstationsTab } from './WorkstationsTab';

const TABS = {
  accounts: AccountsTab,
  territories: TerritoriesTab,
  directories: DirectoriesTab,
  workstations: WorkstationsTab,
} as const;
type Tab = keyof typeof TABS;
const TAB_IDS = Object.keys(TABS) as Tab[];

/** The digitalisation unit's desk (§28): accounts, territories, directories and workstations, in tabs. */
export function AdminView() {
  const { t } = useTranslation('admin');
  const [tab, setTab] = useState<Tab>('accounts');
  const View = TABS[tab];
  return (
    <section className="panel admin" aria-labelledby="admin-title">
      <h2 id="admin-title">{t('title')}</h2>
      <div role="tablist" aria-label={t('title')} className="admin-tabs">
        {TAB_IDS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`admin-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="admin-tabpanel"
            onClick={() => setTab(id)}
          >
            {t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="admin-tabpanel" aria-labelledby={`admin-tab-${tab}`}>
        <View />
      </div>
    </section>
  );
}
