import { sameInEveryLanguage } from './quantity';
import type { AudioDevice, Localized, MediaDevice, Probe, UnknownReason, UsbDevice } from './workstation';

/**
 * Peripheral findings from what the machine lists: the browser's media devices when the console window
 * took part, otherwise systeminformation's audio and USB lists. No API says "this is a headset", so the
 * headset verdict is a heuristic and every finding carries the evidence that led to it.
 */

/** `device` is what people read as the measured value: a device's own name, or our words for what was seen. */
export type Finding =
  | { status: 'pass'; device: Localized; evidence: Localized[] }
  | { status: 'fail'; evidence: Localized[] }
  | { status: 'unknown'; reason: UnknownReason; evidence: Localized[] };

/** Makers whose audio devices are almost always headsets (Logitech also makes webcams; see WEBCAM_WORDS). */
export const HEADSET_VENDORS = [
  'Jabra',
  'GN Netcom',
  'Plantronics',
  'Poly',
  'Logitech',
  'Sennheiser',
  'EPOS',
  'HyperX',
  'Corsair',
  'SteelSeries',
  'Razer',
  'Yealink',
  'Koss',
  'Axtel',
  'Accutone',
] as const;

const HEADSET_WORDS = /headset|headphone|earphone|гарнитур|наушник|құлаққап/i;
const NOISE_CANCELLING = /noise[\s-]?cancel|\bANC\b|\bENC\b|шумоподав|шуды басу/i;
const WEBCAM_WORDS = /webcam|camera|\bcam\b|brio|c9[0-9]{2}|камера/i;
/** Chromium appends "(vvvv:pppp)" to USB cameras' labels; Windows calls class-compliant headsets "USB Audio Device". */
const USB_ID = /\([0-9a-f]{4}:[0-9a-f]{4}\)|\bUSB\b/i;
/** A laptop's own microphone next to headphones in the jack is not a headset: the operator's voice comes from the lid. */
const BUILT_IN_MICROPHONE = /array|internal|built-in|встроен|кіріктірілген/i;
/** Chromium lists the default and communications devices twice, under these pseudo ids. */
const PSEUDO_IDS = new Set(['default', 'communications']);

const t = (kk: string, ru: string, en: string): Localized => ({ kk, ru, en });

const vendorOf = (text: string) =>
  HEADSET_VENDORS.find((vendor) => new RegExp(`\\b${vendor}\\b`, 'i').test(text)) ?? null;

const realDevices = (devices: MediaDevice[]) => devices.filter((d) => !PSEUDO_IDS.has(d.deviceId));
const labelsHidden = (devices: MediaDevice[]) => devices.length > 0 && devices.every((d) => d.label === '');
const hidden: UnknownReason = { code: 'labels_hidden', detail: '' };
const noWindow: UnknownReason = { code: 'no_console_window', detail: '' };
const UNNAMED = t(
  'Атауы рұқсат берілгенше жасырын.',
  'Название скрыто до разрешения.',
  'Name hidden until access is allowed.',
);

function headsetEvidence(label: string, both: boolean): Localized[] {
  const evidence: Localized[] = [];
  if (both)
    evidence.push(
      t(
        `«${label}»: бір құрылғыда микрофон да, құлаққап та бар.`,
        `«${label}»: одно устройство с микрофоном и наушниками.`,
        `"${label}": one device with both a microphone and headphones.`,
      ),
    );
  const vendor = vendorOf(label);
  if (vendor)
    evidence.push(
      t(
        `${vendor} — белгілі гарнитура өндірушісі.`,
        `${vendor} — известный производитель гарнитур.`,
        `${vendor} is a known headset maker.`,
      ),
    );
  if (HEADSET_WORDS.test(label))
    evidence.push(
      t(
        'Атауында «гарнитура/құлаққап» сөзі бар.',
        'В названии есть слово «гарнитура/наушники».',
        'The name says headset/headphones.',
      ),
    );
  if (USB_ID.test(label)) evidence.push(t('USB құрылғысы.', 'USB-устройство.', 'A USB device.'));
  evidence.push(
    NOISE_CANCELLING.test(label)
      ? t('Шуды басу мүмкіндігі хабарланған.', 'Заявлено шумоподавление.', 'Noise cancelling is reported.')
      : t(
          'Шуды басу туралы құрылғы хабарламайды — модельді тексеріңіз.',
          'Шумоподавление устройство не сообщает — проверьте модель.',
          'The device does not report noise cancelling — check the model.',
        ),
  );
  return evidence;
}

