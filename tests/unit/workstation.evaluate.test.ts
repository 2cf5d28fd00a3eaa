import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REQUIREMENTS,
  type ReadinessItemId,
  type WorkstationProbes,
  WorkstationProbesSchema,
  WorkstationReportSchema,
  withOverrides,
} from '../../domain/workstation/workstation';
import { evaluate } from '../../domain/workstation/workstationEvaluate';

const fixture = (name: string): WorkstationProbes =>
  WorkstationProbesSchema.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/workstation', `${name}.json`), 'utf8')),
  );
const statuses = (probes: WorkstationProbes, requirements = DEFAULT_REQUIREMENTS) =>
  Object.fromEntries(evaluate(requirements, probes).items.map((i) => [i.id, i.status]));
const item = (probes: WorkstationProbes, id: ReadinessItemId, requirements = DEFAULT_REQUIREMENTS) => {
  const found = evaluate(requirements, probes).items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('workstation readiness against §27', () => {
  describe('a Windows 10 office PC with a Jabra USB headset and a webcam', () => {
    const office = fixture('windows10-office-jabra');

    it('passes every item and allows video calls', () => {
      const report = evaluate(DEFAULT_REQUIREMENTS, office);
      expect(statuses(office)).toEqual({
        processor: 'pass',
        memory: 'pass',
        os: 'pass',
        browser: 'pass',
        soundCard: 'pass',
        camera: 'pass',
        headset: 'pass',
        mouse: 'pass',
        keyboard: 'pass',
        networkSpeed: 'pass',
        roundTrip: 'pass',
      });
      expect(report.verdict).toBe('ready');
      expect(report.supportedWorkstation).toBe(true);
      expect(report.videoCalls).toEqual({ state: 'allowed', policy: 'warn', reasons: [] });
      expect(report.items.every((i) => i.advice === null)).toBe(true);
      expect(WorkstationReportSchema.safeParse(report).success).toBe(true);
    });

    it('reports the measured values next to the thresholds', () => {
      expect(item(office, 'processor')).toMatchObject({
        value: 3,
        threshold: { kk: '> 2,2 ГГц', ru: '> 2,2 ГГц', en: '> 2.2 GHz' },
      });
      expect(item(office, 'memory')).toMatchObject({
        value: 15.9,
        valueText: { kk: '15,9 ГБ', ru: '15,9 ГБ', en: '15.9 GiB' },
        threshold: { kk: '≥ 8 ГБ', ru: '≥ 8 ГБ', en: '≥ 8 GiB' },
      });
      expect(item(office, 'os')).toMatchObject({
        value: 'Windows 10',
        valueText: { en: 'Microsoft Windows 10 Pro 10.0.19045' },
      });
      expect(item(office, 'browser')).toMatchObject({
        value: '140.0.7339.133',
        threshold: { ru: expect.stringContaining('86.0.4240.183') },
      });
      expect(item(office, 'camera').value).toBe('HD Pro Webcam C920 (046d:082d)');
      expect(item(office, 'networkSpeed')).toMatchObject({
        value: 91.7,
        valueText: {
          kk: '↓ 94,2 / ↑ 91,7 Мбит/с',
          ru: '↓ 94,2 / ↑ 91,7 Мбит/с',
          en: '↓ 94.2 / ↑ 91.7 Mbit/s',
        },
      });
      expect(item(office, 'roundTrip')).toMatchObject({
        value: 3.1,
        threshold: { kk: '≤ 20 мс', ru: '≤ 20 мс', en: '≤ 20 ms' },
      });
    });

    it('explains why the Jabra counts as a headset, and that noise cancelling is not reported', () => {
      const headset = item(office, 'headset');
      expect(headset.value).toBe('Headset Microphone (Jabra EVOLVE 30 II)');
      const english = headset.explanation.map((e) => e.en);
      expect(english).toContain('Jabra is a known headset maker.');
      expect(english.join(' ')).toMatch(/both a microphone and headphones/);
      expect(english).toContain('The device does not report noise cancelling — check the model.');
      expect(headset.explanation.every((e) => e.kk.length > 0 && e.ru.length > 0)).toBe(true);
    });

    it('still finds the headset from the system sound list when no console window took part (the CLI)', () => {
      const cli: WorkstationProbes = {
        ...office,
        mediaDevices: { state: 'unknown', reason: { code: 'no_console_window', detail: '' } },
      };
      expect(item(cli, 'headset')).toMatchObject({
        status: 'pass',
        value: 'Jabra EVOLVE 30 II (Generic USB Audio)',
      });
      expect(item(cli, 'soundCard').status).toBe('pass');
      const webcamOnly: WorkstationProbes = {
        ...cli,
        audio: {
          state: 'measured',
          value:
            office.audio.state === 'measured'
              ? office.audio.value.filter((d) => !d.name.includes('Jabra'))
              : [],
        },
      };
      expect(item(webcamOnly, 'headset').status).toBe('unknown');
      // Windows' USB list never shows cameras, so without the window the camera is unknown, not failed.
      expect(item(cli, 'camera')).toMatchObject({
        status: 'unknown',
        unknownReason: { code: 'no_console_window' },
      });
    });

    it('stays ready, with warnings, when an item is only unknown', () => {
      const cli: WorkstationProbes = {
        ...office,
        mediaDevices: { state: 'unknown', reason: { code: 'no_console_window', detail: '' } },
      };
      const report = evaluate(withOverrides({ videoCallPolicy: 'block' }), cli);
      expect(report.verdict).toBe('ready_with_warnings');
      expect(report.videoCalls.state).toBe('warned');
    });

    it('marks noise cancelling as reported when the device name says so', () => {
      const rename = (label: string) => label.replace('Jabra EVOLVE 30 II', 'Jabra Evolve2 40 ANC');
      const anc: WorkstationProbes = {
        ...office,
        mediaDevices: {
          state: 'measured',
          value:
            office.mediaDevices.state === 'measured'
              ? office.mediaDevices.value.map((d) => ({ ...d, label: rename(d.label) }))
              : [],
        },
      };
      expect(item(anc, 'headset').explanation.map((e) => e.ru)).toContain('Заявлено шумоподавление.');
    });
  });

  describe('a laptop with a built-in camera and no headset', () => {
    const laptop = fixture('laptop-builtin-camera-no-headset');

    it('fails the headset, cannot see the built-in keyboard, and warns about the round trip', () => {
      expect(statuses(laptop)).toEqual({
        processor: 'pass',
        memory: 'pass',
        os: 'pass',
        browser: 'pass',
        soundCard: 'pass',
        camera: 'pass',
        headset: 'fail',
        mouse: 'pass',
        keyboard: 'unknown',
        networkSpeed: 'pass',
        roundTrip: 'fail',
      });
      expect(evaluate(DEFAULT_REQUIREMENTS, laptop).verdict).toBe('not_ready');
    });

    it('does not take the built-in microphone and speakers for a headset', () => {
      const headset = item(laptop, 'headset');
      expect(headset.advice?.operator.ru).toBe(
        'Гарнитура не найдена. Подключите гарнитуру; не принимайте звонки через динамики.',
      );
      expect(headset.advice?.it.en).toMatch(/noise-cancelling USB headset/);
      expect(headset.advice?.it.kk).toMatch(/гарнитура/i);
    });

    it('takes a nameless USB headset for one, but not the laptop microphone beside headphones in the jack', () => {
      const withAudio = (labels: [string, string]): WorkstationProbes => ({
        ...laptop,
        mediaDevices: {
          state: 'measured',
          value: [
            { deviceId: 'in', kind: 'audioinput', label: labels[0], groupId: 'g' },
            { deviceId: 'out', kind: 'audiooutput', label: labels[1], groupId: 'g' },
            { deviceId: 'cam', kind: 'videoinput', label: 'Integrated Webcam (0c45:6a14)', groupId: 'c' },
          ],
        },
      });
      const usbHeadset = item(
        withAudio(['Microphone (USB Audio Device)', 'Speakers (USB Audio Device)']),
        'headset',
      );
      expect(usbHeadset).toMatchObject({ status: 'pass', value: 'Microphone (USB Audio Device)' });
      expect(usbHeadset.explanation.map((e) => e.en)).toContain('A USB device.');
      const jack = withAudio(['Microphone Array (Realtek(R) Audio)', 'Headphones (Realtek(R) Audio)']);
      expect(item(jack, 'headset').status).toBe('fail');
      const jackHeadset = withAudio([
        'Headset Microphone (Realtek(R) Audio)',
        'Headphones (Realtek(R) Audio)',
      ]);
      expect(item(jackHeadset, 'headset').status).toBe('pass');
    });

    it('accepts 7.8 GiB usable as the 8 GB installed', () => {
      expect(item(laptop, 'memory')).toMatchObject({ status: 'pass', value: 7.8 });
    });

    it('treats the round trip above the limit as a warning, not as unreadiness', () => {
      const roundTrip = item(laptop, 'roundTrip');
      expect(roundTrip).toMatchObject({ required: false, value: 27.2, threshold: { en: '≤ 20 ms' } });
      expect(roundTrip.advice?.it.ru).toBe(
        'Задержка 27,2 мс, предел ≤ 20 мс (§27). Проверьте маршрут и загрузку сети.',
      );
      expect(item(laptop, 'roundTrip', withOverrides({ roundTripAtMostMs: 50 })).status).toBe('pass');
    });

    it('blocks video calls under the block policy, naming the headset', () => {
      const report = evaluate(withOverrides({ videoCallPolicy: 'block' }), laptop);
      expect(report.videoCalls.state).toBe('blocked');
      expect(report.videoCalls.reasons.map((r) => [r.item, r.status])).toEqual([
        ['headset', 'fail'],
        ['roundTrip', 'fail'],
      ]);
      expect(report.videoCalls.reasons[0]?.text.ru).toBe('Гарнитура (наушники и микрофон): не найдено');
      expect(report.videoCalls.reasons[1]?.text.kk).toBe(
        'Орталық жүйеге дейінгі кідіріс (ping): 27,2 мс (талап ≤ 20 мс)',
      );
      expect(evaluate(DEFAULT_REQUIREMENTS, laptop).videoCalls.state).toBe('warned');
    });
  });

  describe('a virtual machine that reports no processor clock (recorded on this development machine)', () => {
    const vm = fixture('vm-unknown-clock');
    const report = evaluate(DEFAULT_REQUIREMENTS, vm);

    it('answers unknown for the clock instead of passing or failing it', () => {
      expect(item(vm, 'processor')).toMatchObject({
        status: 'unknown',
        value: null,
        unknownReason: { code: 'not_reported' },
      });
      expect(item(vm, 'processor').advice?.operator.en).toBe(
        'Could not check: the device does not report this value (typical of a virtual machine). Tell the digitalisation unit.',
      );
      expect(item(vm, 'processor').advice?.it.ru).toBe('Проверьте вручную (требуется: > 2,2 ГГц).');
    });

    it('is not a supported workstation off Windows, and says what could not be checked without the window', () => {
      expect(statuses(vm)).toEqual({
        processor: 'unknown',
        memory: 'pass',
        os: 'fail',
        browser: 'unknown',
        // The system's sound list is empty in this VM: without the window that is "could not check", not "none".
        soundCard: 'unknown',
        camera: 'unknown',
        headset: 'unknown',
        mouse: 'unknown',
        keyboard: 'unknown',
        networkSpeed: 'unknown',
        roundTrip: 'unknown',
      });
      expect(report.supportedWorkstation).toBe(false);
      expect(report.verdict).toBe('not_ready');
      expect(item(vm, 'os').advice?.operator.ru).toMatch(/годится только для разработки/);
      expect(item(vm, 'networkSpeed').advice?.it.en).toBe('Set centralUrl in config.json (§28).');
      expect(item(vm, 'browser').advice?.it.en).toMatch(/--workstation-check/);
    });

    it('never counts an unknown as a pass', () => {
      expect(report.items.filter((i) => i.status === 'unknown').every((i) => i.advice !== null)).toBe(true);
      expect(report.videoCalls.state).not.toBe('allowed');
    });
  });

  describe('a machine with 4 GB of memory', () => {
    const small = fixture('office-4gb-ram');

    it('fails memory only, with the value and the threshold in the advice', () => {
      const failed = evaluate(DEFAULT_REQUIREMENTS, small).items.filter((i) => i.status !== 'pass');
      expect(failed.map((i) => i.id)).toEqual(['memory']);
      expect(item(small, 'memory')).toMatchObject({ value: 3.9, required: true });
      expect(item(small, 'memory').advice?.it).toEqual({
        kk: 'Жедел жады 3,9 ГБ, талап ≥ 8 ГБ (§27). Жады модульдерін қосыңыз.',
        ru: 'Оперативная память 3,9 ГБ, требуется ≥ 8 ГБ (§27). Установите дополнительные модули памяти.',
        en: 'Memory 3.9 GiB, required ≥ 8 GiB (§27). Install more memory.',
      });
    });

    it('passes a Windows 8.1 machine and its Plantronics headset', () => {
      expect(item(small, 'os')).toMatchObject({ status: 'pass', value: 'Windows 8.1' });
      expect(item(small, 'headset').explanation.map((e) => e.en)).toContain(
        'Plantronics is a known headset maker.',
      );
    });

    it('passes the memory item once IT lowers the threshold in the machine config', () => {
      expect(item(small, 'memory', withOverrides({ memoryAtLeastGiB: 4 })).status).toBe('pass');
    });
  });
});

describe('what the readiness table says about devices (issue 9, item 9)', () => {
  const laptop = fixture('laptop-builtin-camera-no-headset');
  const vm = fixture('vm-unknown-clock');
  const noUsb = { state: 'measured', value: [] };
  const probes = (p: unknown) => WorkstationProbesSchema.parse(p);

  it('names a fine pointer in words, not as the media query', () => {
    const mouse = item(probes({ ...laptop, usb: noUsb }), 'mouse');
    expect(mouse.status).toBe('pass');
    expect(mouse.valueText).toEqual({
      kk: 'Дәл көрсеткіш (тінтуір немесе сенсорлы тақта)',
      ru: 'Точный указатель (мышь или сенсорная панель)',
      en: 'A precise pointer (mouse or touchpad)',
    });
  });

  it('takes a key pressed in the console window as a keyboard that no device list shows', () => {
    const typed = (keystrokeSeen: boolean) =>
      probes({ ...laptop, usb: noUsb, keystrokes: { state: 'measured', value: { keystrokeSeen } } });
    expect(item(typed(true), 'keyboard')).toMatchObject({
      status: 'pass',
      valueText: { ru: 'В окне пульта нажимали клавиши' },
    });
    expect(item(typed(false), 'keyboard').status).toBe('unknown');
  });

  it('never has the command-line check deny a sound card the console window sees', () => {
    const noSystemCards = { state: 'measured', value: [] };
    const speakers = {
      deviceId: 'speakers',
      kind: 'audiooutput',
      label: 'Speakers (Realtek(R) Audio)',
      groupId: 'g1',
    };
    const windowSeesOne = probes({
      ...laptop,
      audio: noSystemCards,
      mediaDevices: { state: 'measured', value: [speakers] },
    });
    const cliOnSameMachine = probes({ ...vm, audio: noSystemCards });
    expect(item(windowSeesOne, 'soundCard').status).toBe('pass');
    expect(item(cliOnSameMachine, 'soundCard')).toMatchObject({
      status: 'unknown',
      unknownReason: { code: 'no_console_window' },
    });
  });
});
