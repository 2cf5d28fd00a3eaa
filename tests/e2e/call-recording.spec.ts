import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { freePort, startCentral } from '../support/e2e/central';
import { type RangeHoldingProxy, rangeHoldingProxy } from '../support/e2e/rangeHoldingProxy';
import { FIRST_PIECE_BYTES } from '../../domain/files/recordingPlay';
import {
  citizenWidget,
  demoToken,
  expectFramesDecoded,
  operatorDesk,
  type OperatorDesk,
  recordingsOnCentral,
  recordingUploaded,
  supervisorDesk,
} from './callSupport';
import { expect, test } from '../support/e2e/fixtures';
import type { CallQualitySummary } from '../../domain/calls/callQuality';

/**
 * The player's media as the browser plays it: how far it has played from where the media begins (the player
 * jumps to that start at once, so the position alone would count a jump as playing), frames shown.
 */
async function playerFigures(page: Page): Promise<{ playedMs: number; frames: number }> {
  return page.getByTestId('recording-player').evaluate((video: HTMLVideoElement) => ({
    playedMs: (video.currentTime - (video.buffered.length ? video.buffered.start(0) : 0)) * 1000,
    frames: video.getVideoPlaybackQuality().totalVideoFrames,
  }));
}

/** What the player has loaded of the recording, as it shows it. */
async function loaded(page: Page): Promise<{ bytes: number; size: number; complete: boolean }> {
  const load = page.getByTestId('recording-load');
  return {
    bytes: Number(await load.getAttribute('data-loaded-bytes')),
    size: Number(await load.getAttribute('data-size')),
    complete: (await load.getAttribute('data-complete')) === 'true',
  };
}

/**
 * Plays the card's recording with every part after its first held back on the way from central: the video
 * must start (and its time advance) on what came, and the progress show that the rest has not. Then lets it in.
 */
