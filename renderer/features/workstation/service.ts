import type { ConsoleWindowFacts, MediaDevice, WorkstationReport } from '../../../domain/workstation/workstation';

/** What only the console window can see, for main's readiness check: media devices, pointer, browser engine. */

export type MediaAccess = 'granted' | 'denied' | 'prompt';

const MAX_DEVICES = 100;

/** Device names stay empty until the operator has allowed the camera and microphone; the report says so. */
async function mediaDevices(): Promise<MediaDevice[] | null> {
  if (!navigator.mediaDevices?.enumerateDevices) return null;
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.slice(0, MAX_DEVICES).map((d) => ({
    deviceId: d.deviceId.slice(0, 200),
    kind: d.kind,
    label: d.label.slice(0, 300),
    groupId: d.groupId.slice(0, 200),
  }));
}

let keystrokeWasSeen = false;
const keystrokeSeen = () => keystrokeWasSeen;

/**
 * Calls `onFirst` once, at the first key the operator presses in this window: typing proves a keyboard
 * that no device list shows (PS/2, a laptop's own). Only real keystrokes count, not scripted events.
 */
export function watchFirstKeystroke(onFirst: () => void): void {
  const listener = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    window.removeEventListener('keydown', listener, true);
    keystrokeWasSeen = true;
    onFirst();
  };
  window.addEventListener('keydown', listener, true);
}

export async function collectWindowFacts(): Promise<ConsoleWindowFacts> {
  return {
    userAgent: navigator.userAgent.slice(0, 1000),
    mediaDevices: await mediaDevices().catch(() => null),
    finePointer: window.matchMedia('(any-pointer: fine)').matches,
    keystrokeSeen: keystrokeSeen(),
  };
}

/** Opens the camera and microphone once so their names become visible, then lets go of them at once. */
export async function requestMediaAccess(): Promise<MediaAccess> {
  const attempts: MediaStreamConstraints[] = [{ audio: true, video: true }, { audio: true }, { video: true }];
  let refused = false;
  for (const constraints of attempts) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      for (const track of stream.getTracks()) track.stop();
      return 'granted';
    } catch (error) {
      // A missing camera is NotFoundError: try the microphone alone. NotAllowedError is the operator's "no".
      if (error instanceof DOMException && error.name === 'NotAllowedError') refused = true;
    }
  }
  return refused ? 'denied' : 'prompt';
}

/** Whether names are visible now: any labelled device means access was given earlier. */
export const accessFromFacts = (facts: ConsoleWindowFacts): MediaAccess | null =>
  facts.mediaDevices?.some((d) => d.label !== '') ? 'granted' : null;

/** Saves the report as a JSON file, for IT when the workstation cannot reach central (§28). */
export function downloadReport(report: WorkstationReport): void {
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `workstation-report-${report.hostname ?? 'console'}-${report.checkedAt.slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
