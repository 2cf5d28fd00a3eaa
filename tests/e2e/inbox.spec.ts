import type { Page } from '@playwright/test';
import { consoleWithCentral, deskWithCentral, freePort, signIn, startCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';

const HOSTILE = '<img src=x onerror="window.__pwned=1"> \u202Eтекст\u202C javascript:alert(1) жарық жоқ';

async function sendFromWidget(page: Page, centralUrl: string, text: string) {
  await page.goto(`${centralUrl}/widget/`);
  await page.locator('#category').selectOption('otherOffence');
  await page.locator('#text').fill(text);
  await page.locator('#address').fill('Алматы, Абай даңғылы, 10');
  await page.locator('#anonymous').check();
  await page.locator('#appeal button[type=submit]').click();
  await expect(page.locator('#number')).not.toBeEmpty();
}

test.describe('the operator desk (issue 12)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('a widget text reaches the inbox, a card is opened from it with the keyboard, the citizen sees each status, a second operator finds it taken', async ({
    browser,
    page,
    dataDir,
  }, testInfo) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
    const desk = await deskWithCentral(page, dataDir);
    const { central, port } = desk;
    const citizen = await browser.newPage();
    try {
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-list')).toBeVisible();

      await sendFromWidget(citizen, central.url, HOSTILE);
      await expect(citizen.locator('#status')).toHaveText('Қабылданды');
      const item = page.getByTestId('inbox-item').filter({ hasText: 'жарық жоқ' });
      await expect(item).toBeVisible();
      await expect(item).toContainText('Site widget');
      await expect(item).toContainText('Anonymous');
      // The citizen's markup is text on the operator's screen: nothing ran, no image was made of it.
      await expect(item).toContainText('<img src=x onerror=');
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      for (const [button, language] of [
        ['Қазақша', 'kk'],
        ['Русский', 'ru'],
      ] as const) {
        await page.getByRole('button', { name: button }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await page.screenshot({ path: testInfo.outputPath(`inbox-${language}.png`) });
      }
      await page.getByRole('button', { name: 'English' }).click();

      // The keyboard alone: Alt+O claims the selected item and opens its card.
      await page.keyboard.press('Alt+O');
      await expect(page.getByLabel('What the applicant says')).toHaveValue(HOSTILE);
      await expect(page.getByLabel('Address as typed')).toHaveValue('Алматы, Абай даңғылы, 10');
      await expect(page.getByLabel(/^Anonymous appeal/)).toBeChecked();
      await expect(page.getByTestId('card-applicant').getByLabel('Full name')).toHaveCount(0);
      await expect(citizen.locator('#status')).toHaveText('Өңделуде', { timeout: 30_000 });

      // A second operator's console: the appeal is not offered as free.
      const otherDir = `${dataDir}-other`;
      const { mkdirSync } = await import('node:fs');
      mkdirSync(otherDir, { recursive: true });
      const otherHost = await consoleWithCentral(otherDir, port);
      const other = await browser.newPage();
      try {
        await asOperatorsDay(other);
        await other.goto(otherHost.url);
        await signIn(other, 'supervisor', 'supervisor');
        await expect(other.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
        await other.keyboard.press('Alt+4');
        await expect(other.getByTestId('inbox-count')).toBeVisible();
        await expect(other.getByTestId('inbox-item').filter({ hasText: 'жарық жоқ' })).toHaveCount(0);
      } finally {
        await other.close();
        await otherHost.stop();
      }

      await page.keyboard.press('Control+Enter');
      await expect(page.locator('.card-form__badges')).toContainText('Sent to the senior inspector', {
        timeout: 30_000,
      });
      await expect(citizen.locator('#status')).toHaveText('Полицияға жіберілді', { timeout: 30_000 });
    } finally {
      await citizen.close();
      await desk.stop();
    }
  });

  test('a text forwarded to a competent service never becomes a card, and the citizen sees where it went', async ({
    browser,
    page,
    dataDir,
  }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
    const desk = await deskWithCentral(page, dataDir);
    const { central } = desk;
    const citizen = await browser.newPage();
    try {
      await sendFromWidget(citizen, central.url, 'Көшеде шам жанбайды');
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-item').filter({ hasText: 'Көшеде шам жанбайды' })).toBeVisible();
      await page.keyboard.press('Alt+W');
      const service = page.locator('#inbox-forward-service');
      await expect(service).toBeFocused();
      await service.selectOption('akimat');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Street lighting is the akimat’s');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('inbox-notice')).toContainText('Forwarded to:');
      await expect(citizen.locator('#status')).toHaveText(
        'Құзыреттілігі бойынша орындаушы қызметке жіберілді: Әкімдіктің қоғамдық қабылдау бөлмесі',
        { timeout: 30_000 },
      );
      await page.keyboard.press('Alt+1');
      await expect(page.getByTestId('card-list-item')).toHaveCount(0);
      await expect(page.getByTestId('inbox-item').filter({ hasText: 'Көшеде шам жанбайды' })).toHaveCount(0);
    } finally {
      await citizen.close();
      await desk.stop();
    }
  });

  test('the inbox as last seen is there after a restart with central down', async ({ browser, dataDir }) => {
    const port = await freePort();
    const central = await startCentral(port);
    let host = await consoleWithCentral(dataDir, port);
    const citizen = await browser.newPage();
    let page = await browser.newPage();
    await asOperatorsDay(page);
    try {
      await page.goto(host.url);
      await signIn(page, 'operator', 'operator');
      await expect(page.getByTestId('connectivity')).toContainText('Online', { timeout: 60_000 });
      await sendFromWidget(citizen, central.url, 'Аулада төбелес');
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-item').filter({ hasText: 'Аулада төбелес' })).toBeVisible();
    } finally {
      await citizen.close();
      await page.close();
      await host.stop();
      await central.stop();
    }
    host = await startConsoleHostAgain(dataDir);
    page = await browser.newPage();
    await asOperatorsDay(page);
    try {
      await page.goto(host.url);
      // Offline sign-in with the account that signed in here before (central is down).
      await signIn(page, 'operator', 'operator');
      await expect(page.getByTestId('session')).toContainText('Асель Нурланова', { timeout: 30_000 });
      await page.keyboard.press('Alt+4');
      await expect(page.getByTestId('inbox-offline')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('inbox-item').filter({ hasText: 'Аулада төбелес' })).toBeVisible();
    } finally {
      await page.close();
      await host.stop();
    }
  });
});

/** A page of its own starts where an operator's day starts, as the fixture's page does, in English. */
async function asOperatorsDay(page: Page) {
  await page.addInitScript(() => {
    localStorage.setItem('console102.readinessIntroduced', '1');
    localStorage.setItem('console102.language', 'en');
  });
}

async function startConsoleHostAgain(dataDir: string) {
  const { startConsoleHost } = await import('../support/e2e/fixtures');
  return startConsoleHost(dataDir);
}
