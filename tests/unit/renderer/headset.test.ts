import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand';
import type { RingingCall } from '../../../domain/calls/call';
import {
  ReportDescriptorError,
  fieldsFromCollections,
  parseReportDescriptor,
  readTelephonyInput,
  telephonyControls,
  telephonyOutputReports,
} from '../../../domain/calls/hidTelephony';
import type { ConsoleBridge } from '../../../domain/contract/ipc';
import { createCallsSlice } from '../../../renderer/features/calls/callsSlice';
import { type HeadsetDevice, connectHeadset } from '../../../renderer/features/calls/headset';
import type { ConsoleState } from '../../../renderer/store';
import {
  BLACKWIRE_3220_COLLECTIONS,
  BLACKWIRE_3220_TELEPHONY,
} from '../../fixtures/headsets/plantronics-blackwire-3220';

/** A fake HIDDevice (no HID hardware here): the recorded headset's collections, reports pushed by the test. */
function aFakeHeadset() {
  const listeners: ((event: { reportId: number; data: DataView }) => void)[] = [];
  const sent: { reportId: number; data: number[] }[] = [];
  const device: HeadsetDevice = {
    collections: BLACKWIRE_3220_COLLECTIONS,
    opened: false,
    open: async () => undefined,
    sendReport: async (reportId, data) => void sent.push({ reportId, data: [...data] }),
    addEventListener: (_type, listener) => void listeners.push(listener),
  };
  const press = (reportId: number, ...bytes: number[]) => {
    for (const l of listeners) l({ reportId, data: new DataView(new Uint8Array(bytes).buffer) });
  };
  return { device, press, sent };
}

describe('HID telephony on a recorded headset (Plantronics Blackwire 3220)', () => {
  it('finds the hook switch, phone mute and the off-hook, mute and ring lights in the descriptor', () => {
    const controls = telephonyControls(parseReportDescriptor(BLACKWIRE_3220_TELEPHONY));
    expect(controls.hookSwitch).toMatchObject({ reportId: 8, bitOffset: 1, bitSize: 1, relative: false });
    expect(controls.phoneMute).toMatchObject({ reportId: 8, bitOffset: 0, bitSize: 1, relative: true });
    expect(controls.ledMute).toMatchObject({ reportId: 0x09, bitOffset: 0 });
    expect(controls.ledOffHook).toMatchObject({ reportId: 0x17, bitOffset: 0 });
    expect(controls.ledRing).toMatchObject({ reportId: 0x18, bitOffset: 0 });
  });

  it('reads the same places from WebHID’s collections as from the raw descriptor', () => {
    const byKey = (f: { direction: string; reportId: number; usagePage: number; usage: number }) =>
      `${f.direction}:${f.reportId}:${f.usagePage}:${f.usage}`;
    const raw = parseReportDescriptor(BLACKWIRE_3220_TELEPHONY).sort((a, b) =>
      byKey(a).localeCompare(byKey(b)),
    );
    const webHid = fieldsFromCollections(BLACKWIRE_3220_COLLECTIONS).sort((a, b) =>
      byKey(a).localeCompare(byKey(b)),
    );
    expect(webHid).toEqual(raw);
  });

  it('reads off hook from bit 1 and a mute press from bit 0 of report 8, and nothing from other reports', () => {
    const controls = telephonyControls(parseReportDescriptor(BLACKWIRE_3220_TELEPHONY));
    expect(readTelephonyInput(controls, 8, new Uint8Array([0b010]))).toEqual({
      hookSwitch: true,
      phoneMute: false,
    });
    expect(readTelephonyInput(controls, 8, new Uint8Array([0b001]))).toEqual({
      hookSwitch: false,
      phoneMute: true,
    });
    expect(readTelephonyInput(controls, 9, new Uint8Array([0xff]))).toEqual({});
  });

  it('lights the ringer while a call rings, off-hook and mute during the call', () => {
    const fields = parseReportDescriptor(BLACKWIRE_3220_TELEPHONY);
    const controls = telephonyControls(fields);
    const ringing = telephonyOutputReports(controls, { offHook: false, mute: false, ring: true }, fields);
    expect(ringing).toEqual(
      expect.arrayContaining([
        { reportId: 0x18, data: new Uint8Array([1]) },
        { reportId: 0x17, data: new Uint8Array([0]) },
        { reportId: 0x09, data: new Uint8Array([0]) },
      ]),
    );
    const muted = telephonyOutputReports(controls, { offHook: true, mute: true, ring: false }, fields);
    expect(muted.find((r) => r.reportId === 0x17)?.data).toEqual(new Uint8Array([1]));
    expect(muted.find((r) => r.reportId === 0x09)?.data).toEqual(new Uint8Array([1]));
  });

  it('refuses a descriptor cut in the middle of an item', () => {
    expect(() => parseReportDescriptor(BLACKWIRE_3220_TELEPHONY.subarray(0, 7))).toThrow(
      ReportDescriptorError,
    );
  });

  it('a device without a hook switch is no headset', async () => {
    const { device } = aFakeHeadset();
    const mouse: HeadsetDevice = { ...device, collections: [{ inputReports: [{ reportId: 1, items: [] }] }] };
    expect(
      await connectHeadset(mouse, { offHook: () => {}, onHook: () => {}, toggleMute: () => {} }),
    ).toBeNull();
  });
});

