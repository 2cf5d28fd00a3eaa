import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { aboutText } from '../features/about/i18n';
import { adminText } from '../features/admin/i18n';
import { cardFieldsText } from '../features/cards/fieldText';
import { callsText } from '../features/calls/i18n';
import { cardFormText } from '../features/cards/formText';
import { cardsText } from '../features/cards/i18n';
import { inboxText } from '../features/inbox/i18n';
import { centreText } from '../features/centre/i18n';
import { boardText } from '../features/board/i18n';
import { mapText } from '../features/map/i18n';
import { readinessText } from '../features/workstation/i18n';
import { refusalsText } from '../features/refusals/i18n';
import { recordingsText } from '../features/recordings/i18n';
import { signinText } from '../features/session/i18n';
import { syncText } from '../features/sync/i18n';
import { unitsText } from '../features/units/i18n';
import { attachmentsText } from '../features/attachments/i18n';
import { shellText } from '../shell/i18n';
import { commonText } from './common';
import { type FeatureTranslations, LANGUAGES, type Language } from './translations';

/** One namespace per feature; a feature adds its strings here with one line. */
export const NAMESPACES = {
  common: commonText,
  cards: cardsText,
  cardForm: cardFormText,
  cardFields: cardFieldsText,
  inbox: inboxText,
  centre: centreText,
  map: mapText,
  readiness: readinessText,
  sync: syncText,
  signin: signinText,
  shell: shellText,
  refusals: refusalsText,
  about: aboutText,
  calls: callsText,
  board: boardText,
  recordings: recordingsText,
  admin: adminText,
  units: unitsText,
  attachments: attachmentsText,
} satisfies Record<string, FeatureTranslations<unknown>>;

const LANGUAGE_KEY = 'console102.language';

/** The language the operator picked in this browser, if any. */
export function pickedLanguage(): Language | null {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return LANGUAGES.find((l) => l === saved) ?? null;
}

export function savedLanguage(): Language {
  return pickedLanguage() ?? 'kk';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}

export async function createI18n(language: Language): Promise<i18n> {
  const resources = Object.fromEntries(
    LANGUAGES.map((lng) => [
      lng,
      Object.fromEntries(Object.entries(NAMESPACES).map(([ns, text]) => [ns, text[lng]])),
    ]),
  );
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    ns: Object.keys(NAMESPACES),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
