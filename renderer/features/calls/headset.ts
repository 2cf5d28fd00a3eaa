import {
  type HidCollectionLike,
  type HidField,
  type TelephonyControls,
  fieldsFromCollections,
  readTelephonyInput,
  telephonyControls,
  telephonyOutputReports,
} from '../../../domain/calls/hidTelephony';

/** The part of WebHID's HIDDevice a headset needs (a fake one stands in for hardware in tests). */
export interface HeadsetDevice {
  readonly collections: readonly HidCollectionLike[];
  readonly opened: boolean;
  open(): Promise<void>;
  sendReport(reportId: number, data: Uint8Array): Promise<void>;
  addEventListener(
    type: 'inputreport',
    listener: (event: { reportId: number; data: DataView }) => void,
  ): void;
}

export interface HeadsetActions {
  /** The hook switch went off hook: take the ringing call. */
  offHook(): void;
  /** Back on hook: end the call. */
  onHook(): void;
  /** The headset's mute button. */
  toggleMute(): void;
}

export interface HeadsetLights {
  offHook: boolean;
  mute: boolean;
  ring: boolean;
}

/**
 * Drives one headset: its hook switch and mute button become the console's accept, hang-up and mute;
 * the console's state becomes its ringer and lights. Answers null for a device without a hook switch.
 */
export async function connectHeadset(device: HeadsetDevice, actions: HeadsetActions) {
  const fields: HidField[] = fieldsFromCollections(device.collections);
  const controls: TelephonyControls = telephonyControls(fields);
  if (!controls.hookSwitch) return null;
  if (!device.opened) await device.open();
  let hook: boolean | null = null;
  let muteHeld = false;
  device.addEventListener('inputreport', (event) => {
    const data = new Uint8Array(event.data.buffer, event.data.byteOffset, event.data.byteLength);
    const read = readTelephonyInput(controls, event.reportId, data);
    if (read.hookSwitch !== undefined && read.hookSwitch !== hook) {
      // The first report only says where the switch is; a change is the operator's action.
      if (hook !== null) (read.hookSwitch ? actions.offHook : actions.onHook)();
      hook = read.hookSwitch;
    }
    // The mute button reports a press (1) then a release (0): one toggle per press.
    if (read.phoneMute !== undefined) {
      if (read.phoneMute && !muteHeld) actions.toggleMute();
      muteHeld = read.phoneMute;
    }
  });
  let last = '';
  return {
    /** Sets the ringer and lights; only what changed goes to the device. */
    async show(lights: HeadsetLights): Promise<void> {
      const key = JSON.stringify(lights);
      if (key === last) return;
      last = key;
      for (const report of telephonyOutputReports(controls, lights, fields))
        await device.sendReport(report.reportId, report.data).catch(() => undefined);
    },
  };
}
export type ConnectedHeadset = NonNullable<Awaited<ReturnType<typeof connectHeadset>>>;
