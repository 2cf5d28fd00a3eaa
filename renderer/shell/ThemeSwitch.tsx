import { useTranslation } from 'react-i18next';
import { useConsole } from '../store';

export function ThemeSwitch() {
  const { t } = useTranslation();
  const theme = useConsole((s) => s.theme);
  const setTheme = useConsole((s) => s.setTheme);
  return (
    <div className="segmented" role="group" aria-label={t('theme.label')}>
      {(['dark', 'light'] as const).map((option) => (
        <button key={option} type="button" aria-pressed={theme === option} onClick={() => setTheme(option)}>
          {t(`theme.${option}`)}
        </button>
      ))}
    </div>
  );
}
