import { useTranslation } from 'react-i18next';
import type { ItemStatus, ReadinessItem } from '../../../domain/workstation/workstation';
import { ITEM_TITLES } from '../../../domain/workstation/workstationAdvice';
import { useReportLanguage } from './language';

const ICONS: Record<ItemStatus, string> = { pass: '✓', fail: '✕', unknown: '?' };

/** One row per §27 requirement: status, what was measured against what is required, and what to do. */
export function ReadinessItems({ items }: { items: ReadinessItem[] }) {
  const { t } = useTranslation('readiness');
  const lang = useReportLanguage();
  return (
    <table className="readiness-items">
      <thead>
        <tr>
          <th scope="col">{t('columns.status')}</th>
          <th scope="col">{t('columns.item')}</th>
          <th scope="col">{t('columns.value')}</th>
          <th scope="col">{t('columns.threshold')}</th>
          <th scope="col" className="readiness-items__advice">
            {t('columns.advice')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid={`readiness-item-${item.id}`} data-status={item.status}>
            <td className={`readiness-items__status readiness-items__status--${item.status}`}>
              <span aria-hidden="true">{ICONS[item.status]}</span> {t(`status.${item.status}`)}
            </td>
            <th scope="row">
              {ITEM_TITLES[item.id][lang]}
              {!item.required && <span className="badge">{t('optional')}</span>}
            </th>
            <td className="readiness-items__value">{item.valueText?.[lang] ?? '—'}</td>
            <td className="readiness-items__value">{item.threshold[lang]}</td>
            <td>
              {item.advice && <p>{item.advice.operator[lang]}</p>}
              {(item.advice || item.explanation.length > 0) && (
                <details>
                  <summary>{item.advice ? t('forIt') : t('how')}</summary>
                  {item.advice && <p>{item.advice.it[lang]}</p>}
                  {item.explanation.length > 0 && (
                    <ul>
                      {item.explanation.map((line) => (
                        <li key={line.en}>{line[lang]}</li>
                      ))}
                    </ul>
                  )}
                </details>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