describe('the headset drives the call (fake HIDDevice)', () => {
  const ringing: RingingCall = {
    appealId: '0197a6c0-0000-7000-8000-000000000001',
    number: '2026-000001',
    kind: 'sos',
    channel: 'sos',
    media: 'video',
    receivedAt: new Date().toISOString(),
    location: null,
    language: 'ru',
    escalated: false,
  };

  function aConsole() {
    const calls: { method: string; input: unknown }[] = [];
    const bridge: ConsoleBridge = {
      call: async (method, input) => {
        calls.push({ method, input });
        return { ok: true, value: { sent: true } } as never;
      },
      on: () => () => undefined,
    };
    // Only the calls slice: the test drives accept, hang-up and mute, which need nothing else.
    const store = createStore<ConsoleState>()((...args) => createCallsSlice(bridge)(...args) as ConsoleState);
    store.setState({ ringing: [ringing] });
    return { store, calls };
  }

  it('lifting the hook accepts the ringing call; the mute button toggles; back on hook hangs up', async () => {
    const { store, calls } = aConsole();
    const headset = aFakeHeadset();
    const connected = await connectHeadset(headset.device, {
      offHook: () => void store.getState().acceptCall(),
      onHook: () => store.getState().hangUp(),
      toggleMute: () => store.getState().toggleMute(),
    });
    expect(connected).not.toBeNull();

    headset.press(8, 0b000); // where the switch is now: on hook, nothing happens
    expect(calls.filter((c) => c.method === 'calls.accept')).toHaveLength(0);
    headset.press(8, 0b010); // off hook
    // The accept leaves once the camera and the offer are ready (none here: no camera in Node).
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'calls.accept')).toBe(true));
    expect(calls.filter((c) => c.method === 'calls.accept')).toEqual([
      { method: 'calls.accept', input: { appealId: ringing.appealId } },
    ]);
    expect(store.getState().call).toMatchObject({ appealId: ringing.appealId, phase: 'accepting' });

    headset.press(8, 0b011); // mute pressed (still off hook)
    headset.press(8, 0b010); // released
    expect(store.getState().call?.muted).toBe(true);

    headset.press(8, 0b000); // on hook
    expect(store.getState().call).toMatchObject({ phase: 'ended', end: 'hungUp' });

    await connected?.show({ offHook: false, mute: false, ring: true });
    expect(headset.sent).toContainEqual({ reportId: 0x18, data: [1] });
  });
});
