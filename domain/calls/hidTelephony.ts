/**
 * Headsets' call buttons and lights (issue 13, item 4): the HID telephony usage page (0x0B: hook switch
 * 0x20, phone mute 0x2F) and the LED page (0x08: off-hook 0x17, mute 0x09, ring 0x18). A headset
 * describes where each sits in its reports with a report descriptor; WebHID hands the same as parsed
 * collections. Both become `HidField`s here, and the rest works on fields only.
 */

export const TELEPHONY_PAGE = 0x0b;
export const LED_PAGE = 0x08;
export const USAGE = {
  hookSwitch: 0x20,
  phoneMute: 0x2f,
  ledOffHook: 0x17,
  ledMute: 0x09,
  ledRing: 0x18,
} as const;

/** One value in a report: `bitSize` bits at `bitOffset` of report `reportId`'s data (the id byte excluded). */
export interface HidField {
  direction: 'input' | 'output';
  reportId: number;
  usagePage: number;
  usage: number;
  bitOffset: number;
  bitSize: number;
  /** A relative input (a button that reports presses) rather than a state (on/off hook). */
  relative: boolean;
}

export class ReportDescriptorError extends Error {}

interface Globals {
  usagePage: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

/** Parses a raw HID report descriptor (HID 1.11 §6.2.2) into its input and output fields. */
export function parseReportDescriptor(bytes: Uint8Array): HidField[] {
  const fields: HidField[] = [];
  const globals: Globals = { usagePage: 0, reportSize: 0, reportCount: 0, reportId: 0 };
  const stack: Globals[] = [];
  const offsets = new Map<string, number>();
  let usages: number[] = [];
  let usageMinimum: number | null = null;
  let at = 0;
  while (at < bytes.length) {
    const prefix = bytes[at] ?? 0;
    if (prefix === 0xfe) throw new ReportDescriptorError('long items are not used by headsets');
    const size = [0, 1, 2, 4][prefix & 0x03] ?? 0;
    if (at + 1 + size > bytes.length) throw new ReportDescriptorError(`item at byte ${at} is cut short`);
    let value = 0;
    for (let i = 0; i < size; i++) value |= (bytes[at + 1 + i] ?? 0) << (8 * i);
    value >>>= 0;
    const type = (prefix >> 2) & 0x03;
    const tag = prefix >> 4;
    at += 1 + size;
    if (type === 1) {
      // Global items
      if (tag === 0x0) globals.usagePage = value;
      else if (tag === 0x7) globals.reportSize = value;
      else if (tag === 0x8) globals.reportId = value;
      else if (tag === 0x9) globals.reportCount = value;
      else if (tag === 0xa) stack.push({ ...globals });
      else if (tag === 0xb) Object.assign(globals, stack.pop() ?? globals);
      continue;
    }
    if (type === 2) {
      // Local items: a 4-byte usage carries its own page in the high half.
      const extended = (u: number) => (size === 4 ? u : (globals.usagePage << 16) | u);
      if (tag === 0x0) usages.push(extended(value));
      else if (tag === 0x1) usageMinimum = extended(value);
      else if (tag === 0x2 && usageMinimum !== null)
        for (let u = usageMinimum; u <= extended(value) && usages.length < 1024; u++) usages.push(u);
      continue;
    }
    if (type === 0) {
      // Main items: Input (0x8), Output (0x9) lay out fields; every main item ends the local state.
      if (tag === 0x8 || tag === 0x9) {
        const direction = tag === 0x8 ? 'input' : 'output';
        const key = `${direction}:${globals.reportId}`;
        let offset = offsets.get(key) ?? 0;
        const constant = (value & 0x01) !== 0;
        const variable = (value & 0x02) !== 0;
        const relative = (value & 0x04) !== 0;
        for (let i = 0; i < globals.reportCount; i++) {
          const usage = usages[Math.min(i, usages.length - 1)];
          if (!constant && variable && usage !== undefined)
            fields.push({
              direction,
              reportId: globals.reportId,
              usagePage: usage >>> 16,
              usage: usage & 0xffff,
              bitOffset: offset,
              bitSize: globals.reportSize,
              relative,
            });
          offset += globals.reportSize;
        }
        offsets.set(key, offset);
      }
      usages = [];
      usageMinimum = null;
    }
  }
  return fields;
}

/** The shape of WebHID's `HIDDevice.collections` that matters here. */
export interface HidCollectionLike {
  children?: readonly HidCollectionLike[];
  inputReports?: readonly HidReportLike[];
  outputReports?: readonly HidReportLike[];
}
interface HidReportLike {
  reportId: number;
  items?: readonly {
    usages?: readonly number[];
    reportSize?: number;
    reportCount?: number;
    isConstant?: boolean;
    isRelative?: boolean;
    isArray?: boolean;
  }[];
}

/** The same fields from WebHID's parsed collections (what a browser or Electron window is given). */
export function fieldsFromCollections(collections: readonly HidCollectionLike[]): HidField[] {
  const fields: HidField[] = [];
  const walk = (collection: HidCollectionLike) => {
    for (const [direction, reports] of [
      ['input', collection.inputReports ?? []],
      ['output', collection.outputReports ?? []],
    ] as const)
      for (const report of reports) {
        let offset = 0;
        for (const item of report.items ?? []) {
          const size = item.reportSize ?? 0;
          const usages = item.usages ?? [];
          for (let i = 0; i < (item.reportCount ?? 0); i++) {
            const usage = usages[Math.min(i, usages.length - 1)];
            if (!item.isConstant && !item.isArray && usage !== undefined)
              fields.push({
                direction,
                reportId: report.reportId,
                usagePage: usage >>> 16,
                usage: usage & 0xffff,
                bitOffset: offset,
                bitSize: size,
                relative: item.isRelative ?? false,
              });
            offset += size;
          }
        }
      }
    for (const child of collection.children ?? []) walk(child);
  };
  for (const c of collections) walk(c);
  return fields;
}

/** Where a headset keeps its call controls; absent ones it does not have. */
export interface TelephonyControls {
  hookSwitch?: HidField;
  phoneMute?: HidField;
  ledOffHook?: HidField;
  ledMute?: HidField;
  ledRing?: HidField;
}

export function telephonyControls(fields: readonly HidField[]): TelephonyControls {
  const find = (direction: HidField['direction'], page: number, usage: number) =>
    fields.find((f) => f.direction === direction && f.usagePage === page && f.usage === usage);
  const controls: TelephonyControls = {};
  const hookSwitch = find('input', TELEPHONY_PAGE, USAGE.hookSwitch);
  const phoneMute = find('input', TELEPHONY_PAGE, USAGE.phoneMute);
  const ledOffHook = find('output', LED_PAGE, USAGE.ledOffHook);
  const ledMute = find('output', LED_PAGE, USAGE.ledMute);
  const ledRing = find('output', LED_PAGE, USAGE.ledRing);
  if (hookSwitch) controls.hookSwitch = hookSwitch;
  if (phoneMute) controls.phoneMute = phoneMute;
  if (ledOffHook) controls.ledOffHook = ledOffHook;
  if (ledMute) controls.ledMute = ledMute;
  if (ledRing) controls.ledRing = ledRing;
  return controls;
}

function readBits(data: Uint8Array, offset: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) {
    const bit = offset + i;
    if (((data[bit >> 3] ?? 0) >> (bit & 7)) & 1) value |= 1 << i;
  }
  return value;
}

