/**
 * Call set-up (issue 13): from the operator's accept (Alt+A in a real console) to the first frame of the
 * citizen's video shown on the console, p50/p95 over 20 calls from the widget, loopback, fake camera.
 * Reference, same run and browser: a bare RTCPeerConnection pair in one page with in-page signalling,
 * from createOffer to the first frame shown. Needs `npm run build` first. Beside it, the same 20 calls with
 * every path through a real coturn (tests/support/coturn.ts; central hands out its credentials and asks for
 * relay only), and the same bare pair relayed through that coturn.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/chromium.mjs';
import { startCoturn } from '../tests/support/coturn';
import { percentile, reportBench } from './report';
import { spawnCentral } from './support/central-process';
import { signedInOperator, startConsoleHost, wallNow } from './support/console-host';

/** 20 (issue 13); `BENCH_CALLS` asks for fewer on a machine too loaded to finish (the JSON line says how many). */
const CALLS = Number(process.env.BENCH_CALLS ?? 20);

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

/** A call that shows no frame within this fails the bench with what it waited for, instead of hanging it. */
const CALL_LIMIT_MS = 30_000;

async function withinCallLimit<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${CALL_LIMIT_MS / 1000} s`)), CALL_LIMIT_MS);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** `config`: the RTCConfiguration of both ends (empty: loopback host candidates). */
const bareCallInOnePage = (config: object) => `
  (async () => {
    const camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const a = new RTCPeerConnection(${JSON.stringify(config)});
    const b = new RTCPeerConnection(${JSON.stringify(config)});
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

const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});

/** Sorted milliseconds of the bare pair and of the console's calls, against a central started with `env`. */
async function measure(
  env: Record<string, string>,
  relay: object,
): Promise<{ reference: number[]; setup: number[] }> {
  const central = await spawnCentral({ env });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-call-'));
  const console102 = await startConsoleHost(central.url, dataDir);
  try {
    const reference: number[] = [];
    const bench = await browser.newPage();
    await bench.goto(`${central.url}/health`);
    for (let i = 0; i < CALLS + 2; i++) {
      const ms = await withinCallLimit(
        bench.evaluate(bareCallInOnePage(relay)) as Promise<number>,
        `bare pair ${i + 1}: no frame shown`,
      );
      if (i >= 2) reference.push(ms);
    }
    await bench.close();

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
      const shown = await withinCallLimit(
        operator.evaluate(firstFrameOf('[data-testid="remote-video"]')) as Promise<number>,
        `call ${i + 1}: no frame of the caller's video on the console`,
      );
      if (i >= 2) setup.push(shown - t0);
      await operator.keyboard.press('Alt+H');
      await operator.getByRole('button', { name: 'Close' }).click();
      await citizen.getByRole('button', { name: 'Новое обращение' }).click();
    }
    await operator.context().close();
    await citizenContext.close();
    setup.sort((a, b) => a - b);
    reference.sort((a, b) => a - b);
    return { reference, setup };
  } finally {
    await console102.stop();
    await central.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number) => Math.round(value * 10) / 10;
const coturn = await startCoturn();
try {
  const direct = await measure({}, {});
  // The bare pair through the same coturn, with credentials made the way central makes them (TURN REST API).
  const username = `${Math.floor(Date.now() / 1000) + 3600}:bench`;
  const credential = createHmac('sha1', coturn.secret).update(username).digest('base64');
  const relayed = await measure(
    { CENTRAL_TURN_URLS: coturn.turnUrl, CENTRAL_TURN_SECRET: coturn.secret, CENTRAL_ICE_RELAY_ONLY: '1' },
    { iceServers: [{ urls: [coturn.turnUrl], username, credential }], iceTransportPolicy: 'relay' },
  );
  const p95 = percentile(direct.setup, 95);
  const referenceP95 = percentile(direct.reference, 95);
  const relayP95 = percentile(relayed.setup, 95);
  const relayReferenceP95 = percentile(relayed.reference, 95);
  reportBench({
    name: 'call-setup',
    metric: "p95 time from the operator's accept to the first frame of the caller's video on the console",
    unit: 'ms',
    value: ms(p95),
    reference: ms(referenceP95),
    ratio: Math.round((p95 / referenceP95) * 100) / 100,
    target: 'value < 800 ms and ratio <= 1.5',
    pass: p95 < 800 && p95 / referenceP95 <= 1.5,
    extra: {
      calls: CALLS,
      p50_ms: ms(percentile(direct.setup, 50)),
      reference_p50_ms: ms(percentile(direct.reference, 50)),
      reference_is: 'a bare RTCPeerConnection pair in one page, createOffer to first frame shown',
      relay_through: 'coturn on loopback, iceTransportPolicy relay on both sides',
      relay_p50_ms: ms(percentile(relayed.setup, 50)),
      relay_p95_ms: ms(relayP95),
      relay_reference_p50_ms: ms(percentile(relayed.reference, 50)),
      relay_reference_p95_ms: ms(relayReferenceP95),
      relay_ratio: Math.round((relayP95 / relayReferenceP95) * 100) / 100,
    },
  });
} finally {
  await browser.close();
  await coturn.stop();
}
