// The citizen widget of the ministry's site (§2): text appeal, report kind, place (the device's location,
// else an address in words: a citizen is never asked for coordinates), anonymous option, SOS button; Kazakh
// and Russian (text.js). It uses the same intake API as the apps; central's refusals come as codes and are
// shown in the citizen's language. Citizen text is only ever set through textContent/value, never as HTML.

import { connectCall, hangUpUnconnected, listDevices, openMedia } from './call.js';
import { TEXT } from './text.js';

const $ = (id) => document.getElementById(id);
let lang = localStorage.getItem('widget.lang') === 'ru' ? 'ru' : 'kk';
let current = JSON.parse(sessionStorage.getItem('widget.appeal') ?? 'null');
let socket = null;
let lastStatus = null;
let lastService = null;
/** Where the device said the citizen is; null until found (the address in words stands in). */
let found = null;
/** The call in progress, and what its state line says (kept to be said again in another language). */
let call = null;
/** The call being set up (media, appeal, ICE servers) before `call` exists: a hang-up then is kept here. */
let settingUp = null;
let callState = null;

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

/** The camera and microphone the citizen chose here, remembered for the next call (none: the browser's default). */
const DEVICE_KEYS = { camera: 'widget.camera', microphone: 'widget.microphone' };
function chosenDevices() {
  return {
    videoId: localStorage.getItem(DEVICE_KEYS.camera) || undefined,
    audioId: localStorage.getItem(DEVICE_KEYS.microphone) || undefined,
  };
}

