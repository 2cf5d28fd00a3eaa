// The citizen widget of the ministry's site (§2): text appeal, report kind, location, anonymous option,
// SOS button; Kazakh and Russian. It uses the same intake API as the apps. Citizen text is only ever set
// through textContent/value, never as HTML.

const TEXT = {
  kk: {
    title: '102 — полицияға хабарласу',
    sos: 'SOS',
    sosHint: 'Қауіп төнсе басыңыз: орналасқан жеріңіз бірден жіберіледі.',
    kind: 'Хабарлама түрі',
    text: 'Не болды?',
    location: 'Оқиға орны',
    useMyLocation: 'Менің орным',
    lat: 'Ендік',
    lon: 'Бойлық',
    anonymous: 'Анонимді жіберу',
    name: 'Аты-жөніңіз',
    phone: 'Телефон',
    send: 'Жіберу',
    appealNo: 'Өтініш №',
    status: 'Мәртебесі',
    message: 'Хабарлама',
    sendMessage: 'Жіберу',
    newAppeal: 'Жаңа өтініш',
    locating: 'Орын анықталуда…',
    noLocation: 'Орынды анықтау мүмкін болмады; координаттарды енгізіңіз.',
    failed: 'Жіберілмеді',
    you: 'Сіз',
    dispatcher: 'Диспетчер',
    categories: {
      roadAccident: 'Жол-көлік оқиғасы',
      trafficViolation: 'Жол жүру ережесін бұзу',
      domesticViolence: 'Тұрмыстық зорлық-зомбылық',
      childIncident: 'Балаларға қатысты оқиға',
      otherOffence: 'Басқа құқықбұзушылық',
      officerComplaint: 'Полиция қызметкерінің әрекетіне шағым',
    },
    statuses: {
      registered: 'Тіркелді',
      inProgress: 'Өңделуде',
      answered: 'Жауап берілді',
      closed: 'Жабылды',
    },
  },
  ru: {
    title: '102 — обращение в полицию',
    sos: 'SOS',
    sosHint: 'Нажмите при опасности: ваше местоположение будет отправлено сразу.',
    kind: 'Вид сообщения',
    text: 'Что случилось?',
    location: 'Место происшествия',
    useMyLocation: 'Моё местоположение',
    lat: 'Широта',
    lon: 'Долгота',
    anonymous: 'Отправить анонимно',
    name: 'Ваше имя',
    phone: 'Телефон',
    send: 'Отправить',
    appealNo: 'Обращение №',
    status: 'Статус',
    message: 'Сообщение',
    sendMessage: 'Отправить',
    newAppeal: 'Новое обращение',
    locating: 'Определяем местоположение…',
    noLocation: 'Не удалось определить место; введите координаты.',
    failed: 'Не отправлено',
    you: 'Вы',
    dispatcher: 'Диспетчер',
    categories: {
      roadAccident: 'ДТП',
      trafficViolation: 'Нарушение ПДД',
      domesticViolence: 'Бытовое насилие',
      childIncident: 'Происшествие с детьми',
      otherOffence: 'Другое правонарушение',
      officerComplaint: 'Жалоба на действия сотрудника полиции',
    },
    statuses: {
      registered: 'Зарегистрировано',
      inProgress: 'В работе',
      answered: 'Дан ответ',
      closed: 'Закрыто',
    },
  },
};

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem('widget.lang') === 'ru' ? 'ru' : 'kk';
let current = JSON.parse(sessionStorage.getItem('widget.appeal') ?? 'null');
let socket = null;
let lastStatus = null;

function t(key) {
  return TEXT[lang][key];
}

function render() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const b of document.querySelectorAll('[data-lang]'))
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  const select = $('category');
  const chosen = select.value;
  select.replaceChildren(
    ...Object.entries(t('categories')).map(([value, label]) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      return option;
    }),
  );
  if (chosen) select.value = chosen;
  if (lastStatus) $('status').textContent = t('statuses')[lastStatus] ?? lastStatus;
}

function showError(message) {
  $('error').textContent = message ?? '';
}

