import type { ItemStatus, Localized, ReadinessItemId, UnknownReason } from './workstation';

/**
 * The words of the readiness report: item titles and advice for the operator (what to do now) and for
 * the digitalisation unit (what to fix, §28), in Kazakh, Russian and English. They live in the report
 * itself because the unit reads the JSON from a deployment script and central shows it to the admin,
 * neither of which has the UI's i18n.
 * `{v}` is the measured value, `{t}` the threshold, `{d}` a technical detail.
 */

export const ITEM_TITLES: Record<ReadinessItemId, Localized> = {
  processor: { kk: 'Процессор', ru: 'Процессор', en: 'Processor' },
  memory: { kk: 'Жедел жады (RAM)', ru: 'Оперативная память', en: 'Memory (RAM)' },
  os: { kk: 'Операциялық жүйе', ru: 'Операционная система', en: 'Operating system' },
  browser: { kk: 'Браузер қозғалтқышы', ru: 'Браузерный движок', en: 'Browser engine' },
  soundCard: { kk: 'Дыбыс картасы', ru: 'Звуковая карта', en: 'Sound card' },
  camera: { kk: 'Камера', ru: 'Камера', en: 'Camera' },
  headset: {
    kk: 'Гарнитура (құлаққап және микрофон)',
    ru: 'Гарнитура (наушники и микрофон)',
    en: 'Headset (headphones and microphone)',
  },
  mouse: { kk: 'Тінтуір', ru: 'Мышь', en: 'Mouse' },
  keyboard: { kk: 'Пернетақта', ru: 'Клавиатура', en: 'Keyboard' },
  networkSpeed: {
    kk: 'Орталық жүйеге дейінгі желі жылдамдығы',
    ru: 'Скорость сети до центральной системы',
    en: 'Network speed to central',
  },
  roundTrip: {
    kk: 'Орталық жүйеге дейінгі кідіріс (ping)',
    ru: 'Задержка до центральной системы (ping)',
    en: 'Round trip to central (ping)',
  },
};

export const UNKNOWN_REASONS: Record<UnknownReason['code'], Localized> = {
  probe_failed: {
    kk: 'жүйе бұл мәліметті бере алмады',
    ru: 'система не смогла выдать эти сведения',
    en: 'the system could not provide this information',
  },
  no_console_window: {
    kk: 'мұны тек пульт терезесінен тексеруге болады',
    ru: 'это проверяется только из окна пульта',
    en: 'this can only be checked from the console window',
  },
  not_reported: {
    kk: 'құрылғы бұл мәнді хабарламайды (виртуалды машинада жиі болады)',
    ru: 'устройство не сообщает это значение (типично для виртуальной машины)',
    en: 'the device does not report this value (typical of a virtual machine)',
  },
  labels_hidden: {
    kk: 'камера мен микрофонға рұқсат берілмейінше құрылғы атаулары жасырын',
    ru: 'названия устройств скрыты, пока не дано разрешение на камеру и микрофон',
    en: 'device names stay hidden until camera and microphone access is allowed',
  },
  not_detectable: {
    kk: 'бұл құрылғыны бағдарлама арқылы анықтау мүмкін емес',
    ru: 'это устройство нельзя обнаружить программно',
    en: 'software cannot detect this device',
  },
  central_not_configured: {
    kk: 'орталық жүйенің мекенжайы бапталмаған',
    ru: 'адрес центральной системы не настроен',
    en: 'central is not configured',
  },
  central_unreachable: {
    kk: 'орталық жүйе жауап бермейді',
    ru: 'центральная система не отвечает',
    en: 'central does not answer',
  },
  signed_out: {
    kk: 'желі жылдамдығы жүйеге кіргеннен кейін өлшенеді',
    ru: 'скорость сети измеряется после входа в систему',
    en: 'the network speed is measured after signing in',
  },
};

/** Why video calls are only warned about before the first check has run. */
export const NOT_CHECKED: Localized = {
  kk: 'Жұмыс орны әлі тексерілмеген.',
  ru: 'Рабочее место ещё не проверено.',
  en: 'The workstation has not been checked yet.',
};

type Advice = { operator: Localized; it: Localized };