/** Fills the camera and microphone lists (names appear once the browser was allowed to use them). */
async function showDevices() {
  const { cameras, microphones } = await listDevices();
  for (const [id, devices] of [
    ['camera', cameras],
    ['microphone', microphones],
  ]) {
    const select = $(id);
    const saved = localStorage.getItem(DEVICE_KEYS[id]) ?? '';
    const option = (value, label) => {
      const o = document.createElement('option');
      o.value = value;
      o.textContent = label;
      return o;
    };
    select.replaceChildren(
      option('', t('defaultDevice')),
      ...devices.map((d, i) => option(d.deviceId, d.label || `${t(id)} ${i + 1}`)),
    );
    select.value = devices.some((d) => d.deviceId === saved) ? saved : '';
  }
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
  if (callState) showCallState(callState.state, callState.detail);
  void showDevices();
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

/** The call's state in the citizen's words; `data-state` names it for scripts and styles. */
function showCallState(state, detail = {}) {
  callState = { state, detail };
  const text = t('callStates');
  $('call').dataset.state = state;
  const live =
    state === 'connecting' || state === 'waiting' || state === 'inCall' || state === 'reconnecting';
  $('hangUp').hidden = !live;
  $('callDone').hidden = live;
  switch (state) {
    case 'ended':
      $('callState').textContent = detail.by === 'operator' ? text.endedByOperator : text.endedByCitizen;
      break;
    case 'failed':
      $('callState').textContent =
        detail.reason === 'refused'
          ? describeRefusal(detail.refusal)
          : detail.reason === 'noMedia'
            ? text.noMedia
            : text.connection;
      break;
    case 'waiting':
      $('callState').textContent =
        detail.place > 0 ? `${text.waiting} ${fill(text.queue, { place: detail.place })}` : text.waiting;
      break;
    default:
      $('callState').textContent = text[state];
  }
}

function showCall() {
  $('start').hidden = true;
  $('appeal').hidden = true;
  $('followUp').hidden = true;
  $('call').hidden = false;
  $('remoteVideo').srcObject = null;
  $('ownVideo').srcObject = null;
  $('callNumber').textContent = '';
}

/** Metres between two places (equirectangular: enough at a few hundred metres). */
function metresBetween(a, b) {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6_371_000;
}

/** Watches the device during a call and reports each move of 10 m or more (§18: the map follows the caller). */
function followDevice(report) {
  if (!navigator.geolocation) return null;
  let last = found;
  return navigator.geolocation.watchPosition(
    (p) => {
      const where = { lat: p.coords.latitude, lon: p.coords.longitude };
      if (last && metresBetween(last, where) < 10) return;
      last = where;
      found = where;
      report(where);
    },
    () => undefined,
    { enableHighAccuracy: true },
  );
}

/** A video or audio call, or SOS video with the location (§18): media first, so a refused camera costs no appeal. */
async function startCall(kind, media, where) {
  const attempt = { hungUp: false };
  settingUp = attempt;
  showError('');
  showCall();
  showCallState('connecting');
  // The place is asked for beside the camera, so the operator sees where the caller is from the first ring.
  const [stream, located] = await Promise.all([
    openMedia(media, chosenDevices()),
    where ? where : deviceLocation(),
  ]);
  // Hung up while the camera opened: no appeal is made, and the camera goes off.
  if (attempt.hungUp) return void stream?.getTracks().forEach((track) => track.stop());
  if (!stream) return showCallState('failed', { reason: 'noMedia' });
  void showDevices();
  if (located) found = located;
  $('ownVideo').srcObject = media === 'video' ? stream : null;
  $('ownVideo').hidden = media !== 'video';
  try {
    const intake =
      kind === 'sos'
        ? { kind: 'sos', channel: 'sos', location: where }
        : { kind: 'callRequest', channel: 'widget', media, ...(found ? { location: found } : {}) };
    const appeal = await api('POST', '/api/appeals', { ...intake, language: lang, ...identity() });
    // Hung up while the appeal was made: it rings already, so central is told, and nothing is connected.
    if (attempt.hungUp) return hangUpUnconnected(appeal);
    $('callNumber').textContent = appeal.number;
    const ice = await api('GET', `/api/appeals/${appeal.id}/ice`, undefined, appeal.citizenToken);
    if (attempt.hungUp) return hangUpUnconnected(appeal);
    let watch = null;
    call = connectCall({
      appeal,
      stream,
      ice,
      onFinished: () => navigator.geolocation?.clearWatch(watch),
      onState: (state, detail) => showCallState(state, detail),
      onRemote: (remote) => ($('remoteVideo').srcObject = remote),
      onStatus: (status) => (lastStatus = status),
    });
    watch = followDevice((where) => call?.sendLocation(where));
  } catch (error) {
    for (const track of stream.getTracks()) track.stop();
    if (attempt.hungUp) return;
    showCallState('failed', { reason: 'connection' });
    showError(error.message);
  } finally {
    // A call left while it was set up: the camera goes off.
    if (attempt.hungUp) for (const track of stream.getTracks()) track.stop();
    if (settingUp === attempt) settingUp = null;
  }
}

for (const id of ['camera', 'microphone'])
  $(id).addEventListener('change', (event) => localStorage.setItem(DEVICE_KEYS[id], event.target.value));
navigator.mediaDevices?.addEventListener('devicechange', () => void showDevices());

$('videoCall').addEventListener('click', () => void startCall('callRequest', 'video'));
$('audioCall').addEventListener('click', () => void startCall('callRequest', 'audio'));

$('hangUp').addEventListener('click', () => {
  if (call) call.hangUp();
  else {
    if (settingUp) settingUp.hungUp = true;
    showCallState('ended', { by: 'citizen' });
  }
});

$('callDone').addEventListener('click', () => {
  call = null;
  callState = null;
  $('call').hidden = true;
  $('start').hidden = false;
  $('appeal').hidden = false;
  showError('');
});

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
  void startCall('sos', 'video', where);
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

/** What central files a chosen file under, by its type: the intake sniffs the bytes again and refuses a pretender. */
function attachmentKind(file) {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('audio/')) return 'voice';
  return 'video';
}

/** Keeps the name's shape central accepts: no separators, no control characters, at most 200 characters. */
function attachmentName(file) {
  const cleaned = file.name.replace(/[\\/\u0000-\u001f]|\.\./g, '_').slice(0, 200);
  return cleaned || attachmentKind(file);
}

$('attach').addEventListener('change', async () => {
  if (!current) return;
  const files = [...$('attach').files];
  $('attach').value = '';
  showError('');
  for (const file of files) {
    const query = `kind=${attachmentKind(file)}&name=${encodeURIComponent(attachmentName(file))}`;
    const response = await fetch(`/api/appeals/${current.id}/attachments?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-citizen-token': current.citizenToken },
      body: file,
    }).catch(() => null);
    if (!response) return showError(t('offline'));
    const json = await response.json().catch(() => ({}));
    if (!response.ok) return showError(`${t('failed')}: ${describeRefusal(json)}`);
    const li = document.createElement('li');
    li.textContent = fill(t('attached'), { name: json.name ?? file.name });
    $('attached').append(li);
  }
});

$('newAppeal').addEventListener('click', () => {
  socket?.close();
  current = null;
  lastStatus = null;
  sessionStorage.removeItem('widget.appeal');
  found = null;
  $('appeal').reset();
  $('attached').replaceChildren();
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
