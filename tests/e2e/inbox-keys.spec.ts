import type { Page } from '@playwright/test';
import { deskWithCentral } from '../support/e2e/central';
import { expect, test } from '../support/e2e/fixtures';

async function sendFromWidget(page: Page, centralUrl: string, text: string) {
  await page.goto(`${centralUrl}/widget/`);
  await page.locator('#category').selectOption('otherOffence');
  await page.locator('#text').fill(text);
  await page.locator('#address').fill('Алматы, Абай даңғылы, 10');
  await page.locator('#anonymous').check();
  await page.locator('#appeal button[type=submit]').click();
  await expect(page.locator('#number')).not.toBeEmpty();
}

test.describe('the inbox from the keyboard (issue 12, item 2)', () => {
  test.describe.configure({ timeout: 300_000 });

  test('Alt+R replies in the chat of the selected item, and the citizen reads the reply in the widget; F1 lists it', async ({
    page,
    browser,
    dataDir,
  }) => {
    await page.addInitScript(() => localStorage.setItem('console102.language', 'en'));
    const desk = await deskWithCentral(page, dataDir);
    const citizen = await browser.newPage();
    try {
      await sendFromWidget(citizen, desk.central.url, 'Көршілер айғайлап жатыр');
      await page.keyboard.press('Alt+4');
      await expect(
        page.getByTestId('inbox-item').filter({ hasText: 'Көршілер айғайлап жатыр' }),
      ).toBeVisible();
      await page.getByTestId('inbox-list').focus();
      await page.keyboard.press('Home');

      await page.keyboard.press('Alt+R');
      const input = page.getByLabel('Message to the applicant');
      await expect(input).toBeFocused({ timeout: 30_000 });
      await page.keyboard.type('Сәлеметсіз бе, наряд жіберілді.');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('chat-line').last()).toContainText('Sent', { timeout: 30_000 });
      await expect(citizen.locator('#chat')).toContainText('Сәлеметсіз бе, наряд жіберілді.', {
        timeout: 30_000,
      });
      // The card opened for the reply answers the appeal: the citizen sees it in progress.
      await expect(citizen.locator('#status')).toHaveText('Өңделуде', { timeout: 30_000 });

      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(help).toContainText('Reply in the chat of the selected appeal');
    } finally {
      await citizen.close();
      await desk.stop();
    }
  });
});