/** §28: the digitalisation unit looks after workstations; the glossary gives its name as amended by No. 201. */
const TELL_THE_UNIT: Localized = {
  kk: 'Цифрландыру және жасанды интеллект бөлінісіне хабарлаңыз.',
  ru: 'Сообщите в подразделение цифровизации и ИИ.',
  en: 'Tell the digitalisation unit.',
};
const both = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });
const tellTheUnit = (text: Localized): Localized => ({
  kk: `${text.kk} ${TELL_THE_UNIT.kk}`,
  ru: `${text.ru} ${TELL_THE_UNIT.ru}`,
  en: `${text.en} ${TELL_THE_UNIT.en}`,
});

const FAIL_ADVICE: Record<ReadinessItemId, Advice> = {
  processor: {
    operator: tellTheUnit(
      both(
        'Компьютер бейнеқоңыраулар үшін тым баяу болуы мүмкін.',
        'Компьютер может быть слишком медленным для видеозвонков.',
        'This computer may be too slow for video calls.',
      ),
    ),
    it: both(
      'Процессор жиілігі {v}, талап {t} (§27). Процессорды немесе жұмыс орнын ауыстырыңыз.',
      'Частота процессора {v}, требуется {t} (§27). Замените процессор или рабочее место.',
      'Processor clock {v}, required {t} (§27). Replace the processor or the workstation.',
    ),
  },
  memory: {
    operator: tellTheUnit(
      both(
        'Жады жеткіліксіз: пульт баяу жұмыс істеуі мүмкін.',
        'Недостаточно памяти: пульт может работать медленно.',
        'Not enough memory: the console may be slow.',
      ),
    ),
    it: both(
      'Жедел жады {v}, талап {t} (§27). Жады модульдерін қосыңыз.',
      'Оперативная память {v}, требуется {t} (§27). Установите дополнительные модули памяти.',
      'Memory {v}, required {t} (§27). Install more memory.',
    ),
  },
  os: {
    operator: tellTheUnit(
      both(
        'Бұл компьютер «102» жұмыс орны емес: оны тек әзірлеу үшін пайдалануға болады.',
        'Этот компьютер не является рабочим местом «102»: он годится только для разработки.',
        'This computer is not a supported "102" workstation: it is fine for development only.',
      ),
    ),
    it: both(
      'ОЖ: {v}; талап: {t} (§27). Қолдау көрсетілетін Windows нұсқасын орнатыңыз.',
      'ОС: {v}; требуется: {t} (§27). Установите поддерживаемую версию Windows.',
      'OS: {v}; required: {t} (§27). Install a supported Windows version.',
    ),
  },
  browser: {
    operator: tellTheUnit(
      both(
        'Пульттің браузер қозғалтқышы ескірген.',
        'Браузерный движок пульта устарел.',
        "The console's browser engine is out of date.",
      ),
    ),
    it: both(
      'Қозғалтқыш {v}, талап {t} (§27). Пультті соңғы нұсқаға жаңартыңыз.',
      'Движок {v}, требуется {t} (§27). Обновите пульт до актуальной версии.',
      'Engine {v}, required {t} (§27). Update the console to the current release.',
    ),
  },
  soundCard: {
    operator: tellTheUnit(
      both(
        'Дыбыс шығаратын құрылғы табылмады: қоңырауларды естімейсіз.',
        'Не найдено устройство вывода звука: вы не услышите звонки.',
        'No sound output found: you will not hear calls.',
      ),
    ),
    it: both(
      'Дыбыс шығару құрылғысы жоқ (§27). Дыбыс картасын орнатыңыз немесе оның драйверін қосыңыз.',
      'Нет устройства вывода звука (§27). Установите звуковую карту или включите её драйвер.',
      'No audio output device (§27). Install a sound card or enable its driver.',
    ),
  },
  camera: {
    operator: tellTheUnit(
      both(
        'Камера табылмады: бейнеқоңырауларды қабылдай алмайсыз. Камераның қосылғанын тексеріңіз.',
        'Камера не найдена: принимать видеозвонки нельзя. Проверьте, подключена ли камера.',
        'No camera found: you cannot take video calls. Check the camera is plugged in.',
      ),
    ),
    it: both(
      'Камера жоқ (§27). Кіріктірілген немесе USB камерасын қосыңыз, драйверін және Windows құпиялылық баптауларын тексеріңіз.',
      'Камера отсутствует (§27). Подключите встроенную или USB-камеру, проверьте драйвер и настройки конфиденциальности Windows.',
      'No camera (§27). Connect a built-in or USB camera; check its driver and the Windows privacy settings.',
    ),
  },
  headset: {
    operator: both(
      'Гарнитура табылмады. Гарнитураны қосыңыз; қоңырауларды динамик арқылы қабылдамаңыз.',
      'Гарнитура не найдена. Подключите гарнитуру; не принимайте звонки через динамики.',
      'No headset found. Plug in your headset; do not take calls on speakers.',
    ),
    it: both(
      'Микрофоны мен құлаққабы бар гарнитура табылмады (§27). Шуды басатын USB гарнитурасын беріңіз; 3,5 мм ұяға қосылған гарнитураны бағдарлама әрдайым тани бермейді.',
      'Не найдена гарнитура с микрофоном и наушниками (§27). Выдайте USB-гарнитуру с шумоподавлением; гарнитуру в гнезде 3,5 мм программа распознаёт не всегда.',
      'No headset with microphone and headphones found (§27). Issue a noise-cancelling USB headset; a headset in a 3.5 mm jack is not always recognisable.',
    ),
  },
  mouse: {
    operator: both(
      'Тінтуір табылмады. Тінтуірді қосыңыз.',
      'Мышь не найдена. Подключите мышь.',
      'No mouse found. Plug in a mouse.',
    ),
    it: both(
      'Дәл көрсеткіш құрылғы жоқ (§27). Тінтуір қосыңыз.',
      'Нет точного указательного устройства (§27). Подключите мышь.',
      'No precise pointing device (§27). Connect a mouse.',
    ),
  },
  keyboard: {
    operator: both(
      'Пернетақта табылмады. Пернетақтаны қосыңыз.',
      'Клавиатура не найдена. Подключите клавиатуру.',
      'No keyboard found. Plug in a keyboard.',
    ),
    it: both(
      'Пернетақта жоқ (§27). Пернетақта қосыңыз.',
      'Клавиатура отсутствует (§27). Подключите клавиатуру.',
      'No keyboard (§27). Connect a keyboard.',
    ),
  },
  networkSpeed: {
    operator: tellTheUnit(
      both(
        'Орталық жүйеге дейінгі желі баяу: бейнеқоңыраулар үзілуі мүмкін.',
        'Сеть до центральной системы медленная: видеозвонки могут прерываться.',
        'The network to central is slow: video calls may break up.',
      ),
    ),
    it: both(
      'Өлшенді {v}, талап {t} (§27). Арнаны, коммутаторды және желі картасының жылдамдығын тексеріңіз.',
      'Измерено {v}, требуется {t} (§27). Проверьте канал, коммутатор и скорость сетевой карты.',
      'Measured {v}, required {t} (§27). Check the link, the switch and the network card speed.',
    ),
  },
  roundTrip: {
    operator: both(
      'Орталық жүйеге дейінгі кідіріс жоғары: дыбыс кешігуі мүмкін.',
      'Задержка до центральной системы высокая: звук может запаздывать.',
      'High delay to central: sound may lag.',
    ),
    it: both(
      'Кідіріс {v}, шек {t} (§27). Маршрутты және желі жүктемесін тексеріңіз.',
      'Задержка {v}, предел {t} (§27). Проверьте маршрут и загрузку сети.',
      'Round trip {v}, limit {t} (§27). Check the route and the network load.',
    ),
  },
};