async function api(method, path, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers['x-citizen-token'] = token;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(json.issues)
      ? json.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      : '';
    throw new Error(`${t('failed')}: ${json.error ?? response.status}${detail ? ` (${detail})` : ''}`);
  }
  return json;
}

function typedLocation() {
  const lat = Number.parseFloat($('lat').value.replace(',', '.'));
  const lon = Number.parseFloat($('lon').value.replace(',', '.'));
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

function deviceLocation() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10000 },
    );
  });
}

function identity() {
  if ($('anonymous').checked) return { anonymous: true };
  const applicant = {};
  if ($('name').value.trim()) applicant.name = $('name').value.trim();
  if ($('phone').value.trim()) applicant.phone = $('phone').value.trim();
  return { anonymous: false, applicant };
}

function addChatLine(message) {
  if (document.querySelector(`[data-message-id="${CSS.escape(message.id)}"]`)) return;
  const li = document.createElement('li');
  li.dataset.messageId = message.id;
  li.className = message.from;
  li.textContent = `${message.from === 'citizen' ? t('you') : t('dispatcher')}: ${message.text}`;
  $('chat').append(li);
}

function setStatus(status) {
  lastStatus = status;
  $('status').textContent = t('statuses')[status] ?? status;
}

async function follow(appeal) {
  current = appeal;
  sessionStorage.setItem('widget.appeal', JSON.stringify(appeal));
  $('appeal').hidden = true;
  $('followUp').hidden = false;
  $('number').textContent = appeal.number;
  const view = await api('GET', `/api/appeals/${appeal.id}`, undefined, appeal.citizenToken);
  setStatus(view.status);
  const { messages } = await api('GET', `/api/appeals/${appeal.id}/messages`, undefined, appeal.citizenToken);
  $('chat').replaceChildren();
  messages.forEach(addChatLine);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  socket?.close();
  socket = new WebSocket(
    `${scheme}://${location.host}/ws?appeal=${encodeURIComponent(appeal.id)}&citizenToken=${encodeURIComponent(appeal.citizenToken)}`,
  );
  socket.addEventListener('message', (event) => {
    const m = JSON.parse(event.data);
    if (m.type === 'appeal.status') setStatus(m.status);
    if (m.type === 'chat.message') addChatLine(m.message);
  });
}

async function submit(intake) {
  showError('');
  try {
    await follow(await api('POST', '/api/appeals', intake));
  } catch (error) {
    showError(error.message);
  }
}

$('appeal').addEventListener('submit', (event) => {
  event.preventDefault();
  void submit({
    kind: 'text',
    channel: 'widget',
    language: lang,
    category: $('category').value,
    text: $('text').value,
    location: typedLocation(),
    ...identity(),
  });
});

$('sos').addEventListener('click', async () => {
  showError(t('locating'));
  const where = (await deviceLocation()) ?? typedLocation();
  if (!where) return showError(t('noLocation'));
  void submit({ kind: 'sos', channel: 'sos', language: lang, location: where, ...identity() });
});

$('locate').addEventListener('click', async () => {
  showError(t('locating'));
  const where = await deviceLocation();
  if (!where) return showError(t('noLocation'));
  showError('');
  $('lat').value = where.lat.toFixed(5);
  $('lon').value = where.lon.toFixed(5);
});

$('anonymous').addEventListener('change', () => {
  $('identity').hidden = $('anonymous').checked;
});

$('chatForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current) return;
  try {
    addChatLine(
      await api(
        'POST',
        `/api/appeals/${current.id}/messages`,
        { text: $('chatText').value },
        current.citizenToken,
      ),
    );
    $('chatText').value = '';
    showError('');
  } catch (error) {
    showError(error.message);
  }
});

$('newAppeal').addEventListener('click', () => {
  socket?.close();
  current = null;
  lastStatus = null;
  sessionStorage.removeItem('widget.appeal');
  $('appeal').reset();
  $('identity').hidden = false;
  $('appeal').hidden = false;
  $('followUp').hidden = true;
});

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    lang = b.dataset.lang;
    localStorage.setItem('widget.lang', lang);
    render();
  });
}

render();
if (current) follow(current).catch(() => sessionStorage.removeItem('widget.appeal'));
