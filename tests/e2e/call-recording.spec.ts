import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { freePort, startCentral } from '../support/e2e/central';
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

/** The player's media as the browser decoded it: its length once the browser has seen the end, frames shown. */
async function playerFigures(page: Page): Promise<{ playedMs: number; frames: number }> {
  return page.getByTestId('recording-player').evaluate((video: HTMLVideoElement) => ({
    playedMs: video.currentTime * 1000,
    frames: video.getVideoPlaybackQuality().totalVideoFrames,
  }));
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
      let found: { cardId: string; fileId: string; durationMs: number } | null = null;
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
      const recording = found as unknown as { cardId: string; fileId: string; durationMs: number };
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

      // The supervisor opens the card and plays the recording in the console.
      const supervisor = await supervisorDesk(browser, supervisorDir, port, 'en');
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
      await page.getByTestId('card-recording').getByRole('button', { name: 'Play' }).click();
      await expect(page.getByTestId('recording-player')).toBeVisible();
      await expect
        .poll(async () => (await playerFigures(page)).playedMs, { timeout: 30_000 })
        .toBeGreaterThan(500);
      expect((await playerFigures(page)).frames).toBeGreaterThan(0);
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
        await page.getByTestId('card-recording').getByRole('button', { name }).click();
        await expect(page.getByTestId('recording-player')).toBeVisible();
        await page.getByTestId('recording-player').scrollIntoViewIfNeeded();
        await page.screenshot({ path: test.info().outputPath(`recording-player-${language}.png`) });
      }
    } finally {
      for (const desk of desks) await desk.host.stop();
      await central.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
