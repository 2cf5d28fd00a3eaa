import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { consoleWithCentral, freePort, signIn, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/centralTest';
import { aPngPhoto } from '../support/e2e/pngImage';
import { aWavVoiceMessage } from '../support/e2e/wavVoice';
import { tempDir } from '../support/tempDir';

/**
 * Central's retention and a PostgreSQL database for it (tests/support/central/retentionCli.ts), each run as a
 * process of its own: this project does not compile central.
 */
const retentionCli = (...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/support/central/retentionCli.ts', ...args], {
    encoding: 'utf8',
  }).trim();

/** A widget appeal with a photo and a voice message attached from the citizen's device. */
async function appealWithFiles(citizen: Page, centralUrl: string, text: string) {
  await citizen.goto(`${centralUrl}/widget/`);
  await citizen.locator('#category').selectOption('otherOffence');
  await citizen.locator('#text').fill(text);
  await citizen.locator('#address').fill('Астана, Кенесары көшесі, 40');
  await citizen.locator('#name').fill('Айгерім Сәрсенова');
  await citizen.locator('#appeal button[type=submit]').click();
  await expect(citizen.locator('#number')).not.toBeEmpty();
  await citizen.locator('#attach').setInputFiles([
    { name: 'аула.png', mimeType: 'image/png', buffer: aPngPhoto(320, 200) },
    { name: 'дауыс.wav', mimeType: 'audio/wav', buffer: aWavVoiceMessage(2) },
  ]);
  await expect(citizen.locator('#attached li')).toHaveCount(2);
}

/** The operator signed in on the console at `url` and online, the screens in English. */
async function operatorOnline(page: Page, url: string) {
  await page.addInitScript(() => {
    localStorage.setItem('console102.readinessIntroduced', '1');
    localStorage.setItem('console102.language', 'en');
  });
  await page.goto(url);
  await signIn(page, 'operator', 'operator');
  await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
}

