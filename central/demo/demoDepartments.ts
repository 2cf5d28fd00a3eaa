import type { Department, PatrolUnit } from '../../domain/reference/department';

type Seat = { lat: number; lon: number };
const region = (
  id: string,
  code: string,
  nameEn: string,
  nameRu: string,
  nameKk: string,
  seat: Seat,
  kind: 'region' | 'city' = 'region',
) => ({
  id,
  code,
  kind,
  nameEn,
  nameRu,
  nameKk,
  seat,
});

/**
 * The police departments (ДП) of the 17 regions and the 3 cities of republican significance, with the
 * ids used by resources/map/regions.approx.geojson. Names and seats here are the fallback when that
 * file is absent; the file's own names and seats win when it is present.
 */
export const DEMO_REGIONS = [
  region('kz-abai', 'ABA', 'Abai Region', 'область Абай', 'Абай облысы', { lat: 50.4268, lon: 80.2667 }),
  region('kz-akmola', 'AKM', 'Akmola Region', 'Акмолинская область', 'Ақмола облысы', {
    lat: 53.2833,
    lon: 69.4,
  }),
  region('kz-aktobe', 'AKT', 'Aktobe Region', 'Актюбинская область', 'Ақтөбе облысы', {
    lat: 50.2797,
    lon: 57.2072,
  }),
  region('kz-almaty-region', 'ALO', 'Almaty Region', 'Алматинская область', 'Алматы облысы', {
    lat: 43.8668,
    lon: 77.063,
  }),
  region('kz-atyrau', 'ATY', 'Atyrau Region', 'Атырауская область', 'Атырау облысы', {
    lat: 47.1167,
    lon: 51.8833,
  }),
  region(
    'kz-east-kazakhstan',
    'VKO',
    'East Kazakhstan Region',
    'Восточно-Казахстанская область',
    'Шығыс Қазақстан облысы',
    { lat: 49.9714, lon: 82.6059 },
  ),
  region('kz-jambyl', 'ZHA', 'Jambyl Region', 'Жамбылская область', 'Жамбыл облысы', {
    lat: 42.9,
    lon: 71.3667,
  }),
  region('kz-jetisu', 'ZHE', 'Jetisu Region', 'область Жетісу', 'Жетісу облысы', {
    lat: 45.0156,
    lon: 78.3739,
  }),
  region('kz-karaganda', 'KAR', 'Karaganda Region', 'Карагандинская область', 'Қарағанды облысы', {
    lat: 49.8019,
    lon: 73.1021,
  }),
  region('kz-kostanay', 'KOS', 'Kostanay Region', 'Костанайская область', 'Қостанай облысы', {
    lat: 53.2144,
    lon: 63.6246,
  }),
  region('kz-kyzylorda', 'KZO', 'Kyzylorda Region', 'Кызылординская область', 'Қызылорда облысы', {
    lat: 44.8528,
    lon: 65.5092,
  }),
  region('kz-mangystau', 'MAN', 'Mangystau Region', 'Мангистауская область', 'Маңғыстау облысы', {
    lat: 43.65,
    lon: 51.1667,
  }),
  region('kz-pavlodar', 'PAV', 'Pavlodar Region', 'Павлодарская область', 'Павлодар облысы', {
    lat: 52.2833,
    lon: 76.9667,
  }),
  region(
    'kz-north-kazakhstan',
    'SKO',
    'North Kazakhstan Region',
    'Северо-Казахстанская область',
    'Солтүстік Қазақстан облысы',
    { lat: 54.8667, lon: 69.15 },
  ),
  region('kz-turkistan', 'TUR', 'Turkistan Region', 'Туркестанская область', 'Түркістан облысы', {
    lat: 43.2973,
    lon: 68.2518,
  }),
  region('kz-ulytau', 'ULY', 'Ulytau Region', 'область Ұлытау', 'Ұлытау облысы', {
    lat: 47.7833,
    lon: 67.7667,
  }),
  region(
    'kz-west-kazakhstan',
    'ZKO',
    'West Kazakhstan Region',
    'Западно-Казахстанская область',
    'Батыс Қазақстан облысы',
    { lat: 51.2333, lon: 51.3667 },
  ),
  region('kz-astana', 'AST', 'Astana', 'Астана', 'Астана', { lat: 51.1801, lon: 71.446 }, 'city'),
  region('kz-almaty', 'ALA', 'Almaty', 'Алматы', 'Алматы', { lat: 43.2567, lon: 76.9286 }, 'city'),
  region('kz-shymkent', 'SHY', 'Shymkent', 'Шымкент', 'Шымкент', { lat: 42.3, lon: 69.6 }, 'city'),
] as const;

