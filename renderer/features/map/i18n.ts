import { defineTranslations } from '../../i18n/translations';

export const mapText = defineTranslations(
  {
    label: 'Map of Kazakhstan',
    loading: 'Loading the map…',
    failed: 'The offline map could not be loaded.',
    incident: 'Incident location',
    regionsApprox: 'Region borders are approximate',
    ownTerritory: 'Show my territory: {{name}}',
    commands: {
      findPlace: 'Find a place by name and set it as the incident location',
      focusMap:
        'Go to the map: arrows move the incident location, Shift+arrows further, Enter sets it, Esc cancels, + and − zoom',
    },
    keyboard: {
      label: 'Incident location on the map: arrows move it, Enter sets it, Esc cancels',
      pending: 'Moved to {{lat}}, {{lon}}: Enter sets the place, Esc cancels',
    },
    placeSearch: {
      label: 'Find a place by name',
      placeholder: 'City or town, in any language',
      set: 'Place set: {{name}}',
      none: 'No such place in the offline list. Type the coordinates or pick the place on the map.',
      loading: 'Loading the list of places…',
      failed: 'The list of places did not load. Type the coordinates or pick the place on the map.',
    },
    attribution: 'Natural Earth · Contains data from GeoNames.org',
  },
  {
    label: 'Карта Казахстана',
    loading: 'Загрузка карты…',
    failed: 'Не удалось загрузить офлайн-карту.',
    incident: 'Место происшествия',
    regionsApprox: 'Границы областей приблизительные',
    ownTerritory: 'Показать мою территорию: {{name}}',
    commands: {
      findPlace: 'Найти населённый пункт по названию и указать его местом происшествия',
      focusMap:
        'Перейти к карте: стрелки двигают место происшествия, Shift+стрелки — дальше, Enter — указать, Esc — отменить, + и − — масштаб',
    },
    keyboard: {
      label: 'Место происшествия на карте: стрелки двигают, Enter — указать, Esc — отменить',
      pending: 'Сдвинуто в {{lat}}, {{lon}}: Enter — указать место, Esc — отменить',
    },
    placeSearch: {
      label: 'Найти место по названию',
      placeholder: 'Город или посёлок, на любом языке',
      set: 'Место указано: {{name}}',
      none: 'Такого места нет в офлайн-списке. Введите координаты или укажите место на карте.',
      loading: 'Загружается список мест…',
      failed: 'Список мест не загрузился. Введите координаты или укажите место на карте.',
    },
    attribution: 'Natural Earth; содержит данные GeoNames.org',
  },
  {
    label: 'Қазақстан картасы',
    loading: 'Карта жүктелуде…',
    failed: 'Офлайн картаны жүктеу мүмкін болмады.',
    incident: 'Оқиға орны',
    regionsApprox: 'Облыс шекаралары шамамен берілген',
    ownTerritory: 'Менің аумағымды көрсету: {{name}}',
    commands: {
      findPlace: 'Елді мекенді атауы бойынша тауып, оқиға орны ретінде көрсету',
      focusMap:
        'Картаға өту: бағыт пернелері оқиға орнын жылжытады, Shift+бағыт — алысқа, Enter — белгілеу, Esc — болдырмау, + және − — масштаб',
    },
    keyboard: {
      label: 'Картадағы оқиға орны: бағыт пернелері жылжытады, Enter — белгілеу, Esc — болдырмау',
      pending: '{{lat}}, {{lon}} нүктесіне жылжыды: Enter — орынды белгілеу, Esc — болдырмау',
    },
    placeSearch: {
      label: 'Орынды атауы бойынша табу',
      placeholder: 'Қала немесе кент, кез келген тілде',
      set: 'Орын белгіленді: {{name}}',
      none: 'Офлайн тізімде мұндай орын жоқ. Координаттарды енгізіңіз немесе орынды картадан көрсетіңіз.',
      loading: 'Орындар тізімі жүктелуде…',
      failed: 'Орындар тізімі жүктелмеді. Координаттарды енгізіңіз немесе орынды картадан көрсетіңіз.',
    },
    attribution: 'Natural Earth; GeoNames.org деректері бар',
  },
);
