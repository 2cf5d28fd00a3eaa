import { defineTranslations } from '../../i18n/translations';

/**
 * What central refused and why, one text per code of domain/contract/refusal.ts (the key is the code: `card.stale`
 * is `card` → `stale`), plus the words its parameters need. A test walks the catalogue against this table.
 */
export const refusalsText = defineTranslations(
  {
    role: { forbidden: 'The role “{{role}}” may not do this: {{action}}.' },
    auth: {
      wrongCredentials: 'Wrong login or password.',
      throttled: 'Too many failed sign-ins from this workstation. Try again in {{retryAfterSeconds}} s.',
      sessionEnded: 'The session was ended (password changed or account disabled). Sign in again.',
      disabled: 'The account is disabled or deleted.',
      required: 'Sign in first.',
      expired: 'The session has expired. Sign in again.',
    },
    card: {
      otherTerritory: 'The card belongs to another territory.',
      notFound: 'The central system has no such card.',
      exists: 'A card with this identifier already exists.',
      closed: 'The card is closed and cannot be changed.',
      sentNotEditable: 'The card has been sent: an operator can no longer change it.',
      stale:
        'Someone changed the card in the meantime (it is at version {{version}}, the change was made on version {{baseVersion}}).',
      missingForSend: 'Fill in before sending: {{fields}}.',
      wrongStatus: 'Not possible for a card in the status “{{status}}”: {{action}}.',
      urgentNotForService: 'Only a non-urgent card goes to the competent service (§12).',
      kuizhNumberMissing: 'Registering needs the number in the book of records (§14).',
      outsideCountry: 'The place is outside Kazakhstan. Check the coordinates or the address.',
    },
    department: {
      unknown: 'Unknown department: {{departmentId}}.',
      notFound: 'No such department.',
    },
    recording: { exists: 'This recording is already in the central system.' },
    op: {
      unstorable:
        'The central system could not store this change: its text contains characters that cannot be saved. Correct the text.',
      conflict:
        'The central system already has a change with this number from another account; this one was not applied.',
    },
    appeal: {
      notFound: 'No such appeal.',
      invalid: 'The appeal was not accepted: {{field}} — {{problem}}.',
    },
    attachment: {
      empty: 'The file is empty.',
      tooLarge: 'The file is too large: a {{kind}} may be at most {{size}}.',
      unsupported: 'The file was not accepted: it is not a {{kind}} in an accepted format.',
      tooMany: 'An appeal may carry at most {{max}} files.',
      notFound: 'No such file.',
      purged: 'The file was deleted when its retention period ended.',
      unreadable: 'The photo could not be read, so it was not accepted.',
    },
    password: {
      tooShort: 'The password is too short: at least {{min}} characters.',
      tooLong: 'The password is too long: at most {{max}} characters.',
      common: 'This password is too common. Choose another.',
      containsLogin: 'The password must not contain the login.',
      repetitive: 'The password repeats the same few characters. Choose another.',
    },
    call: {
      notFound: 'No such call in your territory.',
      taken: 'Another operator has already taken this call.',
      notAccepted: 'No operator has taken this call yet.',
      notYours: 'This call was taken by another operator.',
    },
    inbox: {
      claimed: 'Another operator is already working on this appeal.',
      notWaiting: 'This appeal is no longer waiting: it was taken or forwarded.',
      notForwardable:
        'Only a text appeal goes to the competent service; an SOS alarm or a call stays with the police.',
    },
    service: { notFound: 'No such competent service.' },
    account: {
      notFound: 'No such account.',
      loginTaken: 'This login is taken.',
      ownAccount: 'You cannot disable, demote or delete your own account.',
    },
    territory: {
      unknownDepartments: 'Unknown departments in the file: {{departmentIds}}.',
      repeatedDepartment: 'A department appears twice in the file: {{departmentId}}.',
      notJson: 'The file is not GeoJSON: it cannot be read as JSON.',
      tooLarge: 'The file is too large: at most {{maxBytes}} bytes.',
      wrongShape:
        'The file is not a set of territories: a FeatureCollection of Polygon or MultiPolygon features, each with its departmentId, is expected (problem at “{{path}}”).',
      selfIntersecting:
        'The border of {{departmentId}} crosses itself. Correct the file and import it again.',
      outsideCountry:
        'The territory of {{departmentId}} lies outside Kazakhstan. Check that longitude comes before latitude.',
    },
    sync: {
      operationFailed:
        'The central system could not store this change. The console sends it again by itself; the other changes are not held up.',
    },
    upload: {
      notFound: 'The central system has no such upload; sending starts again.',
      chunkOutOfOrder: 'Parts of the file arrived out of order; part {{next}} is needed next.',
      chunkSize: 'Part {{index}} of the file has the wrong size.',
      hashMismatch: 'The file arrived damaged; it will be sent again.',
    },
    request: {
      invalid: 'The central system did not accept the request. Update the console.',
      malformed: 'The central system could not read the request.',
      tooLarge: 'The request is too large for the central system.',
      tooDeep: 'The central system did not accept the request: it is nested too deeply. Update the console.',
    },
    text: {
      unstorable:
        'The text contains an invisible character that cannot be saved. Remove it (retype the text) and try again.',
    },
    rate: { limited: 'Too many requests in a short time. Try again in {{retryAfterSeconds}} s.' },
    route: { notFound: 'The central system does not support this request. Update the console.' },
    internal: 'An error occurred in the central system. Try again later.',
    /** A code this console does not know yet (central is newer). */
    unknown: 'The central system refused (code {{code}}).',
    /** A refusal recorded before refusals had codes. */
    withoutCode: 'The central system refused the change.',
    fields: { description: 'description', category: 'category', place: 'place (on the map or an address)' },
    actions: {
      accounts: { manage: 'manage accounts' },
      departments: { read: 'view departments' },
      territories: { import: 'load territories' },
      appeals: { read: 'view appeals', chat: 'write to applicants' },
      applicant: { read: "see the applicant's details" },
      calls: { accept: 'take calls' },
      cards: { read: 'view cards', write: 'change cards' },
      sync: { push: 'send changes', pull: 'receive changes' },
      realtime: { connect: 'connect to the central system' },
      workstations: { report: 'report workstation readiness', read: 'view workstations' },
      centre: { read: 'watch the operations centre' },
      recordings: { play: 'play call recordings' },
      sendToInspector: 'send to the senior inspector',
      forwardToService: 'forward to the competent service',
      startResponse: 'start the response',
      forwardToDuty: 'forward to the duty unit',
      register: 'register in the book of records',
      close: 'close the card',
    },
    appealProblems: {
      missing: 'not filled in',
      empty: 'empty',
      tooLong: 'too long',
      invalid: 'filled in wrongly',
      unknownField: 'not expected',
      anonymousWithApplicant: 'an anonymous appeal carries no name or phone',
      applicantOrAnonymous: 'give a name or a phone, or send anonymously',
      viaOnlyForZanMenTartip: 'the app is given only for «Заң мен Тәртіп»',
      sosChannelOnly: 'an SOS alarm comes only from the SOS button',
    },
    attachmentKinds: { photo: 'photo', video: 'video', voice: 'voice message' },
    megabytes: '{{value}} MB',
  },
  {
    role: { forbidden: 'Роли «{{role}}» это не разрешено: {{action}}.' },
    auth: {
      wrongCredentials: 'Неверный логин или пароль.',
      throttled:
        'Слишком много неудачных входов с этого рабочего места. Повторите через {{retryAfterSeconds}} с.',
      sessionEnded: 'Сеанс завершён (пароль изменён или учётная запись отключена). Войдите снова.',
      disabled: 'Учётная запись отключена или удалена.',
      required: 'Сначала войдите в систему.',
      expired: 'Сеанс истёк. Войдите снова.',
    },
    card: {
      otherTerritory: 'Карточка относится к другой территории.',
      notFound: 'В центральной системе нет такой карточки.',
      exists: 'Карточка с таким идентификатором уже есть.',
      closed: 'Карточка закрыта, изменить её нельзя.',
      sentNotEditable: 'Карточка отправлена: оператор больше не может её изменить.',
      stale:
        'Карточку уже изменили (сейчас версия {{version}}, изменение сделано на версии {{baseVersion}}).',
      missingForSend: 'Перед отправкой заполните: {{fields}}.',
      wrongStatus: 'Для карточки в статусе «{{status}}» нельзя: {{action}}.',
      urgentNotForService: 'Исполнителю по компетенции передаётся только несрочная карточка (§12).',
      kuizhNumberMissing: 'Для регистрации нужен номер в КУИ (§14).',
      outsideCountry: 'Место происшествия за пределами Казахстана. Проверьте координаты или адрес.',
    },
    department: {
      unknown: 'Неизвестное подразделение: {{departmentId}}.',
      notFound: 'Такого подразделения нет.',
    },
    recording: { exists: 'Эта запись уже есть в центральной системе.' },
    op: {
      unstorable:
        'Центральная система не смогла сохранить это изменение: в тексте есть символы, которые нельзя сохранить. Исправьте текст.',
      conflict:
        'В центральной системе уже есть изменение с этим номером от другой учётной записи; это изменение не применено.',
    },
    appeal: {
      notFound: 'Такого обращения нет.',
      invalid: 'Обращение не принято: {{field}} — {{problem}}.',
    },
    attachment: {
      empty: 'Файл пустой.',
      tooLarge: 'Файл слишком большой: {{kind}} — не больше {{size}}.',
      unsupported: 'Файл не принят: это не {{kind}} в допустимом формате.',
      tooMany: 'К обращению можно прикрепить не больше {{max}} файлов.',
      notFound: 'Такого файла нет.',
      purged: 'Файл удалён по истечении срока хранения.',
      unreadable: 'Фотографию не удалось прочитать, она не принята.',
    },
    password: {
      tooShort: 'Пароль слишком короткий: не менее {{min}} символов.',
      tooLong: 'Пароль слишком длинный: не более {{max}} символов.',
      common: 'Этот пароль слишком распространён. Выберите другой.',
      containsLogin: 'Пароль не должен содержать логин.',
      repetitive: 'Пароль повторяет одни и те же символы. Выберите другой.',
    },
    call: {
      notFound: 'На вашей территории нет такого вызова.',
      taken: 'Этот вызов уже принял другой оператор.',
      notAccepted: 'Этот вызов ещё не принял ни один оператор.',
      notYours: 'Этот вызов принял другой оператор.',
    },
    inbox: {
      claimed: 'С этим обращением уже работает другой оператор.',
      notWaiting: 'Это обращение больше не ожидает: его взяли в работу или передали.',
      notForwardable:
        'Исполнителю по компетенции передаётся только текстовое обращение; сигнал SOS и вызов остаются у полиции.',
    },
    service: { notFound: 'Такого исполнителя по компетенции нет.' },
    account: {
      notFound: 'Такой учётной записи нет.',
      loginTaken: 'Этот логин уже занят.',
      ownAccount: 'Свою учётную запись нельзя отключить, понизить в роли или удалить.',
    },
    territory: {
      unknownDepartments: 'В файле неизвестные подразделения: {{departmentIds}}.',
      repeatedDepartment: 'Подразделение указано в файле дважды: {{departmentId}}.',
      notJson: 'Файл не является GeoJSON: его нельзя прочитать как JSON.',
      tooLarge: 'Файл слишком большой: не более {{maxBytes}} байт.',
      wrongShape:
        'В файле нет территорий: ожидается FeatureCollection из объектов Polygon или MultiPolygon, у каждого свой departmentId (ошибка в «{{path}}»).',
      selfIntersecting:
        'Граница {{departmentId}} пересекает сама себя. Исправьте файл и загрузите его снова.',
      outsideCountry:
        'Территория {{departmentId}} находится за пределами Казахстана. Проверьте, что долгота указана перед широтой.',
    },
    sync: {
      operationFailed:
        'Центральная система не смогла сохранить это изменение. Пульт отправит его повторно сам; остальные изменения не задерживаются.',
    },
    upload: {
      notFound: 'В центральной системе нет такой загрузки; отправка начнётся заново.',
      chunkOutOfOrder: 'Части файла пришли не по порядку; следующей нужна часть {{next}}.',
      chunkSize: 'Часть {{index}} файла неверного размера.',
      hashMismatch: 'Файл пришёл повреждённым; он будет отправлен снова.',
    },
    request: {
      invalid: 'Центральная система не приняла запрос. Обновите пульт.',
      malformed: 'Центральная система не смогла прочитать запрос.',
      tooLarge: 'Запрос слишком большой для центральной системы.',
      tooDeep: 'Центральная система не приняла запрос: слишком глубокая вложенность. Обновите пульт.',
    },
    text: {
      unstorable:
        'В тексте есть невидимый символ, который нельзя сохранить. Удалите его (наберите текст заново) и повторите.',
    },
    rate: { limited: 'Слишком много запросов за короткое время. Повторите через {{retryAfterSeconds}} с.' },
    route: { notFound: 'Центральная система не поддерживает такой запрос. Обновите пульт.' },
    internal: 'В центральной системе произошла ошибка. Повторите позже.',
    unknown: 'Центральная система отказала (код {{code}}).',
    withoutCode: 'Центральная система не приняла изменение.',
    fields: { description: 'описание', category: 'категория', place: 'место (на карте или адрес)' },
    actions: {
      accounts: { manage: 'управлять учётными записями' },
      departments: { read: 'просматривать подразделения' },
      territories: { import: 'загружать территории' },
      appeals: { read: 'просматривать обращения', chat: 'писать заявителям' },
      applicant: { read: 'видеть данные заявителя' },
      calls: { accept: 'принимать вызовы' },
      cards: { read: 'просматривать карточки', write: 'изменять карточки' },
      sync: { push: 'отправлять изменения', pull: 'получать изменения' },
      realtime: { connect: 'подключаться к центральной системе' },
      workstations: { report: 'сообщать о готовности рабочего места', read: 'просматривать рабочие места' },
      centre: { read: 'следить за обстановкой в ЦОУ' },
      recordings: { play: 'прослушивать записи звонков' },
      sendToInspector: 'отправить старшему инспектору',
      forwardToService: 'передать исполнителю по компетенции',
      startResponse: 'начать реагирование',
      forwardToDuty: 'передать в дежурную часть',
      register: 'зарегистрировать в КУИ',
      close: 'закрыть карточку',
    },
    appealProblems: {
      missing: 'не заполнено',
      empty: 'пусто',
      tooLong: 'слишком длинно',
      invalid: 'заполнено неверно',
      unknownField: 'лишнее поле',
      anonymousWithApplicant: 'в анонимном обращении не указывают имя и телефон',
      applicantOrAnonymous: 'укажите имя или телефон либо отправьте анонимно',
      viaOnlyForZanMenTartip: 'приложение указывают только для «Заң мен Тәртіп»',
      sosChannelOnly: 'сигнал SOS приходит только с кнопки SOS',
    },
    attachmentKinds: { photo: 'фото', video: 'видео', voice: 'голосовое сообщение' },
    megabytes: '{{value}} МБ',
  },
  {
    role: { forbidden: '«{{role}}» рөліне бұған рұқсат жоқ: {{action}}.' },
    auth: {
      wrongCredentials: 'Логин немесе құпиясөз қате.',
      throttled: 'Осы жұмыс орнынан сәтсіз кіру тым көп. {{retryAfterSeconds}} секундтан кейін қайталаңыз.',
      sessionEnded: 'Сеанс аяқталды (құпиясөз өзгертілді немесе есептік жазба өшірілді). Қайта кіріңіз.',
      disabled: 'Есептік жазба өшірілген немесе жойылған.',
      required: 'Алдымен жүйеге кіріңіз.',
      expired: 'Сеанс мерзімі бітті. Қайта кіріңіз.',
    },
    card: {
      otherTerritory: 'Карточка басқа аумаққа жатады.',
      notFound: 'Орталық жүйеде мұндай карточка жоқ.',
      exists: 'Мұндай сәйкестендіргіші бар карточка бұрыннан бар.',
      closed: 'Карточка жабылған, оны өзгертуге болмайды.',
      sentNotEditable: 'Карточка жіберілген: оператор оны енді өзгерте алмайды.',
      stale:
        'Карточканы басқа біреу өзгертті (қазір {{version}}-нұсқа, өзгеріс {{baseVersion}}-нұсқада жасалған).',
      missingForSend: 'Жібермес бұрын толтырыңыз: {{fields}}.',
      wrongStatus: '«{{status}}» күйіндегі карточкаға болмайды: {{action}}.',
      urgentNotForService: 'Құзыреттілігі бойынша орындаушы қызметке тек шұғыл емес карточка беріледі (§12).',
      kuizhNumberMissing: 'КІҚЖ-де тіркеу үшін оның нөмірі керек (§14).',
      outsideCountry: 'Оқиға орны Қазақстаннан тыс. Координаттарды немесе мекенжайды тексеріңіз.',
    },
    department: {
      unknown: 'Белгісіз бөлім: {{departmentId}}.',
      notFound: 'Мұндай бөлім жоқ.',
    },
    recording: { exists: 'Бұл жазба орталық жүйеде бұрыннан бар.' },
    op: {
      unstorable:
        'Орталық жүйе бұл өзгерісті сақтай алмады: мәтінде сақтауға болмайтын таңбалар бар. Мәтінді түзетіңіз.',
      conflict:
        'Орталық жүйеде осы нөмірлі өзгеріс басқа есептік жазбадан бұрыннан бар; бұл өзгеріс қолданылмады.',
    },
    appeal: {
      notFound: 'Мұндай өтініш жоқ.',
      invalid: 'Өтініш қабылданбады: {{field}} — {{problem}}.',
    },
    attachment: {
      empty: 'Файл бос.',
      tooLarge: 'Файл тым үлкен: {{kind}} — ең көбі {{size}}.',
      unsupported: 'Файл қабылданбады: бұл рұқсат етілген пішімдегі {{kind}} емес.',
      tooMany: 'Өтінішке ең көбі {{max}} файл қосуға болады.',
      notFound: 'Мұндай файл жоқ.',
      purged: 'Файл сақтау мерзімі біткен соң жойылды.',
      unreadable: 'Фотосуретті оқу мүмкін болмады, ол қабылданбады.',
    },
    password: {
      tooShort: 'Құпиясөз тым қысқа: кемінде {{min}} таңба.',
      tooLong: 'Құпиясөз тым ұзын: ең көбі {{max}} таңба.',
      common: 'Бұл құпиясөз тым көп тараған. Басқасын таңдаңыз.',
      containsLogin: 'Құпиясөзде логин болмауы керек.',
      repetitive: 'Құпиясөз бірдей таңбаларды қайталайды. Басқасын таңдаңыз.',
    },
    call: {
      notFound: 'Сіздің аумағыңызда мұндай қоңырау жоқ.',
      taken: 'Бұл қоңырауды басқа оператор қабылдап қойды.',
      notAccepted: 'Бұл қоңырауды әлі ешбір оператор қабылдаған жоқ.',
      notYours: 'Бұл қоңырауды басқа оператор қабылдады.',
    },
    inbox: {
      claimed: 'Бұл өтінішпен басқа оператор жұмыс істеп жатыр.',
      notWaiting: 'Бұл өтініш енді күтіп тұрған жоқ: оны жұмысқа алды немесе жіберді.',
      notForwardable:
        'Құзыреттілігі бойынша орындаушы қызметке тек мәтіндік өтініш жіберіледі; SOS белгісі мен қоңырау полицияда қалады.',
    },
    service: { notFound: 'Мұндай құзыреттілігі бойынша орындаушы қызмет жоқ.' },
    account: {
      notFound: 'Мұндай есептік жазба жоқ.',
      loginTaken: 'Бұл логин бос емес.',
      ownAccount: 'Өз есептік жазбаңызды өшіруге, рөлін төмендетуге немесе жоюға болмайды.',
    },
    territory: {
      unknownDepartments: 'Файлда белгісіз бөлімдер бар: {{departmentIds}}.',
      repeatedDepartment: 'Файлда бөлім екі рет көрсетілген: {{departmentId}}.',
      notJson: 'Файл GeoJSON емес: оны JSON ретінде оқу мүмкін емес.',
      tooLarge: 'Файл тым үлкен: ең көбі {{maxBytes}} байт.',
      wrongShape:
        'Файлда аумақтар жоқ: әрқайсысында departmentId бар Polygon немесе MultiPolygon нысандарынан тұратын FeatureCollection күтіледі («{{path}}» жерінде қате).',
      selfIntersecting: '{{departmentId}} шекарасы өзін-өзі қиып өтеді. Файлды түзетіп, қайта жүктеңіз.',
      outsideCountry:
        '{{departmentId}} аумағы Қазақстаннан тыс жатыр. Бойлық ендіктің алдында көрсетілгенін тексеріңіз.',
    },
    sync: {
      operationFailed:
        'Орталық жүйе бұл өзгерісті сақтай алмады. Пульт оны өзі қайта жібереді; басқа өзгерістер кідірмейді.',
    },
    upload: {
      notFound: 'Орталық жүйеде мұндай жүктеу жоқ; жіберу басынан басталады.',
      chunkOutOfOrder: 'Файл бөліктері ретімен келмеді; келесі {{next}}-бөлік керек.',
      chunkSize: 'Файлдың {{index}}-бөлігінің өлшемі қате.',
      hashMismatch: 'Файл бүлініп келді; ол қайта жіберіледі.',
    },
    request: {
      invalid: 'Орталық жүйе сұрауды қабылдамады. Пультті жаңартыңыз.',
      malformed: 'Орталық жүйе сұрауды оқи алмады.',
      tooLarge: 'Сұрау орталық жүйе үшін тым үлкен.',
      tooDeep: 'Орталық жүйе сұрауды қабылдамады: кірістіру тым терең. Пультті жаңартыңыз.',
    },
    text: {
      unstorable:
        'Мәтінде сақтауға болмайтын көрінбейтін таңба бар. Оны өшіріңіз (мәтінді қайта теріңіз) де, қайталаңыз.',
    },
    rate: { limited: 'Қысқа уақытта сұраулар тым көп. {{retryAfterSeconds}} с кейін қайталаңыз.' },
    route: { notFound: 'Орталық жүйе мұндай сұрауды қолдамайды. Пультті жаңартыңыз.' },
    internal: 'Орталық жүйеде қате орын алды. Кейінірек қайталаңыз.',
    unknown: 'Орталық жүйе бас тартты (код {{code}}).',
    withoutCode: 'Орталық жүйе өзгерісті қабылдамады.',
    fields: { description: 'сипаттама', category: 'санат', place: 'оқиға орны (картада немесе мекенжай)' },
    actions: {
      accounts: { manage: 'есептік жазбаларды басқару' },
      departments: { read: 'бөлімдерді қарау' },
      territories: { import: 'аумақтарды жүктеу' },
      appeals: { read: 'өтініштерді қарау', chat: 'өтініш берушілерге жазу' },
      applicant: { read: 'өтініш берушінің деректерін көру' },
      calls: { accept: 'қоңырауларды қабылдау' },
      cards: { read: 'карточкаларды қарау', write: 'карточкаларды өзгерту' },
      sync: { push: 'өзгерістерді жіберу', pull: 'өзгерістерді алу' },
      realtime: { connect: 'орталық жүйеге қосылу' },
      workstations: { report: 'жұмыс орнының дайындығын хабарлау', read: 'жұмыс орындарын қарау' },
      centre: { read: 'ЖБО-дағы ахуалды бақылау' },
      recordings: { play: 'қоңырау жазбаларын тыңдау' },
      sendToInspector: 'аға инспекторға жіберу',
      forwardToService: 'құзыреттілігі бойынша орындаушы қызметке беру',
      startResponse: 'ден қоюды бастау',
      forwardToDuty: 'кезекші бөлімге беру',
      register: 'КІҚЖ-де тіркеу',
      close: 'карточканы жабу',
    },
    appealProblems: {
      missing: 'толтырылмаған',
      empty: 'бос',
      tooLong: 'тым ұзын',
      invalid: 'қате толтырылған',
      unknownField: 'артық өріс',
      anonymousWithApplicant: 'анонимді өтініште аты мен телефоны көрсетілмейді',
      applicantOrAnonymous: 'атыңызды немесе телефоныңызды көрсетіңіз не анонимді жіберіңіз',
      viaOnlyForZanMenTartip: 'қосымша тек «Заң мен Тәртіп» үшін көрсетіледі',
      sosChannelOnly: 'SOS дабылы тек SOS түймесінен келеді',
    },
    attachmentKinds: { photo: 'фото', video: 'бейне', voice: 'дауыстық хабарлама' },
    megabytes: '{{value}} МБ',
  },
);
