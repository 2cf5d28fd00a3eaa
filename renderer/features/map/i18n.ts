import { defineTranslations } from '../../i18n/translations';

export const mapText = defineTranslations(
  {
    label: 'Map of Kazakhstan',
    loading: 'Loading the map…',
    failed: 'The offline map could not be loaded.',
    incident: 'Incident location',
    regionsApprox: 'Region borders are approximate',
    ownTerritory: 'Show my territory: {{name}}',
    attribution: 'Natural Earth · Contains data from GeoNames.org',
  },
  {
    label: 'Карта Казахстана',
    loading: 'Загрузка карты…',
    failed: 'Не удалось загрузить офлайн-карту.',
    incident: 'Место происшествия',
    regionsApprox: 'Границы областей приблизительные',
    ownTerritory: 'Показать мою территорию: {{name}}',
    attribution: 'Natural Earth; содержит данные GeoNames.org',
  },
  {
    label: 'Қазақстан картасы',
    loading: 'Карта жүктелуде…',
    failed: 'Офлайн картаны жүктеу мүмкін болмады.',
    incident: 'Оқиға орны',
    regionsApprox: 'Облыс шекаралары шамамен берілген',
    ownTerritory: 'Менің аумағымды көрсету: {{name}}',
    attribution: 'Natural Earth; GeoNames.org деректері бар',
  },
);