const CHECK_BY_HAND = both(
  'Қолмен тексеріңіз (талап: {t}).',
  'Проверьте вручную (требуется: {t}).',
  'Check by hand (required: {t}).',
);
const CHECK_IN_WINDOW = both(
  'Пульт терезесіндегі «Дайындық» бетінде тексеріңіз: құрылғыларды тек браузер көреді.',
  'Проверьте на экране «Готовность» в окне пульта: устройства видит только браузер.',
  'Check on the Readiness screen in the console window: only the browser sees these devices.',
);
const CHECK_ENGINE = both(
  'Пульт терезесіндегі «Дайындық» бетінде тексеріңіз немесе орнатылған қосымшаны --workstation-check жалаушасымен іске қосыңыз.',
  'Проверьте на экране «Готовность» в окне пульта или запустите установленное приложение с флагом --workstation-check.',
  'Check on the Readiness screen in the console window, or run the installed app with --workstation-check.',
);

const UNKNOWN_IT_ADVICE: Partial<Record<UnknownReason['code'], Localized>> = {
  no_console_window: CHECK_IN_WINDOW,
  labels_hidden: both(
    'Пультке камера мен микрофонды пайдалануға рұқсат беріңіз (Windows: Параметрлер → Құпиялылық).',
    'Разрешите пульту доступ к камере и микрофону (Windows: Параметры → Конфиденциальность).',
    'Allow the console camera and microphone access (Windows: Settings → Privacy).',
  ),
  central_not_configured: both(
    'config.json ішінде centralUrl мәнін орнатыңыз (§28).',
    'Укажите centralUrl в config.json (§28).',
    'Set centralUrl in config.json (§28).',
  ),
  signed_out: both(
    'Желі жылдамдығын пульт жүйеге кіргеннен кейін өлшейді: тексеруді пульттің өзінде іске қосыңыз.',
    'Скорость сети пульт измеряет после входа в систему: запустите проверку в самом пульте.',
    'The console measures the network after signing in: run the check in the console itself.',
  ),
  central_unreachable: both(
    'Орталық жүйенің жұмыс істеп тұрғанын және осы компьютерден қолжетімді екенін тексеріңіз: {d}',
    'Проверьте, что центральная система работает и доступна с этого компьютера: {d}',
    'Check that central is running and reachable from this computer: {d}',
  ),
};

