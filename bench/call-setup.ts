/**
 * Call set-up (issue 13): from the operator's accept (Alt+A in a real console) to the first frame of the
 * citizen's video shown on the console, p50/p95 over 20 calls from the widget, loopback, fake camera.
 * Reference, same run and browser: a bare RTCPeerConnection pair in one page with in-page signalling,
 * from createOffer to the first frame shown. Needs `npm run build` first. Not measured here: the same
 * through a TURN relay (the relay-only e2e in tests/e2e/calls.spec.ts proves that path works).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/chromium.mjs';
import { percentile, reportBench } from './report';
import { spawnCentral } from './support/central-process';
import { signedInOperator, startConsoleHost, wallNow } from './support/console-host';

const CALLS = 20;

/** A page script (text: this file is checked for Node, without the DOM) resolving at the next video frame shown. */
const firstFrameOf = (selector: string) => `
  new Promise((resolve) => {
    const wait = () => {
      const video = document.querySelector(${JSON.stringify(selector)});
      if (video && video.srcObject) video.requestVideoFrameCallback(() => resolve(performance.timeOrigin + performance.now()));
      else requestAnimationFrame(wait);
    };
    wait();
  })`;

const bareCallInOnePage = `
  (async () => {
    const camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const a = new RTCPeerConnection();
    const b = new RTCPeerConnection();
    a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
    b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
    const video = document.createElement('video');
    video.muted = true;
    document.body.append(video);
    const shown = new Promise((resolve) => {
      b.ontrack = (e) => {
        if (video.srcObject) return;
        video.srcObject = e.streams[0];
        void video.play();
        video.requestVideoFrameCallback(() => resolve(performance.now()));
      };
    });
    for (const t of camera.getTracks()) a.addTrack(t, camera);
    const t0 = performance.now();
    await a.setLocalDescription(await a.createOffer());
    await b.setRemoteDescription(a.localDescription);
    await b.setLocalDescription(await b.createAnswer());
    await a.setRemoteDescription(b.localDescription);
    const t1 = await shown;
    a.close(); b.close(); video.remove();
    for (const t of camera.getTracks()) t.stop();
    return t1 - t0;
  })()`;

const central = await spawnCentral({});
const dataDir = mkdtempSync(join(tmpdir(), 'bench-call-'));
const console102 = await startConsoleHost(central.url, dataDir);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});
try {
  const reference: number[] = [];
  const bench = await browser.newPage();
  await bench.goto(`${central.url}/health`);
  for (let i = 0; i < CALLS + 2; i++) {
    const ms = (await bench.evaluate(bareCallInOnePage)) as number;
    if (i >= 2) reference.push(ms);
  }

  const operator = await signedInOperator(browser, console102.url);
  const citizenContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  await citizenContext.addInitScript("localStorage.setItem('widget.lang', 'ru');");
  const citizen = await citizenContext.newPage();
  await citizen.goto(`${central.url}/widget/`);

  const setup: number[] = [];
  for (let i = 0; i < CALLS + 2; i++) {
    await citizen.getByRole('button', { name: 'Видеовызов' }).click();
    await operator.getByTestId('ringing-call').waitFor();
    const t0 = wallNow();
    await operator.keyboard.press('Alt+A');
    const shown = (await operator.evaluate(firstFrameOf('[data-testid="remote-video"]'))) as number;
    if (i >= 2) setup.push(shown - t0);
    await operator.keyboard.press('Alt+H');
    await operator.getByRole('button', { name: 'Close' }).click();
    await citizen.getByRole('button', { name: 'Новое обращение' }).click();
  }
  setup.sort((a, b) => a - b);
  reference.sort((a, b) => a - b);
  const p95 = percentile(setup, 95);
  const referenceP95 = percentile(reference, 95);
  reportBench({
    name: 'call-setup',
    metric: "p95 time from the operator's accept to the first frame of the caller's video on the console",
    unit: 'ms',
    value: p95,
    reference: referenceP95,
    ratio: p95 / referenceP95,
    target: 'value < 800 ms and ratio <= 1.5',
    pass: p95 < 800 && p95 / referenceP95 <= 1.5,
    extra: {
      calls: CALLS,
      p50_ms: Math.round(percentile(setup, 50) * 10) / 10,
      reference_p50_ms: Math.round(percentile(reference, 50) * 10) / 10,
      reference_is: 'a bare RTCPeerConnection pair in one page, createOffer to first frame shown',
      relay: 'not measured',
    },
  });
} finally {
  await browser.close();
  await console102.stop();
  await central.close();
  rmSync(dataDir, { recursive: true, force: true });
}