const namesHeadset = (label: string) =>
  !WEBCAM_WORDS.test(label) && (vendorOf(label) !== null || HEADSET_WORDS.test(label));
/** Within one device group (microphone and output together), being USB audio is evidence enough. */
const looksLikeHeadset = (label: string) =>
  namesHeadset(label) || (!WEBCAM_WORDS.test(label) && USB_ID.test(label));

/** A headset: one physical device (same group) with microphone and headphones that names itself or its maker as one. */
export function findHeadset(
  media: Probe<MediaDevice[]>,
  audio: Probe<AudioDevice[]>,
  usb: Probe<UsbDevice[]>,
): Finding {
  if (media.state === 'measured') {
    const devices = realDevices(media.value);
    if (labelsHidden(devices)) return { status: 'unknown', reason: hidden, evidence: [] };
    const groups = new Map<string, MediaDevice[]>();
    for (const d of devices) if (d.groupId) groups.set(d.groupId, [...(groups.get(d.groupId) ?? []), d]);
    for (const group of groups.values()) {
      const input = group.find((d) => d.kind === 'audioinput');
      const hasOutput = group.some((d) => d.kind === 'audiooutput');
      const hasCamera = group.some((d) => d.kind === 'videoinput');
      // Either side may carry the name: "Microphone (USB Audio Device)" beside "Headset Earphone (...)".
      const named = group.find((d) => looksLikeHeadset(d.label));
      if (input && hasOutput && !hasCamera && named && !BUILT_IN_MICROPHONE.test(input.label)) {
        return {
          status: 'pass',
          device: sameInEveryLanguage(input.label),
          evidence: headsetEvidence(named.label, true),
        };
      }
    }
    return {
      status: 'fail',
      evidence: [
        t(
          'Микрофоны мен құлаққабы бар бірде-бір гарнитура табылмады.',
          'Не найдено ни одного устройства с микрофоном и наушниками, похожего на гарнитуру.',
          'No device with both a microphone and headphones looks like a headset.',
        ),
      ],
    };
  }
  // Without the console window only names are known: a sound device from a headset maker is taken as a headset.
  const names = [
    ...(audio.state === 'measured' ? audio.value.map((d) => `${d.name} ${d.manufacturer ?? ''}`.trim()) : []),
    ...(usb.state === 'measured'
      ? usb.value.filter((d) => d.type === 'Audio').map((d) => `${d.name ?? ''} ${d.vendor ?? ''}`.trim())
      : []),
  ];
  // Every USB sound device is "(Generic USB Audio)" here, webcams' microphones too: only a name counts.
  const found = names.find(namesHeadset);
  if (found) {
    const evidence = headsetEvidence(found, false);
    evidence.push(
      t(
        'Жүйенің дыбыс құрылғылары тізімінен табылды; микрофон мен құлаққапты бөлек растау үшін пульт терезесі керек.',
        'Найдено в системном списке звуковых устройств; отдельно микрофон и наушники подтверждаются только из окна пульта.',
        "Found in the system's list of sound devices; microphone and headphones are confirmed separately only from the console window.",
      ),
    );
    return { status: 'pass', device: sameInEveryLanguage(found), evidence };
  }
  return { status: 'unknown', reason: noWindow, evidence: [] };
}

/** A camera, built in or USB (§27). */
export function findCamera(media: Probe<MediaDevice[]>, usb: Probe<UsbDevice[]>): Finding {
  if (media.state === 'measured') {
    const cameras = realDevices(media.value).filter((d) => d.kind === 'videoinput');
    const first = cameras[0];
    if (!first) return { status: 'fail', evidence: [] };
    return {
      status: 'pass',
      device: sameInEveryLanguage(first.label || '—'),
      evidence: first.label ? [] : [UNNAMED],
    };
  }
  // Windows' USB list (what systeminformation reads) never shows cameras, so not finding one proves nothing.
  const camera =
    usb.state === 'measured'
      ? usb.value.find((d) => d.type === 'Camera' || WEBCAM_WORDS.test(d.name ?? ''))
      : undefined;
  if (camera) return { status: 'pass', device: sameInEveryLanguage(camera.name ?? '—'), evidence: [] };
  return { status: 'unknown', reason: noWindow, evidence: [] };
}

