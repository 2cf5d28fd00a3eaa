// The citizen widget of the ministry's site (§2): text appeal, report kind, place (the device's location,
// else an address in words: a citizen is never asked for coordinates), anonymous option, SOS button; Kazakh
// and Russian (text.js). It uses the same intake API as the apps; central's refusals come as codes and are
// shown in the citizen's language. Citizen text is only ever set through textContent/value, never as HTML.

import { TEXT } from './text.js';

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem('widget.lang') === 'ru' ? 'ru' : 'kk';
let current = JSON.parse(sessionStorage.getItem('widget.appeal') ?? 'null');
let socket = null;
let lastStatus = null;
let lastService = null;
/** Where the device said the citizen is; null until found (the address in words stands in). */
let found = null;

function t(key) {
  return TEXT[lang][key];
}

/** Fills `{{name}}` placeholders with the given values. */
function fill(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''));
}

/** A refusal's parameters in the citizen's words. */
function refusalValues(code, params) {
  switch (code) {
    case 'appeal.invalid':
      return {
        field: t('fields')[params.field] ?? t('fields').other,
        problem: t('problems')[params.problem] ?? t('problems').invalid,
      };
    case 'card.missingForSend':
      return { fields: (params.fields ?? []).map((f) => t('sendFields')[f] ?? f).join(', ') };
    case 'attachment.tooLarge': {
      const megabytes = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(
        (params.maxBytes ?? 0) / (1024 * 1024),
      );
      return { kind: t('attachmentKinds')[params.kind] ?? '', size: `${megabytes} МБ` };
    }
    case 'attachment.unsupported':
      return { kind: t('attachmentKinds')[params.kind] ?? '' };
    case 'territory.unknownDepartments':
      return { departmentIds: (params.departmentIds ?? []).join(', ') };
    default:
      return params ?? {};
  }
}

/** Central's refusal (a code of domain/contract/refusal.ts) in the citizen's language, never central's English. */
function describeRefusal(body) {
  const refusals = t('refusals');
  const code = typeof body?.code === 'string' && Object.hasOwn(refusals, body.code) ? body.code : 'unknown';
  return fill(refusals[code], refusalValues(code, body?.params ?? {}));
}

function render() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = t(el.dataset.i18nPlaceholder);
  $('located').hidden = found === null;
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
  if (lastStatus) setStatus(lastStatus);
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
  }).catch(() => null);
  if (!response) throw new Error(t('offline'));
  const json = await response.json().catch(() => ({}));
  // The refusal's code is what the citizen reads; `error` and `issues` are English for developers only.
  if (!response.ok) throw new Error(`${t('failed')}: ${describeRefusal(json)}`);
  return json;
}

function typedAddress() {
  const address = $('address').value.trim();
  return address ? { addressText: address } : {};
}

function showAddressHint() {
  $('address').focus();
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
  li.textContent = `${message.from === 'citizen' ? t('you') : t('centre')}: ${message.text}`;
  $('chat').append(li);
}

/** The status in the citizen's language; for a forwarded appeal, which service it went to (names only). */
function setStatus(status, service) {
  lastStatus = status;
  if (service) lastService = service;
  const name =
    status === 'forwardedToService' && lastService
      ? lang === 'ru'
        ? lastService.nameRu
        : lastService.nameKk
      : null;
  $('status').textContent = (t('statuses')[status] ?? status) + (name ? `: ${name}` : '');
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
    if (m.type === 'appeal.status') setStatus(m.status, m.service);
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
    location: found,
    ...typedAddress(),
    ...identity(),
  });
});

$('sos').addEventListener('click', async () => {
  showError(t('locating'));
  const where = (await deviceLocation()) ?? found;
  // §18: an SOS alarm carries a location; without one the citizen writes the place and sends a text.
  if (!where) {
    showError(t('noLocation'));
    return showAddressHint();
  }
  found = where;
  render();
  void submit({
    kind: 'sos',
    channel: 'sos',
    language: lang,
    location: where,
    ...typedAddress(),
    ...identity(),
  });
});

$('locate').addEventListener('click', async () => {
  showError(t('locating'));
  found = await deviceLocation();
  render();
  if (!found) {
    showError(t('noLocation'));
    return showAddressHint();
  }
  showError('');
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
  found = null;
  $('appeal').reset();
  render();
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
