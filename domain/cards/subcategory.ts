import { z } from 'zod';
import type { CardCategory } from './category';

/**
 * The sub-kinds of each report kind (seed 000's kinds), as data: the card form offers those of the chosen
 * category, and a new sub-kind is one entry here and its names below.
 */
export const SUBCATEGORIES = {
  roadAccident: ['withInjured', 'withoutInjured', 'pedestrianHit', 'leftScene'],
  trafficViolation: ['drunkDriving', 'speeding', 'dangerousDriving', 'illegalParking'],
  domesticViolence: ['beating', 'threats', 'psychological'],
  childIncident: ['missingChild', 'childAlone', 'childAbuse', 'minorOffence'],
  otherOffence: ['theft', 'fight', 'hooliganism', 'fraud', 'publicDrinking', 'noise', 'otherIncident'],
  officerComplaint: ['rudeness', 'inaction', 'abuseOfPower'],
} as const satisfies Record<CardCategory, readonly string[]>;

export type CardSubcategory = (typeof SUBCATEGORIES)[CardCategory][number];
const ALL = Object.values(SUBCATEGORIES).flat() as [CardSubcategory, ...CardSubcategory[]];
export const CardSubcategorySchema = z.enum(ALL);

/** Whether the sub-kind belongs to the kind (a sub-kind left from another kind is dropped by the form). */
export const subcategoryFits = (category: CardCategory | null, sub: CardSubcategory | null | undefined) =>
  !sub || (category !== null && (SUBCATEGORIES[category] as readonly string[]).includes(sub));

export const SUBCATEGORY_NAMES = {
  kk: {
    withInjured: 'Зардап шеккендер бар',
    withoutInjured: 'Зардап шеккендер жоқ',
    pedestrianHit: 'Жаяу жүргіншіні қағу',
    leftScene: 'Жүргізуші оқиға орнынан кетіп қалды',
    drunkDriving: 'Мас күйінде көлік жүргізу',
    speeding: 'Жылдамдықты асыру',
    dangerousDriving: 'Қауіпті жүргізу',
    illegalParking: 'Тұраққа дұрыс қоймау',
    beating: 'Ұрып-соғу',
    threats: 'Қорқыту',
    psychological: 'Психологиялық қысым',
    missingChild: 'Бала жоғалып кетті',
    childAlone: 'Бала қараусыз қалды',
    childAbuse: 'Балаға қатыгездік',
    minorOffence: 'Кәмелетке толмағанның құқық бұзушылығы',
    theft: 'Ұрлық',
    fight: 'Төбелес',
    hooliganism: 'Бұзақылық',
    fraud: 'Алаяқтық',
    publicDrinking: 'Қоғамдық орында ішімдік ішу',
    noise: 'Тыныштықты бұзу',
    otherIncident: 'Басқа',
    rudeness: 'Дөрекілік',
    inaction: 'Әрекетсіздік',
    abuseOfPower: 'Өкілеттікті асыра пайдалану',
  },
  ru: {
    withInjured: 'Есть пострадавшие',
    withoutInjured: 'Без пострадавших',
    pedestrianHit: 'Наезд на пешехода',
    leftScene: 'Водитель скрылся с места',
    drunkDriving: 'Вождение в нетрезвом виде',
    speeding: 'Превышение скорости',
    dangerousDriving: 'Опасное вождение',
    illegalParking: 'Неправильная парковка',
    beating: 'Побои',
    threats: 'Угрозы',
    psychological: 'Психологическое давление',
    missingChild: 'Пропал ребёнок',
    childAlone: 'Ребёнок без присмотра',
    childAbuse: 'Жестокое обращение с ребёнком',
    minorOffence: 'Правонарушение несовершеннолетнего',
    theft: 'Кража',
    fight: 'Драка',
    hooliganism: 'Хулиганство',
    fraud: 'Мошенничество',
    publicDrinking: 'Распитие в общественном месте',
    noise: 'Нарушение тишины',
    otherIncident: 'Другое',
    rudeness: 'Грубость',
    inaction: 'Бездействие',
    abuseOfPower: 'Превышение полномочий',
  },
  en: {
    withInjured: 'People injured',
    withoutInjured: 'Nobody injured',
    pedestrianHit: 'Pedestrian hit',
    leftScene: 'Driver left the scene',
    drunkDriving: 'Drunk driving',
    speeding: 'Speeding',
    dangerousDriving: 'Dangerous driving',
    illegalParking: 'Illegal parking',
    beating: 'Beating',
    threats: 'Threats',
    psychological: 'Psychological pressure',
    missingChild: 'Missing child',
    childAlone: 'Child left alone',
    childAbuse: 'Cruelty to a child',
    minorOffence: 'Offence by a minor',
    theft: 'Theft',
    fight: 'Fight',
    hooliganism: 'Hooliganism',
    fraud: 'Fraud',
    publicDrinking: 'Drinking in a public place',
    noise: 'Disturbing the peace',
    otherIncident: 'Other',
    rudeness: 'Rudeness',
    inaction: 'Inaction',
    abuseOfPower: 'Abuse of power',
  },
} as const satisfies Record<'kk' | 'ru' | 'en', Record<CardSubcategory, string>>;
