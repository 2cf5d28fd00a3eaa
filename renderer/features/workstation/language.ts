import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../domain/workstation/workstation';
import { LANGUAGES } from '../../i18n/translations';

/** The UI language as a key of the report's texts (advice and titles travel in all three languages). */
export function useReportLanguage(): keyof Localized {
  const { i18n } = useTranslation();
  return LANGUAGES.find((l) => l === i18n.language) ?? 'kk';
}
