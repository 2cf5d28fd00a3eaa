// Writes the Group Policy template IT imports (resources/policies/): console102.admx and its ADML in
// en-US, ru-RU and kk-KZ, from the one table below: `node scripts/build-policies.mjs`. The outputs are
// committed; tests/unit/policy-template.test.ts checks they agree with each other and with main/config.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../resources/policies');
const KEY = 'SOFTWARE\\Policies\\KZ Police\\102 Console';
const LANGS = { 'en-US': 'en', 'ru-RU': 'ru', 'kk-KZ': 'kk' };

/** Words by language: [en, ru, kk]. */
const w = (en, ru, kk) => ({ en, ru, kk });

const ROLES = {
  operator: w('102 operator', 'Оператор «102»', '«102» операторы'),
  inspector: w('Senior inspector', 'Старший инспектор', 'Аға инспектор'),
  duty: w('Duty unit', 'Дежурная часть', 'Кезекші бөлім'),
  supervisor: w('Supervisor', 'Начальник смены', 'Ауысым басшысы'),
  head: w('Responsible head', 'Ответственный руководитель', 'Жауапты басшы'),
  employee: w('Responsible employee', 'Ответственный сотрудник', 'Жауапты қызметкер'),
  admin: w(
    'Digitalisation unit',
    'Подразделение цифровизации и ИИ',
    'Цифрландыру және жасанды интеллект бөлінісі',
  ),
};

const LOCKED = w(
  'Set here, the value cannot be changed on the workstation.',
  'Заданное здесь значение нельзя изменить на рабочем месте.',
  'Мұнда берілген мәнді жұмыс орнында өзгертуге болмайды.',
);