/**
 * An audio output device: the "sound card" of §27. The console window's list is the one that sees what
 * plays sound; the system's list names cards but an empty one proves nothing (virtual machines, drivers
 * Windows lists elsewhere). So without the window an empty list is "could not check", never "none" —
 * otherwise the command-line check would say "no sound card" on a machine whose screen shows one.
 */
export function findSoundOutput(media: Probe<MediaDevice[]>, audio: Probe<AudioDevice[]>): Finding {
  const output =
    media.state === 'measured' ? realDevices(media.value).find((d) => d.kind === 'audiooutput') : undefined;
  if (output) return { status: 'pass', device: sameInEveryLanguage(output.label || '—'), evidence: [] };
  // Windows does not say which sound devices play sound (out = null); anything not a microphone counts.
  const card =
    audio.state === 'measured'
      ? audio.value.find((d) => d.out === true || (d.out === null && d.type !== 'Microphone'))
      : undefined;
  if (card) return { status: 'pass', device: sameInEveryLanguage(card.name), evidence: [] };
  if (media.state === 'measured') return { status: 'fail', evidence: [] };
  return { status: 'unknown', reason: audio.state === 'unknown' ? audio.reason : noWindow, evidence: [] };
}

/** What the window's "fine pointer" media query means, in words: a mouse or a touchpad answers to it. */
const FINE_POINTER = t(
  'Дәл көрсеткіш (тінтуір немесе сенсорлы тақта)',
  'Точный указатель (мышь или сенсорная панель)',
  'A precise pointer (mouse or touchpad)',
);

/** A mouse: a USB pointing device, or the console window's "fine pointer" media query. */
export function findMouse(usb: Probe<UsbDevice[]>, pointer: Probe<{ finePointer: boolean }>): Finding {
  const mouse = usb.state === 'measured' ? usb.value.find((d) => d.type === 'Mouse') : undefined;
  if (mouse) return { status: 'pass', device: sameInEveryLanguage(mouse.name ?? '—'), evidence: [] };
  if (pointer.state === 'measured') {
    return pointer.value.finePointer
      ? {
          status: 'pass',
          device: FINE_POINTER,
          evidence: [
            t(
              'Пульт терезесі дәл көрсеткішті көреді (any-pointer: fine).',
              'Окно пульта видит точный указатель (any-pointer: fine).',
              'The console window sees a precise pointer (any-pointer: fine).',
            ),
          ],
        }
      : {
          status: 'fail',
          evidence: [
            t('Тек сенсорлық экран табылды.', 'Найден только сенсорный ввод.', 'Only touch input was found.'),
          ],
        };
  }
  return { status: 'unknown', reason: { code: 'not_detectable', detail: 'PS/2 or built-in' }, evidence: [] };
}

const KEYS_PRESSED = t(
  'Пульт терезесінде перне басылды',
  'В окне пульта нажимали клавиши',
  'Keys were pressed in the console window',
);

/**
 * A keyboard: a USB keyboard in the system's list, or a key pressed in the console window. PS/2 and
 * laptop keyboards are invisible to software, but an operator typing on one is proof enough.
 */
export function findKeyboard(
  usb: Probe<UsbDevice[]>,
  keystrokes: Probe<{ keystrokeSeen: boolean }>,
): Finding {
  const keyboard = usb.state === 'measured' ? usb.value.find((d) => d.type === 'Keyboard') : undefined;
  if (keyboard) return { status: 'pass', device: sameInEveryLanguage(keyboard.name ?? '—'), evidence: [] };
  if (keystrokes.state === 'measured' && keystrokes.value.keystrokeSeen)
    return { status: 'pass', device: KEYS_PRESSED, evidence: [] };
  return { status: 'unknown', reason: { code: 'not_detectable', detail: 'PS/2 or built-in' }, evidence: [] };
}
