import type { CardCategory } from './category';

/**
 * The report kinds by name, in seed 000's wording (the «Заң мен Тәртіп» announcement): one list for the
 * console's cards and the citizen widget, so a citizen's choice and the operator's card read the same.
 */
export const CATEGORY_NAMES = {
  kk: {
    roadAccident: 'Жол-көлік оқиғасы',
    trafficViolation: 'Жол жүру ережелерін бұзу',
    domesticViolence: 'Тұрмыстық зорлық-зомбылық',
    childIncident: 'Балаларға қатысты оқиға',
    otherOffence: 'Өзге құқық бұзушылық немесе оқиға',
    officerComplaint: 'Полиция қызметкерінің әрекетіне шағым',
  },
  ru: {
    roadAccident: 'Дорожно-транспортное происшествие',
    trafficViolation: 'Нарушение правил дорожного движения',
    domesticViolence: 'Бытовое насилие',
    childIncident: 'Происшествие с участием детей',
    otherOffence: 'Иное правонарушение или происшествие',
    officerComplaint: 'Жалоба на действия сотрудника полиции',
  },
  en: {
    roadAccident: 'Road traffic accident',
    trafficViolation: 'Traffic rule violation',
    domesticViolence: 'Domestic violence',
    childIncident: 'Incident involving children',
    otherOffence: 'Other offence or incident',
    officerComplaint: 'Complaint about a police officer',
  },
} as const satisfies Record<'kk' | 'ru' | 'en', Record<CardCategory, string>>;