async function playsBeforeAllArrived(page: Page, proxy: RangeHoldingProxy, play: string): Promise<void> {
  proxy.hold();
  await page.getByTestId('card-recording').getByRole('button', { name: play }).click();
  await expect(page.getByTestId('recording-player')).toBeVisible();
  await expect.poll(() => proxy.held(), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect
    .poll(async () => (await playerFigures(page)).playedMs, { timeout: 30_000 })
    .toBeGreaterThan(100);
  const before = await loaded(page);
  expect(before.complete).toBe(false);
  expect(before.bytes).toBeLessThan(before.size);
  await expect(page.getByTestId('recording-progress')).toBeVisible();
}

/** WebM from MediaRecorder has no duration: seeking past the end makes the browser find it in the media itself. */
async function decodedDurationMs(page: Page): Promise<number> {
  return page.getByTestId('recording-player').evaluate(
    (video: HTMLVideoElement) =>
      new Promise<number>((resolve) => {
        video.pause();
        const done = () => Number.isFinite(video.duration) && resolve(video.duration * 1000);
        video.addEventListener('durationchange', done);
        video.addEventListener('seeked', done);
        video.currentTime = Number.MAX_SAFE_INTEGER;
        done();
      }),
  );
}

/**
 * §17, issue 13 item 6: the operator's console records the call (the caller's video, both voices), uploads it
 * after hang-up and links it to the card; the supervisor plays it from the card; it lasts what the call lasted.
 */
test.describe('call recording', () => {
  test.describe.configure({ timeout: 240_000 });

  test('after a call, the recording is on central, plays in the supervisor’s console and lasts what the call did', async ({
    browser,
  }) => {
    const dirs = ['rec-operator-', 'rec-supervisor-'].map((p) => mkdtempSync(join(tmpdir(), p)));
    const [operatorDir = '', supervisorDir = ''] = dirs;
    const port = await freePort();
    const central = await startCentral(port);
    const desks: OperatorDesk[] = [];
    let proxy: RangeHoldingProxy | undefined;
    try {
      const operator = await operatorDesk(browser, operatorDir, port, {
        login: 'operator',
        password: 'operator',
      });
      desks.push(operator);
      const citizen = await citizenWidget(browser, central.url);
      await citizen.getByRole('button', { name: 'Видеовызов' }).click();
      await expect(operator.page.getByTestId('ringing-call')).toHaveCount(1);
      await operator.page.keyboard.press('Alt+A');
      await expectFramesDecoded(operator.page);
      await expect(operator.page.getByTestId('call-recording')).toHaveText(/Recording/);
      // Some seconds of call, by the call's own timer (no sleep): several chunks reach the disk meanwhile.
      await expect
        .poll(async () => Number(await operator.page.getByTestId('call-timer').getAttribute('data-ms')), {
          timeout: 30_000,
        })
        .toBeGreaterThan(8_000);
      await operator.page.keyboard.press('Alt+H');
      await expect(operator.page.getByTestId('call-phase')).toHaveText('Call ended');
      const callMs = Number(await operator.page.getByTestId('call-timer').getAttribute('data-ms'));
      expect(callMs).toBeGreaterThan(8_000);

      // The recording reaches central linked to the call's card, and its bytes arrive whole.
      const [supervisorToken, operatorToken] = await Promise.all(
        ['supervisor', 'operator'].map((login) => demoToken(central.url, login)),
      );
      let found: { cardId: string; fileId: string; durationMs: number; size: number } | null = null;
      await expect
        .poll(
          async () => {
            for (const card of await recordingsOnCentral(central.url, supervisorToken ?? ''))
              for (const r of card.recordings) found = { cardId: card.cardId, ...r };
            return (
              found !== null && (await recordingUploaded(central.url, found.fileId, operatorToken ?? ''))
            );
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      const recording = found as unknown as {
        cardId: string;
        fileId: string;
        durationMs: number;
        size: number;
      };
      expect(Math.abs(recording.durationMs - callMs)).toBeLessThan(1_000);

      // The call's quality figures are stored with it (issue 13.4): each window of 5 s or more as it closed (over 8 s
      // of call: at least one), and the open one at hang-up.
      const listed = await fetch(`${central.url}/api/cards/${recording.cardId}/recordings`, {
        headers: { authorization: `Bearer ${supervisorToken}` },
      });
      const { callQuality } = (await listed.json()) as { callQuality: CallQualitySummary | null };
      expect(callQuality?.windows).toBeGreaterThanOrEqual(2);
      expect(callQuality?.framesDecoded).toBeGreaterThan(0);
      expect(callQuality?.bitrateKbps?.avg).toBeGreaterThan(0);
      expect(callQuality?.rttMs).not.toBeNull();

      // The supervisor opens the card and plays the recording in the console, through a link that can hold
      // back the recording's later parts: it plays from its first part, before the rest has arrived.
      const listedSize = recording.size;
      test.info().annotations.push({ type: 'recording size', description: `${listedSize} bytes` });
      expect(listedSize).toBeGreaterThan(FIRST_PIECE_BYTES);
      proxy = await rangeHoldingProxy(port);
      const supervisor = await supervisorDesk(browser, supervisorDir, proxy.port, 'en');
      desks.push(supervisor);
      const { page } = supervisor;
      await page.getByTestId('card-list-item').first().click();
      await expect(page.getByTestId('card-recording')).toHaveCount(1);
      await expect(page.getByTestId('card-recording')).toHaveAttribute(
        'data-duration-ms',
        String(recording.durationMs),
      );
      await expect(page.getByTestId('quality-frames')).toHaveAttribute(
        'data-value',
        String(callQuality?.framesDecoded),
      );
      await playsBeforeAllArrived(page, proxy, 'Play');
      expect((await playerFigures(page)).frames).toBeGreaterThan(0);
      // Winding back within what has arrived works while the rest is still held back.
      const wound = await page.getByTestId('recording-player').evaluate(
        (video: HTMLVideoElement) =>
          new Promise<{ from: number; at: number; start: number }>((resolve, reject) => {
            const [from, start] = [video.currentTime, video.buffered.start(0)];
            video.addEventListener('seeked', () => resolve({ from, at: video.currentTime, start }), {
              once: true,
            });
            // A seek that never ends fails here, by name, not at the test's timeout.
            setTimeout(
              () => reject(new Error(`no 'seeked' within 10 s: from ${from} s to ${start} s`)),
              10_000,
            );
            video.currentTime = start;
          }),
      );
      expect(wound.at).toBeGreaterThanOrEqual(wound.start);
      expect(wound.at).toBeLessThan(wound.from);
      proxy.release();
      await expect.poll(async () => (await loaded(page)).complete, { timeout: 30_000 }).toBe(true);
      expect((await loaded(page)).bytes).toBe(listedSize);
      // The media itself covers the call, not a fragment of it. Its own timeline is what the browser decoded,
      // which on a loaded machine (the recorder's encoder starved of CPU) can drift by a few seconds; the
      // duration that must be within a second is the one measured from the chunks' times, above.
      const decodedMs = await decodedDurationMs(page);
      test
        .info()
        .annotations.push({ type: 'durations', description: `call ${callMs} ms, decoded ${decodedMs} ms` });
      expect(decodedMs).toBeGreaterThan(callMs / 2);
      expect(decodedMs).toBeLessThan(callMs + 3_000);
      await page.getByTestId('recording-player').scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath('recording-player-en.png') });

      for (const [button, name, language] of [
        ['Қазақша', 'Ойнату', 'kk'],
        ['Русский', 'Воспроизвести', 'ru'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        // Caught while it loads, so the picture shows the progress too.
        await playsBeforeAllArrived(page, proxy, name);
        await page.getByTestId('recording-progress').scrollIntoViewIfNeeded();
        await page
          .getByTestId('recording-load')
          .screenshot({ path: test.info().outputPath(`recording-player-${language}.png`) });
        proxy.release();
        await expect.poll(async () => (await loaded(page)).complete, { timeout: 30_000 }).toBe(true);
      }

      // A browser that cannot stream the recording's type gets it whole first, then plays it.
      await page.evaluate(() => {
        MediaSource.isTypeSupported = () => false;
      });
      await page.getByTestId('card-recording').getByRole('button', { name: 'Воспроизвести' }).click();
      await expect.poll(async () => (await loaded(page)).complete, { timeout: 30_000 }).toBe(true);
      await expect
        .poll(async () => (await playerFigures(page)).playedMs, { timeout: 30_000 })
        .toBeGreaterThan(300);
    } finally {
      for (const desk of desks) await desk.host.stop();
      await proxy?.close();
      await central.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