const UNKNOWN_OPERATOR_ADVICE: Partial<Record<UnknownReason['code'], Localized>> = {
  not_detectable: both(
    'Құрылғы қосулы әрі жұмыс істеп тұрса, ештеңе істеу қажет емес.',
    'Если устройство подключено и работает, ничего делать не нужно.',
    'If it is connected and works, nothing needs doing.',
  ),
  labels_hidden: both(
    'Пульт сұрағанда камера мен микрофонға рұқсат беріп, қайта тексеріңіз.',
    'Разрешите доступ к камере и микрофону, когда пульт попросит, и проверьте снова.',
    'Allow camera and microphone access when the console asks, then check again.',
  ),
};

export interface AdviceParams {
  valueText: Localized | null;
  threshold: Localized;
  reason: UnknownReason | null;
}

/** Advice for an item's status; a passed item needs none. */
export function adviceFor(id: ReadinessItemId, status: ItemStatus, params: AdviceParams): Advice | null {
  if (status === 'pass') return null;
  if (status === 'fail') {
    const advice = FAIL_ADVICE[id];
    return { operator: fill(advice.operator, params), it: fill(advice.it, params) };
  }
  const code = params.reason?.code ?? 'probe_failed';
  const reason = UNKNOWN_REASONS[code];
  const operator =
    UNKNOWN_OPERATOR_ADVICE[code] ??
    both(
      `Тексеру мүмкін болмады: ${reason.kk}. ${TELL_THE_UNIT.kk}`,
      `Не удалось проверить: ${reason.ru}. ${TELL_THE_UNIT.ru}`,
      `Could not check: ${reason.en}. ${TELL_THE_UNIT.en}`,
    );
  const it =
    id === 'browser' && code === 'no_console_window'
      ? CHECK_ENGINE
      : (UNKNOWN_IT_ADVICE[code] ?? CHECK_BY_HAND);
  return { operator: fill(operator, params), it: fill(it, params) };
}

function fill(text: Localized, params: AdviceParams): Localized {
  const apply = (lang: keyof Localized) =>
    text[lang]
      .replaceAll('{v}', params.valueText?.[lang] ?? '—')
      .replaceAll('{t}', params.threshold[lang])
      .replaceAll('{d}', params.reason?.detail || '—');
  return { kk: apply('kk'), ru: apply('ru'), en: apply('en') };
}