/** What one input report says of the call buttons (only those the report carries). */
export function readTelephonyInput(
  controls: TelephonyControls,
  reportId: number,
  data: Uint8Array,
): { hookSwitch?: boolean; phoneMute?: boolean } {
  const read: { hookSwitch?: boolean; phoneMute?: boolean } = {};
  const { hookSwitch, phoneMute } = controls;
  if (hookSwitch?.reportId === reportId)
    read.hookSwitch = readBits(data, hookSwitch.bitOffset, hookSwitch.bitSize) !== 0;
  if (phoneMute?.reportId === reportId)
    read.phoneMute = readBits(data, phoneMute.bitOffset, phoneMute.bitSize) !== 0;
  return read;
}

/** The output reports that set the headset's lights (ringer, off-hook, mute), one per report id it uses. */
export function telephonyOutputReports(
  controls: TelephonyControls,
  state: { offHook: boolean; mute: boolean; ring: boolean },
  fields: readonly HidField[],
): { reportId: number; data: Uint8Array }[] {
  const wanted: [HidField | undefined, boolean][] = [
    [controls.ledOffHook, state.offHook],
    [controls.ledMute, state.mute],
    [controls.ledRing, state.ring],
  ];
  const reports = new Map<number, Uint8Array>();
  for (const [field, on] of wanted) {
    if (!field) continue;
    let data = reports.get(field.reportId);
    if (!data) {
      const bits = Math.max(
        ...fields
          .filter((f) => f.direction === 'output' && f.reportId === field.reportId)
          .map((f) => f.bitOffset + f.bitSize),
      );
      data = new Uint8Array(Math.ceil(bits / 8));
      reports.set(field.reportId, data);
    }
    if (on) data[field.bitOffset >> 3] = (data[field.bitOffset >> 3] ?? 0) | (1 << (field.bitOffset & 7));
  }
  return [...reports].map(([reportId, data]) => ({ reportId, data }));
}