/** A few district police departments (УП/ОП районов) inside the three cities; territories are small squares. */
export const DEMO_DISTRICTS: readonly Department[] = [
  {
    id: 'kz-almaty-medeu',
    kind: 'district',
    parentId: 'kz-almaty',
    code: 'ALAMED',
    nameEn: 'Medeu District Police',
    nameRu: 'УП Медеуского района',
    nameKk: 'Медеу ауданының ПБ',
    seat: { lat: 43.2382, lon: 76.9568 },
  },
  {
    id: 'kz-almaty-bostandyq',
    kind: 'district',
    parentId: 'kz-almaty',
    code: 'ALABOS',
    nameEn: 'Bostandyq District Police',
    nameRu: 'УП Бостандыкского района',
    nameKk: 'Бостандық ауданының ПБ',
    seat: { lat: 43.2067, lon: 76.9036 },
  },
  {
    id: 'kz-astana-esil',
    kind: 'district',
    parentId: 'kz-astana',
    code: 'ASTESI',
    nameEn: 'Esil District Police',
    nameRu: 'УП района Есиль',
    nameKk: 'Есіл ауданының ПБ',
    seat: { lat: 51.1282, lon: 71.4307 },
  },
  {
    id: 'kz-astana-saryarka',
    kind: 'district',
    parentId: 'kz-astana',
    code: 'ASTSAR',
    nameEn: 'Saryarka District Police',
    nameRu: 'УП района Сарыарка',
    nameKk: 'Сарыарқа ауданының ПБ',
    seat: { lat: 51.2017, lon: 71.3936 },
  },
  {
    id: 'kz-shymkent-abai',
    kind: 'district',
    parentId: 'kz-shymkent',
    code: 'SHYABA',
    nameEn: 'Abai District Police (Shymkent)',
    nameRu: 'УП Абайского района г. Шымкент',
    nameKk: 'Шымкент қ. Абай ауданының ПБ',
    seat: { lat: 42.3417, lon: 69.5901 },
  },
];

/** Half the side of a district's square territory, in degrees (about 2 km). */
export const DISTRICT_HALF_SIDE = 0.02;

export const DEMO_PATROL_UNITS: readonly PatrolUnit[] = [
  ...DEMO_DISTRICTS,
  ...DEMO_REGIONS.filter((r) => r.kind === 'city'),
].flatMap((d) => [
  { id: `${d.id}-p1`, departmentId: d.id, callSign: `${d.code}-11`, kind: 'car' as const },
  { id: `${d.id}-p2`, departmentId: d.id, callSign: `${d.code}-12`, kind: 'car' as const },
  { id: `${d.id}-p3`, departmentId: d.id, callSign: `${d.code}-21`, kind: 'foot' as const },
  // A city's duty СОГ (investigative-operative group), sent as one unit.
  ...(d.kind === 'city' ? [{ id: `${d.id}-sog`, departmentId: d.id, callSign: `${d.code}-90`, kind: 'sog' as const }] : []),
]);

/** Crews of the demo units (the rest have two): a СОГ is an investigator, an operative, an expert and a driver. */
export const DEMO_CREWS: readonly { id: string; crew: number }[] = DEMO_PATROL_UNITS.filter(
  (u) => u.kind === 'sog',
).map((u) => ({ id: u.id, crew: 4 }));

/**
 * One account per role (password = login, demo only). Field staff sit in Almaty; the admin is national.
 * Display names are people's names in Cyrillic, as accounts carry them in practice, which read the same
 * on a Kazakh and a Russian screen (the role is shown in the screen's language by the console).
 */
export const DEMO_ACCOUNTS = [
  { login: 'operator', role: 'operator', departmentId: 'kz-almaty', displayName: 'Асель Нурланова' },
  { login: 'inspector', role: 'inspector', departmentId: 'kz-almaty', displayName: 'Ерлан Сапаров' },
  { login: 'duty', role: 'duty', departmentId: 'kz-almaty-medeu', displayName: 'Данияр Касымов' },
  { login: 'supervisor', role: 'supervisor', departmentId: 'kz-almaty', displayName: 'Марат Жумабаев' },
  { login: 'head', role: 'head', departmentId: 'kz-almaty', displayName: 'Гульнара Исаева' },
  { login: 'employee', role: 'employee', departmentId: 'kz-almaty', displayName: 'Тимур Ахметов' },
  { login: 'admin', role: 'admin', departmentId: null, displayName: 'Айдос Бекенов' },
  // Almaty's vehicle systems (§13): reports units' positions at POST /api/units/auth, never signs in to the console.
  { login: 'integration', role: 'integration', departmentId: 'kz-almaty', displayName: 'Көлік Жүйесі' },
] as const;

/** The English names earlier demo data gave these accounts; a kept demo database is renamed once. */
export const OLD_DEMO_NAME = /^Demo /;
