import { useTranslation } from 'react-i18next';
import { saveLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/translations';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = (language: Language) => {
    saveLanguage(language);
    void i18n.changeLanguage(language);
  };
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          aria-label={t(`language.${language}`)}
          title={t(`language.${language}`)}
          onClick={() => choose(language)}
        >
          {t(`language.short.${language}`)}
        </button>
      ))}
    </div>
  );
}