test.describe("a citizen's attachments open inside the console (issue 12, item 1)", () => {
  test.describe.configure({ timeout: 240_000 });

  test('the photo and the voice message of a widget appeal open from the inbox and from its card, keyboard only', async ({
    browser,
    page,
    withCentral,
  }, testInfo) => {
    const { central, host } = await withCentral();
    const citizen = await browser.newPage();
    try {
      await appealWithFiles(citizen, central.url, 'Аулада біреу терезені сындырды');
      await operatorOnline(page, host.url);

      await page.keyboard.press('Alt+4');
      const item = page.getByTestId('inbox-item').filter({ hasText: 'терезені сындырды' });
      await expect(item).toBeVisible();
      await page.getByTestId('inbox-list').focus();
      const attachments = page.getByTestId('appeal-attachment');
      await expect(attachments).toHaveCount(2);
      await expect(attachments.first()).toContainText('аула.png');

      // Alt+V: the first attachment, the photo, decoded in the viewer; the focus is in the viewer.
      await page.keyboard.press('Alt+V');
      const viewer = page.getByTestId('attachment-viewer');
      await expect(viewer).toBeFocused();
      const photo = viewer.getByTestId('attachment-photo');
      await expect(photo).toBeVisible();
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
      expect(await photo.getAttribute('src')).toMatch(/^blob:/);
      // Zoom in with "+", back to fit with "0".
      const fitted = await photo.evaluate((img) => img.getBoundingClientRect().width);
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      await expect
        .poll(() => photo.evaluate((img) => img.getBoundingClientRect().width))
        .toBeGreaterThan(fitted);
      await page.keyboard.press('0');
      await expect
        .poll(() => photo.evaluate((img) => img.getBoundingClientRect().width))
        .toBeCloseTo(fitted, 0);
      for (const language of ['kk', 'ru'] as const) {
        await page.keyboard.press('Alt+L');
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.screenshot({ path: testInfo.outputPath(`attachment-photo-${language}.png`) });
      }
      await page.keyboard.press('Alt+L');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');

      // → the voice message, in an audio player that knows its length.
      await page.keyboard.press('ArrowRight');
      const audio = viewer.getByTestId('attachment-audio');
      await expect(audio).toBeVisible();
      await expect
        .poll(() => audio.evaluate((a: HTMLAudioElement) => (Number.isFinite(a.duration) ? a.duration : 0)))
        .toBeGreaterThan(1.5);
      await page.keyboard.press('Escape');
      await expect(viewer).toHaveCount(0);
      await expect(page.getByTestId('inbox-list')).toBeFocused();

      // The card opened from the item lists the same attachments, and Alt+V opens them there too.
      await page.keyboard.press('Alt+O');
      await expect(page.getByLabel('What the applicant says')).toHaveValue('Аулада біреу терезені сындырды');
      await expect(page.getByTestId('appeal-attachments').getByTestId('appeal-attachment')).toHaveCount(2);
      await page.keyboard.press('Alt+V');
      await expect
        .poll(() =>
          viewer.getByTestId('attachment-photo').evaluate((img: HTMLImageElement) => img.naturalWidth),
        )
        .toBe(320);
      await page.keyboard.press('ArrowLeft');
      await expect(viewer.getByTestId('attachment-audio')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(viewer).toHaveCount(0);
    } finally {
      await citizen.close();
    }
  });

  test('an attachment with central out of reach says so in the operator language, not as a wait for ever', async ({
    browser,
    page,
    withCentral,
  }) => {
    const { central, host } = await withCentral();
    const citizen = await browser.newPage();
    try {
      await appealWithFiles(citizen, central.url, 'Подъезд открыт всю ночь');
      await operatorOnline(page, host.url);
      await page.keyboard.press('Alt+L');
      await page.keyboard.press('Alt+L');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-item').filter({ hasText: 'Подъезд открыт' })).toBeVisible();
      await expect(page.getByTestId('appeal-attachment')).toHaveCount(2);
      // Central goes away: the viewer says central is out of reach instead of waiting for ever.
      await central.stop();
      await page.getByTestId('appeal-attachment').first().click();
      await expect(page.getByTestId('attachment-problem')).toHaveText(
        'Нет связи с центральной системой: вложения сейчас не открыть. Повторите, когда связь вернётся.',
        { timeout: 30_000 },
      );
    } finally {
      await citizen.close();
    }
  });

  test('an attachment central has purged (retention) says so in Kazakh and Russian, and the desk carries on', async ({
    browser,
    page,
    dataDir,
  }) => {
    // Central as its own process on PostgreSQL, so its retention service can run on the same database meanwhile.
    let databaseUrl: string;
    try {
      databaseUrl = retentionCli('fresh');
    } catch {
      test.skip(true, 'PostgreSQL at 127.0.0.1:5432 is unreachable: central purges on it here');
      return;
    }
    const attachmentsDir = tempDir('central-attachments-');
    const port = await freePort();
    const central = await startCentral(port, {
      DATABASE_URL: databaseUrl,
      CENTRAL_ATTACHMENTS_DIR: attachmentsDir.dir,
    });
    const host = await consoleWithCentral(dataDir, port);
    const citizen = await browser.newPage();
    try {
      await appealWithFiles(citizen, central.url, 'Көлік жолды бөгеп тұр');
      await operatorOnline(page, host.url);
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-item').filter({ hasText: 'жолды бөгеп' })).toBeVisible();
      await page.getByTestId('inbox-list').focus();
      await expect(page.getByTestId('appeal-attachment')).toHaveCount(2);

      // Central's retention runs as on the day after the retention period: both files are purged.
      expect(JSON.parse(retentionCli('purge', databaseUrl, attachmentsDir.dir))).toEqual({
        attachments: 2,
        cardFiles: 0,
      });

      const viewer = page.getByTestId('attachment-viewer');
      const problem = viewer.getByTestId('attachment-problem');
      await page.keyboard.press('Alt+L');
      await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
      await page.keyboard.press('Alt+V');
      await expect(problem).toHaveText('Файл сақтау мерзімі біткен соң жойылды.');
      await expect(viewer.getByTestId('attachment-photo')).toHaveCount(0);
      // → the voice message, purged with it: the same note, now in Russian.
      await page.keyboard.press('Alt+L');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
      await page.keyboard.press('ArrowRight');
      await expect(problem).toHaveText('Файл удалён по истечении срока хранения.');
      await expect(viewer.getByTestId('attachment-audio')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(viewer).toHaveCount(0);
      await expect(page.getByTestId('inbox-list')).toBeFocused();

      // Nothing else broke: the item still becomes a card from the keyboard, with the citizen's words in it.
      await page.keyboard.press('Alt+O');
      await expect(page.getByTestId('card-form')).toBeVisible();
      await expect(page.getByLabel('Что сообщает заявитель')).toHaveValue('Көлік жолды бөгеп тұр');
    } finally {
      await citizen.close();
      await host.stop();
      await central.stop();
      retentionCli('drop', databaseUrl);
      attachmentsDir.remove();
    }
  });
});