/** Policies: their elements write the value names main/config/registryPolicy.ts reads. */
const POLICIES = [
  {
    name: 'CentralUrl',
    title: w('Central system address', 'Адрес центральной системы', 'Орталық жүйенің мекенжайы'),
    explain: w(
      'The central system this console syncs with, for example https://central.102.police.kz.',
      'Центральная система, с которой синхронизируется пульт, например https://central.102.police.kz.',
      'Пульт деректер алмасатын орталық жүйе, мысалы https://central.102.police.kz.',
    ),
    elements: [{ type: 'text', id: 'CentralUrl', label: w('Address:', 'Адрес:', 'Мекенжай:') }],
  },
  {
    name: 'TileUrl',
    title: w('Internal map tile server', 'Внутренний сервер карт', 'Ішкі карта сервері'),
    explain: w(
      'An address template with {z}, {x} and {y}, for example https://tiles.102.police.kz/{z}/{x}/{y}.png. Without it the console shows its offline map.',
      'Шаблон адреса с {z}, {x} и {y}, например https://tiles.102.police.kz/{z}/{x}/{y}.png. Без него пульт показывает свою офлайн-карту.',
      '{z}, {x} және {y} бар мекенжай үлгісі, мысалы https://tiles.102.police.kz/{z}/{x}/{y}.png. Онсыз пульт өзінің желісіз картасын көрсетеді.',
    ),
    elements: [
      { type: 'text', id: 'TileUrl', label: w('Address template:', 'Шаблон адреса:', 'Мекенжай үлгісі:') },
    ],
  },
  {
    name: 'IceServers',
    title: w(
      'STUN and TURN servers for calls',
      'Серверы STUN и TURN для звонков',
      'Қоңыраулар үшін STUN және TURN серверлері',
    ),
    explain: w(
      'One address per line: stun:host:port, turn:host:port or turns:host:port. The account and password apply to the TURN servers.',
      'По одному адресу в строке: stun:узел:порт, turn:узел:порт или turns:узел:порт. Учётная запись и пароль относятся к серверам TURN.',
      'Әр жолда бір мекенжай: stun:түйін:порт, turn:түйін:порт немесе turns:түйін:порт. Тіркелгі мен құпиясөз TURN серверлеріне қатысты.',
    ),
    elements: [
      { type: 'multiText', id: 'IceServers', label: w('Servers:', 'Серверы:', 'Серверлер:') },
      {
        type: 'text',
        id: 'TurnUsername',
        label: w('TURN account:', 'Учётная запись TURN:', 'TURN тіркелгісі:'),
      },
      { type: 'text', id: 'TurnCredential', label: w('TURN password:', 'Пароль TURN:', 'TURN құпиясөзі:') },
    ],
  },
  {
    name: 'Territory',
    title: w('Territory of the workstation', 'Территория рабочего места', 'Жұмыс орнының аумағы'),
    explain: w(
      'The territory this workstation serves, by its identifier in the central system.',
      'Территория, которую обслуживает рабочее место, по её идентификатору в центральной системе.',
      'Жұмыс орны қызмет көрсететін аумақ, орталық жүйедегі сәйкестендіргіші бойынша.',
    ),
    elements: [
      {
        type: 'text',
        id: 'Territory',
        label: w('Territory identifier:', 'Идентификатор территории:', 'Аумақ сәйкестендіргіші:'),
      },
    ],
  },
  {
    name: 'Role',
    title: w(
      'Role of the workstation (lock)',
      'Роль рабочего места (закрепить)',
      'Жұмыс орнының рөлі (бекіту)',
    ),
    explain: w(
      'The role the console works in on this workstation.',
      'Роль, в которой работает пульт на этом рабочем месте.',
      'Пульт осы жұмыс орнында жұмыс істейтін рөл.',
    ),
    elements: [{ type: 'enum', id: 'Role', label: w('Role:', 'Роль:', 'Рөл:'), items: ROLES }],
  },
  {
    name: 'Hotkeys',
    title: w('Hotkeys', 'Горячие клавиши', 'Жылдам пернелер'),
    explain: w(
      'Value name: a command (cards.new, cards.save, sync.now, help…); value: its keys, for example Alt+N or F9.',
      'Имя значения — команда (cards.new, cards.save, sync.now, help…), значение — её клавиши, например Alt+N или F9.',
      'Мән атауы — команда (cards.new, cards.save, sync.now, help…), мәні — оның пернелері, мысалы Alt+N немесе F9.',
    ),
    elements: [
      {
        type: 'list',
        id: 'Hotkeys',
        key: `${KEY}\\Hotkeys`,
        label: w('Commands and keys:', 'Команды и клавиши:', 'Командалар мен пернелер:'),
      },
    ],
  },
  {
    name: 'Readiness',
    title: w(
      'Workstation readiness (§27)',
      'Готовность рабочего места (§27)',
      'Жұмыс орнының дайындығы (§27)',
    ),
    explain: w(
      'What the console does with a video call on a workstation that fails a required item, and the thresholds it checks.',
      'Что пульт делает с видеозвонком на рабочем месте, не прошедшем обязательную проверку, и пороги проверки.',
      'Міндетті тексерістен өтпеген жұмыс орнында пульт бейнеқоңырауды не істейтіні және тексеріс шектері.',
    ),
    elements: [
      {
        type: 'enum',
        id: 'VideoCallPolicy',
        label: w(
          'Video call on an unready workstation:',
          'Видеозвонок на неготовом рабочем месте:',
          'Дайын емес жұмыс орнындағы бейнеқоңырау:',
        ),
        items: {
          block: w('refuse', 'не принимать', 'қабылдамау'),
          warn: w('accept with a warning', 'принимать с предупреждением', 'ескертумен қабылдау'),
        },
      },
      {
        type: 'decimal',
        id: 'networkAtLeastMbps',
        key: `${KEY}\\ReadinessThresholds`,
        min: 1,
        max: 10000,
        label: w('Network at least (Mbit/s):', 'Сеть не менее (Мбит/с):', 'Желі кемінде (Мбит/с):'),
      },
      {
        type: 'decimal',
        id: 'roundTripAtMostMs',
        key: `${KEY}\\ReadinessThresholds`,
        min: 1,
        max: 10000,
        label: w('Round trip at most (ms):', 'Задержка не более (мс):', 'Кідіріс ең көбі (мс):'),
      },
      {
        type: 'decimal',
        id: 'memoryAtLeastGiB',
        key: `${KEY}\\ReadinessThresholds`,
        min: 1,
        max: 1024,
        label: w('Memory at least (GB):', 'Память не менее (ГБ):', 'Жад кемінде (ГБ):'),
      },
    ],
  },
  {
    name: 'RecordingRetentionDays',
    title: w('Keep call recordings', 'Хранение записей звонков', 'Қоңырау жазбаларын сақтау'),
    explain: w(
      'Days a call recording stays on the workstation (1–365).',
      'Сколько дней запись звонка хранится на рабочем месте (1–365).',
      'Қоңырау жазбасы жұмыс орнында неше күн сақталады (1–365).',
    ),
    elements: [
      { type: 'decimal', id: 'RecordingRetentionDays', min: 1, max: 365, label: w('Days:', 'Дней:', 'Күн:') },
    ],
  },
  {
    name: 'OfflineSignInMaxAgeHours',
    title: w(
      'Sign-in while the central system is unreachable',
      'Вход без связи с центральной системой',
      'Орталық жүйемен байланыссыз кіру',
    ),
    explain: w(
      'How many hours after its last online sign-in here an account may still sign in without the central system.',
      'Сколько часов после последнего входа при связи учётная запись может входить без центральной системы.',
      'Байланыспен соңғы кіруден кейін тіркелгі орталық жүйесіз неше сағат кіре алады.',
    ),
    elements: [
      {
        type: 'decimal',
        id: 'OfflineSignInMaxAgeHours',
        min: 1,
        max: 720,
        label: w('Hours:', 'Часов:', 'Сағат:'),
      },
    ],
  },
  {
    name: 'Language',
    title: w('Interface language', 'Язык интерфейса', 'Интерфейс тілі'),
    explain: w(
      'The language the console starts in.',
      'Язык, в котором открывается пульт.',
      'Пульт ашылатын тіл.',
    ),
    elements: [
      {
        type: 'enum',
        id: 'Language',
        label: w('Language:', 'Язык:', 'Тіл:'),
        items: {
          kk: w('Қазақша', 'Қазақша', 'Қазақша'),
          ru: w('Русский', 'Русский', 'Русский'),
          en: w('English', 'English', 'English'),
        },
      },
    ],
  },
];

const xml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(e) {
  const key = e.key ? ` key="${xml(e.key)}"` : '';
  switch (e.type) {
    case 'text':
      return `<text id="${e.id}"${key} valueName="${e.id}" maxLength="1000" />`;
    case 'multiText':
      return `<multiText id="${e.id}"${key} valueName="${e.id}" maxStrings="10" />`;
    case 'decimal':
      return `<decimal id="${e.id}"${key} valueName="${e.id}" minValue="${e.min}" maxValue="${e.max}" />`;
    case 'list':
      return `<list id="${e.id}"${key} explicitValue="true" />`;
    case 'enum':
      return [
        `<enum id="${e.id}"${key} valueName="${e.id}" required="true">`,
        ...Object.keys(e.items).map(
          (value) =>
            `            <item displayName="$(string.${e.id}_${value})"><value><string>${value}</string></value></item>`,
        ),
        '          </enum>',
      ].join('\n');
    default:
      throw new Error(`unknown element ${e.type}`);
  }
}

const admx = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/build-policies.mjs: edit the table there. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="console102" namespace="KZPolice.Policies.Console102" />
    <using prefix="windows" namespace="Microsoft.Policies.Windows" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_Console102_0_1" displayName="$(string.SUPPORTED_Console102_0_1)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Console102" displayName="$(string.Console102)" />
  </categories>
  <policies>
${POLICIES.map(
  (
    p,
  ) => `    <policy name="${p.name}" class="Machine" displayName="$(string.${p.name})" explainText="$(string.${p.name}_Explain)" presentation="$(presentation.${p.name})" key="${xml(KEY)}">
      <parentCategory ref="Console102" />
      <supportedOn ref="SUPPORTED_Console102_0_1" />
      <elements>
${p.elements.map((e) => `          ${element(e)}`).join('\n')}
      </elements>
    </policy>`,
).join('\n')}
  </policies>
</policyDefinitions>
`;

function presentation(e, lang) {
  const label = xml(e.label[lang]);
  switch (e.type) {
    case 'text':
      return `<textBox refId="${e.id}"><label>${label}</label></textBox>`;
    case 'multiText':
      return `<multiTextBox refId="${e.id}">${label}</multiTextBox>`;
    case 'decimal':
      return `<decimalTextBox refId="${e.id}">${label}</decimalTextBox>`;
    case 'list':
      return `<listBox refId="${e.id}">${label}</listBox>`;
    case 'enum':
      return `<dropdownList refId="${e.id}" noSort="true">${label}</dropdownList>`;
    default:
      throw new Error(`unknown element ${e.type}`);
  }
}

function adml(lang) {
  const strings = {
    Console102: w('102 console', 'Пульт «102»', '«102» пульті')[lang],
    SUPPORTED_Console102_0_1: w(
      '102 console 0.1 and later',
      'Пульт «102» 0.1 и новее',
      '«102» пульті 0.1 және жаңасы',
    )[lang],
  };
  for (const p of POLICIES) {
    strings[p.name] = p.title[lang];
    strings[`${p.name}_Explain`] = `${p.explain[lang]}\n\n${LOCKED[lang]}`;
    for (const e of p.elements)
      if (e.type === 'enum')
        for (const [value, words] of Object.entries(e.items)) strings[`${e.id}_${value}`] = words[lang];
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/build-policies.mjs: edit the table there. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>${xml(strings.Console102)}</displayName>
  <description>${xml(strings.Console102)}</description>
  <resources>
    <stringTable>
${Object.entries(strings)
  .map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`)
  .join('\n')}
    </stringTable>
    <presentationTable>
${POLICIES.map(
  (p) => `      <presentation id="${p.name}">
${p.elements.map((e) => `        ${presentation(e, lang)}`).join('\n')}
      </presentation>`,
).join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

writeFileSync(join(outDir, 'console102.admx'), admx);
for (const [folder, lang] of Object.entries(LANGS)) {
  mkdirSync(join(outDir, folder), { recursive: true });
  writeFileSync(join(outDir, folder, 'console102.adml'), adml(lang));
}
console.log(`wrote console102.admx and ${Object.keys(LANGS).join(', ')} ADML to ${outDir}`);
